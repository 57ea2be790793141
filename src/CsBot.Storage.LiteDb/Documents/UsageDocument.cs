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
/// Only files of the earlier layouts hold these documents, and format-1 account data holds usage in the same fixed
/// layout (<see cref="Pack"/>, <see cref="Unpack"/>): both are read, never written. Usage is written compactly now
/// (<see cref="UsageDayPacking.PackCompact"/>, in <see cref="AccountDataDocument"/>), about a quarter of the size.
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
