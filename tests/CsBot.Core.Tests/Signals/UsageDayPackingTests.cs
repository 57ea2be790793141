using CsBot.Core.Signals;

namespace CsBot.Core.Tests.Signals;

/// <summary>
/// Both stores keep every account's usage in <see cref="UsageDayPacking"/>'s compact layout: whatever a series holds
/// must come back exactly, damaged bytes must be refused rather than read as other numbers, and the series an
/// evaluation reads must stay small enough to fit a page with the rest of the account.
/// </summary>
public class UsageDayPackingTests
{
    private static readonly DateOnly Start = new(2026, 5, 1);

    public static TheoryData<string, UsageDay[]> Series() => new()
    {
        { "empty", [] },
        { "one day", [new UsageDay(Start, 12, 40, 50, 30, 7)] },
        { "180 ordinary days", Ordinary(180) },
        { "gaps and days out of order", [new UsageDay(Start, 1, 2, 3, 4, 5), new UsageDay(Start.AddDays(40), 1, 2, 3, 4, 5), new UsageDay(Start.AddDays(-400), 9, 9, 9, 9, 9), new UsageDay(Start.AddDays(-400), 0, 0, 0, 0, 0)] },
        { "first and last days", [new UsageDay(DateOnly.MinValue, 0, 0, 0, 0, 0), new UsageDay(DateOnly.MaxValue, 0, 0, 0, 0, 0), new UsageDay(DateOnly.MinValue, 1, 1, 1, 1, 1)] },
        { "huge and negative numbers", [
            new UsageDay(Start, int.MaxValue, int.MinValue, int.MaxValue, int.MinValue, int.MaxValue),
            new UsageDay(Start.AddDays(1), int.MinValue, int.MaxValue, int.MinValue, int.MaxValue, int.MinValue),
            new UsageDay(Start.AddDays(2), -1, 0, 1, -1_000_000_000, 2_000_000_000)] },
        { "ten years of days", Ordinary(3_653) },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void Every_series_reads_back_exactly_from_the_compact_layout(string what, UsageDay[] usage)
    {
        var packed = UsageDayPacking.PackCompact(usage);

        Assert.True(usage.SequenceEqual(UsageDayPacking.UnpackCompact(packed)), what);
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void A_series_read_with_room_after_it_holds_its_days_first_and_room_for_as_many_more(string what, UsageDay[] usage)
    {
        var read = UsageDayPacking.UnpackCompact(UsageDayPacking.PackCompact(usage), room: 3);

        Assert.Equal(usage.Length + 3, read.Length);
        Assert.True(usage.SequenceEqual(read[..usage.Length]), what);
        Assert.All(read[usage.Length..], day => Assert.Equal(default, day));
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void Every_series_reads_back_exactly_from_the_fixed_layout_still_found_in_older_files(string what, UsageDay[] usage)
    {
        var packed = new byte[usage.Length * UsageDayPacking.BytesPerDay];
        UsageDayPacking.Pack(usage, packed);

        Assert.True(usage.SequenceEqual(UsageDayPacking.Unpack(packed)), what);
    }

    [Fact]
    public void Half_a_year_of_ordinary_usage_takes_about_a_third_of_the_fixed_layout()
    {
        var usage = Ordinary(180);

        var compact = UsageDayPacking.PackCompact(usage).Length;

        Assert.InRange(compact, 180 * 6, 180 * UsageDayPacking.BytesPerDay / 2);
    }

    [Fact]
    public void Bytes_cut_short_or_running_on_are_refused()
    {
        var packed = UsageDayPacking.PackCompact(Ordinary(30));

        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact(packed[..^1]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact([.. packed, 0]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact([]));
    }

    [Fact]
    public void A_count_beyond_what_the_bytes_can_hold_is_refused_without_allocating_it()
    {
        // 2^62 days claimed in 9 bytes: read as a count it would be an impossible allocation.
        byte[] packed = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40];

        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact(packed));
    }

    [Fact]
    public void Numbers_beyond_32_bits_or_days_beyond_the_calendar_are_refused()
    {
        // One day: day number 0, then a first number of 2^31 (zigzag 2^32), one past int.MaxValue.
        byte[] tooLarge = [1, 0, 0x80, 0x80, 0x80, 0x80, 0x10, 0, 0, 0, 0];
        // One day whose day number is one past DateOnly.MaxValue.
        var pastCalendar = UsageDayPacking.PackCompact([new UsageDay(DateOnly.MaxValue, 0, 0, 0, 0, 0)]);
        pastCalendar[1] += 2;
        // A varint longer than 64 bits.
        byte[] endless = [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0, 0, 0, 0, 0];

        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact(tooLarge));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact(pastCalendar));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackCompact(endless));
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void Every_series_reads_back_exactly_from_the_masked_layout_the_read_model_holds(string what, UsageDay[] usage)
    {
        var packed = UsageDayPacking.PackMasked(usage);

        Assert.True(usage.SequenceEqual(UsageDayPacking.UnpackMasked(packed)), what);
    }

    [Fact]
    public void Days_that_repeat_the_seats_and_monthly_actives_take_fewer_bytes_masked_than_compact()
    {
        // A day after the one before, seats and monthly actives as they were: the day, seats and MAU cost nothing.
        var usage = Ordinary(180).Select(d => d with { MonthlyActiveUsers = 520 }).ToArray();

        var compact = UsageDayPacking.PackCompact(usage).Length;
        var masked = UsageDayPacking.PackMasked(usage).Length;

        Assert.True(masked <= compact * 3 / 4, $"masked {masked} bytes against compact {compact}");
    }

    [Fact]
    public void Damaged_masked_bytes_are_refused()
    {
        var packed = UsageDayPacking.PackMasked(Ordinary(30));
        // One day: a mask with a seventh bit no number has.
        byte[] unknownBit = [1, 0x40];
        // Two days, the second a day after DateOnly.MaxValue.
        var pastCalendar = UsageDayPacking.PackMasked([new UsageDay(DateOnly.MaxValue, 0, 0, 0, 0, 0)]);
        pastCalendar[0] = 2;
        // One day: a first number of 2^31 (zigzag 2^32), one past int.MaxValue.
        byte[] tooLarge = [1, 0x02, 0x80, 0x80, 0x80, 0x80, 0x10];

        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked(packed[..^1]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked([.. packed, 0]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked([]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked(unknownBit));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked([.. pastCalendar, 0]));
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.UnpackMasked(tooLarge));
    }

    [Fact]
    public void A_fixed_layout_of_partial_days_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => UsageDayPacking.Unpack(new byte[UsageDayPacking.BytesPerDay + 5]));
    }

    /// <summary>Days in a row with numbers that drift a little from day to day, as real usage does.</summary>
    private static UsageDay[] Ordinary(int days)
    {
        var random = new Random(14);
        var active = 400;
        return [.. Enumerable.Range(0, days).Select(i =>
        {
            active = Math.Max(0, active + random.Next(-25, 26));
            return new UsageDay(Start.AddDays(i), active, active + 120, 600, active * 3 + random.Next(0, 50), active / 2 + random.Next(0, 20));
        })];
    }
}
