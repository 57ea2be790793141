using System.Buffers.Binary;

namespace CsBot.Core.Signals;

/// <summary>
/// The one binary layout of a usage series both stores keep: per day six little-endian int32s (day number, active
/// users, monthly active users, licensed seats, logins, key-feature uses), 24 bytes a day. One loop in and one out, so
/// reading an account's usage is a tight copy whichever store holds it; each store adds its own format marker.
/// </summary>
public static class UsageDayPacking
{
    public const int BytesPerDay = 6 * sizeof(int);

    /// <summary>Writes <paramref name="usage"/> into <paramref name="destination"/>, which holds at least <see cref="BytesPerDay"/> bytes a day.</summary>
    public static void Pack(ReadOnlySpan<UsageDay> usage, Span<byte> destination)
    {
        foreach (var day in usage)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination, day.Date.DayNumber);
            BinaryPrimitives.WriteInt32LittleEndian(destination[4..], day.ActiveUsers);
            BinaryPrimitives.WriteInt32LittleEndian(destination[8..], day.MonthlyActiveUsers);
            BinaryPrimitives.WriteInt32LittleEndian(destination[12..], day.LicensedSeats);
            BinaryPrimitives.WriteInt32LittleEndian(destination[16..], day.Logins);
            BinaryPrimitives.WriteInt32LittleEndian(destination[20..], day.KeyFeatureUses);
            destination = destination[BytesPerDay..];
        }
    }

    /// <summary>The days packed in <paramref name="bytes"/>; refuses a length that is not whole days.</summary>
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
