using CsBot.Core.Signals;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// An account's usage series packed into one bytea: a format byte, then the days as both stores pack them
/// (<see cref="UsageDayPacking"/>). Format 2, written now, is the compact layout (about 8 bytes a day, 180 days in
/// about 1.5 KB, small enough that PostgreSQL keeps it in the row instead of a TOAST table); format 1, the fixed 24
/// bytes a day, is still read, and a row is rewritten in format 2 whenever its account is saved.
/// </summary>
internal static class UsageBlob
{
    private const byte Fixed = 1;
    private const byte Compact = 2;

    public static byte[] Pack(UsageDay[] days)
    {
        var packed = UsageDayPacking.PackCompact(days);
        var bytes = new byte[1 + packed.Length];
        bytes[0] = Compact;
        packed.CopyTo(bytes.AsSpan(1));
        return bytes;
    }

    public static UsageDay[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return [];
        return bytes[0] switch
        {
            Compact => UsageDayPacking.UnpackCompact(bytes[1..]),
            Fixed when (bytes.Length - 1) % UsageDayPacking.BytesPerDay == 0 => UsageDayPacking.Unpack(bytes[1..]),
            _ => throw new InvalidDataException($"Stored usage is in unknown format {bytes[0]} or truncated ({bytes.Length} bytes)."),
        };
    }
}
