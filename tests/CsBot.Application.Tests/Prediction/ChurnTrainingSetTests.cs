using CsBot.Core.Prediction;
using CsBot.Core.Signals;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Prediction;

/// <summary>
/// The training rows held as one matrix: every scorable month end with a finished label window, in order of day then
/// account id, whatever order and batches the accounts come in.
/// </summary>
public sealed class ChurnTrainingSetTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly ChurnLabel Label = new();
    private static readonly IReadOnlyList<DateOnly> Days = ChurnSnapshots.MonthEnds(Today, 24, Label);

    // 1,200 accounts (more than two batches, and rows across chunks): 60 demo accounts' signals under 20 ids each.
    private static readonly IReadOnlyList<AccountSignals> Portfolio = [.. DemoPortfolio.Generate(Today, 60, usageDays: DemoPortfolio.FullHistoryUsageDays)
        .SelectMany(s => Enumerable.Range(0, 20).Select(k => s with { Account = s.Account with { Id = $"{k:00}-{s.Account.Id}" } }))];

    [Fact]
    public void Accounts_streamed_in_any_order_give_every_row_in_day_then_account_order()
    {
        var expected = Definition(Portfolio);
        Assert.True(expected.Count > 16_384 + ChurnTrainingSet.BatchSize, $"only {expected.Count} rows");

        foreach (var set in new[] { ChurnTrainingSet.Build(Streamed(Portfolio.Reverse()), Days, Today, Label), ChurnTrainingSet.Build(Portfolio, Days, Today, Label) })
        {
            var rows = set.All;
            Assert.Equal(expected.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(expected[i].AccountId, rows.AccountId(i));
                Assert.Equal(expected[i].Day, rows.Day(i));
                Assert.Equal(expected[i].Label, rows.Label(i));
                Assert.Equal(expected[i].Features, rows.Features(i).ToArray());
            }
            Assert.Equal(expected.Count(r => r.Label), set.Positives);
            Assert.Equal(Portfolio.Count(s => s.Account.ChurnedOn is { } c && c > Days[0] && c <= Today), set.Churns);
        }
    }

    [Fact]
    public void The_rows_before_and_from_a_day_are_the_runs_either_side_of_it()
    {
        var set = ChurnTrainingSet.Build(Portfolio.Take(300), Days, Today, Label);
        var cut = Days[^6];

        var before = set.Before(cut);
        var from = set.From(cut);

        Assert.Equal(set.Count, before.Count + from.Count);
        Assert.Equal(cut, from.Day(0));
        Assert.True(before.Day(before.Count - 1) < cut);
        Assert.Equal(Enumerable.Range(0, from.Count).Select(from.AccountId), Enumerable.Range(set.Count - from.Count, from.Count).Select(set.All.AccountId));
        Assert.Throws<ArgumentOutOfRangeException>(() => from.Label(from.Count));
    }

    /// <summary>The rows as defined: each account's scorable month ends whose label window is over, by day, then account id.</summary>
    private static List<(string AccountId, DateOnly Day, float[] Features, bool Label)> Definition(IEnumerable<AccountSignals> portfolio) =>
    [
        .. portfolio
            .SelectMany(s => Days.Where(day => ChurnFeatures.IsScorable(s.Account, day) && Label.Of(s, day, Today) is not null)
                .Select(day => (s.Account.Id, day, ChurnFeatures.Compute(s, day), Label.Of(s, day, Today)!.Value)))
            .OrderBy(r => r.day).ThenBy(r => r.Id, StringComparer.Ordinal),
    ];

    private static IEnumerable<AccountSignals> Streamed(IEnumerable<AccountSignals> accounts)
    {
        foreach (var account in accounts) yield return account;
    }
}
