using System.Buffers.Binary;
using CsBot.Core.Signals;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// An account's usage series packed into one bytea: a format byte, then per day six little-endian int32 (day number,
/// active users, monthly active users, licensed seats, logins, key feature uses). A year of usage is under 9 KB,
/// several times smaller than as JSON, which is what a full evaluation reads for every account.
/// </summary>
internal static class UsageBlob
{
    private const byte Format = 1;
    private const int DayBytes = 6 * sizeof(int);

    public static byte[] Pack(UsageDay[] days)
    {
        var bytes = new byte[1 + days.Length * DayBytes];
        bytes[0] = Format;
        var span = bytes.AsSpan(1);
        foreach (var day in days)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, day.Date.DayNumber);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], day.ActiveUsers);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], day.MonthlyActiveUsers);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], day.LicensedSeats);
            BinaryPrimitives.WriteInt32LittleEndian(span[16..], day.Logins);
            BinaryPrimitives.WriteInt32LittleEndian(span[20..], day.KeyFeatureUses);
            span = span[DayBytes..];
        }
        return bytes;
    }

    public static UsageDay[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return [];
        if (bytes[0] != Format || (bytes.Length - 1) % DayBytes != 0)
            throw new InvalidDataException($"Stored usage is in unknown format {bytes[0]} or truncated ({bytes.Length} bytes).");
        var days = new UsageDay[(bytes.Length - 1) / DayBytes];
        var span = bytes[1..];
        for (var i = 0; i < days.Length; i++, span = span[DayBytes..])
        {
            days[i] = new UsageDay(
                DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(span)),
                BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[12..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[16..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[20..]));
        }
        return days;
    }
}
