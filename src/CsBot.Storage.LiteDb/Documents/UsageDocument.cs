using System.Buffers.Binary;
using CsBot.Core.Signals;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// An account's whole usage time series, collection "usage", keyed by the account id. The days are packed into one
/// binary field — per day, little-endian int32s: day number, active users, monthly active users, licensed seats,
/// logins, key-feature uses (24 bytes) — so loading 180 days is one document read and one tight loop, instead of
/// 180 documents with field names repeated in each.
/// </summary>
/// <remarks>
/// Size: 180 days are 4,320 bytes, a little over half of LiteDB's 8 KB page, and LiteDB does not split a document
/// that fits a page, so each such document takes a page of its own (about 8 KB per account on disk). A denser
/// encoding (delta or varint days, or compression) under a new <see cref="Format"/> would halve that if file size
/// starts to matter.
/// </remarks>
internal sealed class UsageDocument
{
    public const int CurrentFormat = 1;
    private const int BytesPerDay = 6 * sizeof(int);

    [BsonId]
    public string Id { get; set; } = "";
    /// <summary>Layout version of <see cref="Packed"/>, so the packing can change without misreading old files.</summary>
    public int Format { get; set; } = CurrentFormat;
    public byte[] Packed { get; set; } = [];

    public static UsageDocument From(string accountId, UsageDay[] usage) => new() { Id = accountId, Packed = Pack(usage) };

    public UsageDay[] ToUsage()
    {
        if (Format != CurrentFormat) throw new InvalidDataException($"Usage of account '{Id}' is stored in unknown format {Format}.");
        return Unpack(Packed);
    }

    public static byte[] Pack(ReadOnlySpan<UsageDay> usage)
    {
        var bytes = new byte[usage.Length * BytesPerDay];
        var span = bytes.AsSpan();
        foreach (var day in usage)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, day.Date.DayNumber);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], day.ActiveUsers);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], day.MonthlyActiveUsers);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], day.LicensedSeats);
            BinaryPrimitives.WriteInt32LittleEndian(span[16..], day.Logins);
            BinaryPrimitives.WriteInt32LittleEndian(span[20..], day.KeyFeatureUses);
            span = span[BytesPerDay..];
        }
        return bytes;
    }

    public static UsageDay[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % BytesPerDay != 0) throw new InvalidDataException($"Packed usage has {bytes.Length} bytes, not a multiple of {BytesPerDay}.");
        var usage = new UsageDay[bytes.Length / BytesPerDay];
        for (var i = 0; i < usage.Length; i++)
        {
            usage[i] = new UsageDay(
                DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(bytes)),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]));
            bytes = bytes[BytesPerDay..];
        }
        return usage;
    }
}
