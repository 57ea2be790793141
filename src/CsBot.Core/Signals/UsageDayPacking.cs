using System.Buffers;
using System.Buffers.Binary;

namespace CsBot.Core.Signals;

/// <summary>
/// The binary layouts of a usage series both stores keep, so reading an account's usage is one tight loop whichever
/// store holds it; each store adds its own format marker and says which layout its bytes are in.
/// </summary>
/// <remarks>
/// <para>Fixed (<see cref="Pack"/>, <see cref="Unpack"/>, the earlier one, still read): per day six little-endian int32s
/// (day number, active users, monthly active users, licensed seats, logins, key-feature uses), 24 bytes a day.</para>
/// <para>Compact (<see cref="PackCompact"/>, <see cref="UnpackCompact"/>, written now): the day count, then per day the
/// change of each of the six numbers from the day before (from 0 for the first day), zigzag-encoded and written as
/// variable-length integers (7 bits a byte, low bits first). A day's numbers move little from one day to the next, so a
/// day takes about 8 bytes instead of 24 and 180 days about 1.5 KB instead of 4.3 KB: with the rest of an account's
/// data that fits one database page, where the fixed layout spread most accounts over two, and a full evaluation reads
/// every account. Changes are taken in 64 bits, so any int32 values (gaps between days, days out of order, numbers
/// from int.MinValue to int.MaxValue) round-trip exactly.</para>
/// <para>Masked (<see cref="PackMasked"/>, <see cref="UnpackMasked"/>): the read model's in-memory layout, never stored,
/// so it can change with the code; at 100k accounts it holds some 30 MB less than the compact one.</para>
/// </remarks>
public static class UsageDayPacking
{
    public const int BytesPerDay = 6 * sizeof(int);

    private const int FieldsPerDay = 6;
    /// <summary>A zigzag-encoded change of at most 33 bits takes at most 5 bytes.</summary>
    private const int MaxBytesPerField = 5;

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

    /// <summary>The days in the compact layout: each number as its change from the day before, a few bytes a day.</summary>
    public static byte[] PackCompact(ReadOnlySpan<UsageDay> usage)
    {
        // Written into a pooled buffer of the longest the days could take, then copied out at the length they took: an
        // ingestion batch packs a thousand series, and a buffer each was most of what packing allocated.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytesPerField + usage.Length * FieldsPerDay * MaxBytesPerField);
        try
        {
            return buffer.AsSpan(0, PackCompact(usage, buffer)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int PackCompact(ReadOnlySpan<UsageDay> usage, byte[] buffer)
    {
        var at = Write(buffer, 0, (ulong)usage.Length);
        long day = 0, active = 0, monthly = 0, seats = 0, logins = 0, uses = 0;
        foreach (var u in usage)
        {
            at = Change(buffer, at, ref day, u.Date.DayNumber);
            at = Change(buffer, at, ref active, u.ActiveUsers);
            at = Change(buffer, at, ref monthly, u.MonthlyActiveUsers);
            at = Change(buffer, at, ref seats, u.LicensedSeats);
            at = Change(buffer, at, ref logins, u.Logins);
            at = Change(buffer, at, ref uses, u.KeyFeatureUses);
        }
        return at;
    }

    /// <summary>The days packed by <see cref="PackCompact"/>; refuses bytes that are cut short, run on or hold impossible values.</summary>
    public static UsageDay[] UnpackCompact(ReadOnlySpan<byte> bytes) => UnpackCompact(bytes, room: 0);

    /// <summary>
    /// As <see cref="UnpackCompact(ReadOnlySpan{byte})"/>, into an array with <paramref name="room"/> more elements after
    /// the days (left default), for a caller that appends days to the series without copying it again.
    /// </summary>
    public static UsageDay[] UnpackCompact(ReadOnlySpan<byte> bytes, int room)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(room);
        var reader = new Reader(bytes);
        var count = reader.Next();
        // Every day takes at least one byte per number, so a count beyond that is damage, not a reason to allocate.
        if (count > (ulong)(bytes.Length / FieldsPerDay)) throw Damaged($"claims {count} days in {bytes.Length} bytes");
        var usage = new UsageDay[(int)count + room];
        long day = 0, active = 0, monthly = 0, seats = 0, logins = 0, uses = 0;
        for (var i = 0; i < (int)count; i++)
        {
            day = reader.Apply(day);
            if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber) throw Damaged($"holds day number {day}");
            usage[i] = new UsageDay(
                DateOnly.FromDayNumber((int)day),
                (int)(active = reader.ApplyInt(active)),
                (int)(monthly = reader.ApplyInt(monthly)),
                (int)(seats = reader.ApplyInt(seats)),
                (int)(logins = reader.ApplyInt(logins)),
                (int)(uses = reader.ApplyInt(uses)));
        }
        if (!reader.AtEnd) throw Damaged("runs on past its last day");
        return usage;
    }

    /// <summary>
    /// The days in the masked layout, which the read model holds in memory (stores keep the compact one): the day count,
    /// then per day a byte whose bits 0-5 say which of the six numbers did not change as expected from the day before
    /// (the day by one, the others not at all), followed by each such number's surprise (its change less the expected
    /// one), zigzag-encoded as variable-length integers, in field order. Most days move the active users, logins and
    /// key-feature uses and repeat the day, monthly actives and seats, so a demo day takes about 4.6 bytes against 6.5.
    /// </summary>
    public static byte[] PackMasked(ReadOnlySpan<UsageDay> usage)
    {
        // A pooled buffer, as PackCompact: the read model packs every series an ingestion batch saves.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytesPerField + usage.Length * (1 + FieldsPerDay * MaxBytesPerField));
        try
        {
            return buffer.AsSpan(0, PackMasked(usage, buffer)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int PackMasked(ReadOnlySpan<UsageDay> usage, byte[] buffer)
    {
        var at = Write(buffer, 0, (ulong)usage.Length);
        Span<long> previous = stackalloc long[FieldsPerDay];
        Span<long> surprise = stackalloc long[FieldsPerDay];
        foreach (var u in usage)
        {
            var mask = 0;
            for (var field = 0; field < FieldsPerDay; field++)
            {
                long value = Field(u, field);
                surprise[field] = value - previous[field] - Expected(field);
                previous[field] = value;
                if (surprise[field] != 0) mask |= 1 << field;
            }
            buffer[at++] = (byte)mask;
            for (var field = 0; field < FieldsPerDay; field++)
                if ((mask & (1 << field)) != 0) at = Write(buffer, at, (ulong)((surprise[field] << 1) ^ (surprise[field] >> 63)));
        }
        return at;
    }

    /// <summary>The days packed by <see cref="PackMasked"/>; refuses bytes that are cut short, run on or hold impossible values.</summary>
    public static UsageDay[] UnpackMasked(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var count = reader.Next();
        // Every day takes at least its mask byte, so a count beyond that is damage, not a reason to allocate.
        if (count > (ulong)bytes.Length) throw Damaged($"claims {count} days in {bytes.Length} bytes");
        var usage = new UsageDay[(int)count];
        long day = 0, active = 0, monthly = 0, seats = 0, logins = 0, uses = 0;
        for (var i = 0; i < usage.Length; i++)
        {
            var mask = reader.Byte();
            if (mask >= 1 << FieldsPerDay) throw Damaged($"holds a day mask of {mask}");
            day = (mask & 1) != 0 ? reader.Apply(day + 1) : day + 1;
            if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber) throw Damaged($"holds day number {day}");
            if ((mask & 2) != 0) active = reader.ApplyInt(active);
            if ((mask & 4) != 0) monthly = reader.ApplyInt(monthly);
            if ((mask & 8) != 0) seats = reader.ApplyInt(seats);
            if ((mask & 16) != 0) logins = reader.ApplyInt(logins);
            if ((mask & 32) != 0) uses = reader.ApplyInt(uses);
            usage[i] = new UsageDay(DateOnly.FromDayNumber((int)day), (int)active, (int)monthly, (int)seats, (int)logins, (int)uses);
        }
        if (!reader.AtEnd) throw Damaged("runs on past its last day");
        return usage;
    }

    private static int Field(UsageDay day, int field) => field switch
    {
        0 => day.Date.DayNumber,
        1 => day.ActiveUsers,
        2 => day.MonthlyActiveUsers,
        3 => day.LicensedSeats,
        4 => day.Logins,
        _ => day.KeyFeatureUses,
    };

    // The day is expected to follow the one before; the numbers to stay as they were.
    private static long Expected(int field) => field == 0 ? 1 : 0;

    private static int Change(byte[] buffer, int at, ref long previous, int value)
    {
        var change = value - previous;
        previous = value;
        return Write(buffer, at, (ulong)((change << 1) ^ (change >> 63)));
    }

    private static int Write(byte[] buffer, int at, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[at++] = (byte)value;
        return at;
    }

    private static InvalidDataException Damaged(string what) => new($"Compact usage {what}: the stored bytes are damaged.");

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public byte Byte() => _at < _bytes.Length ? _bytes[_at++] : throw Damaged("is cut short");

        public ulong Next()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_at >= _bytes.Length) throw Damaged("is cut short");
                var b = _bytes[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw Damaged("holds a number longer than 64 bits");
        }

        /// <summary><paramref name="previous"/> plus the next zigzag-encoded change.</summary>
        public long Apply(long previous)
        {
            var zigzag = Next();
            var change = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            // Changes of int32 values never reach 2^33; a larger one is damage and must not wrap round to a valid value.
            if (change is > 1L << 33 or < -(1L << 33)) throw Damaged($"holds a change of {change}");
            return previous + change;
        }

        public long ApplyInt(long previous)
        {
            var value = Apply(previous);
            return value is >= int.MinValue and <= int.MaxValue ? value : throw Damaged($"holds {value}, beyond a 32-bit number");
        }
    }
}
