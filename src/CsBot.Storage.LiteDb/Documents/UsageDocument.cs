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
        var bytes = new byte[usage.Length * UsageDayPacking.BytesPerDay];
        UsageDayPacking.Pack(usage, bytes);
        return bytes;
    }

    public static UsageDay[] Unpack(ReadOnlySpan<byte> bytes) => UsageDayPacking.Unpack(bytes);
}
