using CsBot.Application.Ingestion;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Ingestion;

public sealed class UsageMergeTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void Merging_days_into_a_sorted_series_gives_what_replacing_them_by_day_gives_and_counts_each_day()
    {
        var random = new Random(20261203);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var stored = Series(random, random.Next(0, 60));
            // One a day, in any order: some new, some of a stored day changed, some as stored.
            var incoming = Series(random, random.Next(1, 8)).Select(d => random.Next(3) == 0 && stored.Length > 0 ? stored[random.Next(stored.Length)] : d)
                .DistinctBy(d => d.Date).OrderBy(_ => random.Next()).ToArray();
            var expected = stored.ToDictionary(d => d.Date);
            foreach (var day in incoming) expected[day.Date] = day;

            var merged = UsageMerge.Into(stored, incoming, out var inserted, out var updated, out var unchanged);

            Assert.NotNull(merged);
            Assert.Equal(expected.Values.OrderBy(d => d.Date), merged);
            Assert.Equal(incoming.Count(d => !stored.Any(s => s.Date == d.Date)), inserted);
            Assert.Equal(incoming.Count(d => stored.Any(s => s.Date == d.Date && s != d)), updated);
            Assert.Equal(incoming.Count(d => stored.Contains(d)), unchanged);
            // Nothing changed: the stored series itself, not a copy.
            if (inserted + updated == 0) Assert.Same(stored, merged);
        }
    }

    [Fact]
    public void A_stored_series_out_of_order_is_left_to_the_general_merge()
    {
        UsageDay[] stored = [Day(Today, 1), Day(Today.AddDays(-1), 2)];

        Assert.Null(UsageMerge.Into(stored, [Day(Today.AddDays(1), 3)], out _, out _, out _));
        Assert.Null(UsageMerge.Into([Day(Today, 1), Day(Today, 2)], [Day(Today.AddDays(1), 3)], out _, out _, out _));
    }

    /// <summary>Up to <paramref name="count"/> days, sorted, one a day, over the last 90 days.</summary>
    private static UsageDay[] Series(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Day(Today.AddDays(-random.Next(90)), random.Next(50))).DistinctBy(d => d.Date).OrderBy(d => d.Date)];

    private static UsageDay Day(DateOnly date, int activeUsers) => new(date, activeUsers, 40, 50, 7, 3);
}
