using CsBot.Core.Signals;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// An account's usage series packed into one bytea: a format byte, then the days as both stores pack them
/// (<see cref="UsageDayPacking"/>: six little-endian int32 a day). A year of usage is under 9 KB,
/// several times smaller than as JSON, which is what a full evaluation reads for every account.
/// </summary>
internal static class UsageBlob
{
    private const byte Format = 1;

    public static byte[] Pack(UsageDay[] days)
    {
        var bytes = new byte[1 + days.Length * UsageDayPacking.BytesPerDay];
        bytes[0] = Format;
        UsageDayPacking.Pack(days, bytes.AsSpan(1));
        return bytes;
    }

    public static UsageDay[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return [];
        if (bytes[0] != Format || (bytes.Length - 1) % UsageDayPacking.BytesPerDay != 0)
            throw new InvalidDataException($"Stored usage is in unknown format {bytes[0]} or truncated ({bytes.Length} bytes).");
        return UsageDayPacking.Unpack(bytes[1..]);
    }
}
