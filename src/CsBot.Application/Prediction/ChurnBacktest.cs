using CsBot.Application.Evaluation;
using CsBot.Core.Accounts;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;

namespace CsBot.Application.Prediction;

/// <summary>One side of a backtest: how the flags of the model, or of the rules, matched what happened next.</summary>
/// <param name="Flagged">Test snapshots flagged.</param>
/// <param name="ChurnersCaught">Accounts that churned in the test period and were flagged at least once before.</param>
/// <param name="MedianLeadDays">Median days from the first flag to the churn, over the churners caught; NaN when none.</param>
public sealed record BacktestSide(double Auc, double Precision, double Recall, int Flagged, int ChurnersCaught, double MedianLeadDays);

/// <summary>The model and the rules on the same held-out snapshots.</summary>
public sealed record BacktestReport(
    DateOnly TrainedBefore, DateOnly TestFrom, DateOnly TestTo, int TrainSnapshots, int TestSnapshots, int TestPositives, int Churners,
    double TopShare, BacktestSide Model, BacktestSide Rules);

/// <summary>
/// Trains on the snapshots before a cut-off, tests on those after, and reads the configured rules' own flags on the
/// same test snapshots: the model is flagged on the top share of each month's accounts, the rules on any rule firing.
/// The rules see each account as it stood that day (renewal date, MRR), not as the CRM holds it now.
/// </summary>
public static class ChurnBacktest
{
    public static BacktestReport? Run(IReadOnlyList<AccountSignals> portfolio, DateOnly today, ChurnModelOptions options, IChurnLearner learner, PortfolioScoring scoring)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(scoring);
        var rows = ChurnModelFit.Snapshots(portfolio, today, options);
        var (train, test) = ChurnModelFit.Split(rows, options.TestMonths, options.HorizonDays);
        if (!train.Any(true) || !test.Any(true)) return null;

        var scorer = learner.Load(learner.Fit(train));
        var scores = ChurnModelFit.Probabilities(scorer, test);
        var labels = test.Labels();
        var testDays = Enumerable.Range(0, test.Count).Select(test.Day).ToArray();
        var accountIds = Enumerable.Range(0, test.Count).Select(test.AccountId).ToArray();
        var byId = portfolio.ToDictionary(s => s.Account.Id, StringComparer.Ordinal);

        // Model: the top share of each snapshot day's accounts, as an owner would work down the list that month.
        var modelFlags = new bool[test.Count];
        foreach (var day in Enumerable.Range(0, test.Count).GroupBy(i => testDays[i]))
        {
            var indexes = day.OrderByDescending(i => scores[i]).ToArray();
            var take = Math.Max(1, (int)Math.Round(indexes.Length * options.TopShare));
            foreach (var i in indexes.Take(take)) modelFlags[i] = true;
        }

        // Rules: evaluated as of the day before the snapshot (they read data up to and including their day; features stop before theirs).
        var ruleHits = new int[test.Count];
        Parallel.For(0, test.Count, i =>
        {
            var signals = AsOf(byId[accountIds[i]], testDays[i]);
            var asOf = testDays[i].AddDays(-1);
            var (_, hits) = scoring.Evaluate(signals, scoring.Backfill(signals, asOf, 31), asOf);
            ruleHits[i] = hits.Count;
        });

        var testFrom = testDays.Min();
        var churners = portfolio.Where(s => s.Account.ChurnedOn is { } c && c > testFrom).Select(s => s.Account.Id).ToHashSet(StringComparer.Ordinal);
        BacktestSide Side(double[] ranking, bool[] flags)
        {
            var flagged = Enumerable.Range(0, test.Count).Where(i => flags[i]).Select(i => labels[i]).ToArray();
            var (precision, recall) = ChurnMetrics.Of(flagged, labels.Count(l => l));
            var leads = new List<int>();
            foreach (var account in Enumerable.Range(0, test.Count).Where(i => churners.Contains(accountIds[i])).GroupBy(i => accountIds[i]))
            {
                var churnedOn = byId[account.Key].Account.ChurnedOn!.Value;
                var first = account.Where(i => flags[i] && testDays[i] < churnedOn).Select(i => testDays[i]).DefaultIfEmpty().Min();
                if (first != default) leads.Add(churnedOn.DayNumber - first.DayNumber);
            }
            leads.Sort();
            return new BacktestSide(ChurnMetrics.Auc(ranking, labels), precision, recall, flagged.Length, leads.Count,
                leads.Count == 0 ? double.NaN : leads.Count % 2 == 1 ? leads[leads.Count / 2] : (leads[leads.Count / 2 - 1] + leads[leads.Count / 2]) / 2.0);
        }

        var trainBefore = rows.Days[rows.Days.Count - options.TestMonths];
        return new BacktestReport(trainBefore, testFrom, testDays.Max(), train.Count, test.Count, labels.Count(l => l), churners.Count, options.TopShare,
            Side(scores, modelFlags), Side([.. ruleHits.Select(h => (double)h)], [.. ruleHits.Select(h => h > 0)]));
    }

    /// <summary>The account as the CRM showed it on <paramref name="day"/>: still a customer, its renewal then, its MRR then.</summary>
    public static AccountSignals AsOf(AccountSignals signals, DateOnly day)
    {
        var a = signals.Account;
        DateOnly? renewal = null;
        if (a.TermMonths is { } term)
        {
            var k = 1;
            while (a.StartDate.AddMonths(term * k) < day) k++;
            renewal = a.StartDate.AddMonths(term * k);
        }
        var mrr = signals.RevenueEvents.Where(e => e.Date < day).Sum(e => e.MrrDelta);
        return signals with { Account = a with { ChurnedOn = null, RenewalDate = renewal ?? a.RenewalDate, Mrr = mrr } };
    }
}
