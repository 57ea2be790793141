using System.Globalization;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;

namespace CsBot.Application.Prediction;

/// <summary>
/// Trains a churn model the honest way: month-end snapshots of the portfolio's own history, the latest months held out,
/// the model fitted on the earlier ones and measured on the later ones, and kept only if it clears the gate (then
/// refitted on every month). Pure apart from the learner.
/// </summary>
public static class ChurnModelFit
{
    public static ChurnModelRecord Run(IReadOnlyList<AccountSignals> portfolio, DateOnly today, DateTimeOffset now, ChurnModelOptions options, IChurnLearner learner)
    {
        var label = new ChurnLabel(options.HorizonDays, options.ContractionShare);
        var days = ChurnSnapshots.MonthEnds(today, options.HistoryMonths, label);
        var id = "churn-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var churns = portfolio.Count(s => s.Account.ChurnedOn is { } c && c > days[0] && c <= today);
        ChurnModelRecord Refused(string verdict, int snapshots = 0, int positives = 0) =>
            new(id, now, today, snapshots, positives, churns, ChurnFeatures.Names, double.NaN, double.NaN, double.NaN, options.MinimumAuc, false, verdict, []);

        if (churns < options.MinimumChurnEvents)
            return Refused($"Not trained: {churns} churn{(churns == 1 ? "" : "s")} since {days[0]:yyyy-MM-dd}, and a model needs at least " +
                $"{options.MinimumChurnEvents} to learn from (Prediction:MinimumChurnEvents). The rules keep working meanwhile.");

        var rows = ChurnSnapshots.Build(portfolio, days, today, label);
        var split = Split(rows, days, options.TestMonths, options.HorizonDays);
        var positives = rows.Count(r => r.Label);
        if (!split.Train.Any(r => r.Label) || !split.Test.Any(r => r.Label) || split.Test.All(r => r.Label))
            return Refused($"Not trained: the held-out last {options.TestMonths} months or the months before them have no churn or contraction to learn or test on.", rows.Count, positives);

        var scorer = learner.Load(learner.Fit(split.Train));
        var scores = scorer.Probabilities([.. split.Test.Select(r => r.Features)]);
        var labels = split.Test.Select(r => r.Label).ToArray();
        var auc = ChurnMetrics.Auc(scores, labels);
        var (precision, recall) = ChurnMetrics.AtTop(scores, labels, options.TopShare);
        var passed = auc >= options.MinimumAuc;
        var measured = $"AUC {auc:0.00} on the last {options.TestMonths} months held out ({split.Test.Count:N0} snapshots, trained on {split.Train.Count:N0} before them)";
        if (!passed)
            return new ChurnModelRecord(id, now, today, split.Train.Count, split.Train.Count(r => r.Label), churns, ChurnFeatures.Names,
                auc, precision, recall, options.MinimumAuc, false, $"Not used: {measured}, below the gate of {options.MinimumAuc:0.00} (Prediction:MinimumAuc).", []);

        // Passed: refit on every month, so the model in use has seen the most recent behaviour too.
        return new ChurnModelRecord(id, now, today, rows.Count, positives, churns, ChurnFeatures.Names, auc, precision, recall,
            options.MinimumAuc, true, $"In use: {measured}, at or above the gate of {options.MinimumAuc:0.00}.", learner.Fit(rows));
    }

    /// <summary>
    /// Rows of the last <paramref name="testMonths"/> snapshot days go to the test side; training keeps only rows whose
    /// outcome window closed before the first test day, so nothing the model learns from happened in the test period.
    /// </summary>
    public static (IReadOnlyList<ChurnSnapshot> Train, IReadOnlyList<ChurnSnapshot> Test) Split(
        IReadOnlyList<ChurnSnapshot> rows, IReadOnlyList<DateOnly> days, int testMonths, int horizonDays)
    {
        var cut = days[days.Count - testMonths];
        return ([.. rows.Where(r => r.Day.AddDays(horizonDays) < cut)], [.. rows.Where(r => r.Day >= cut)]);
    }
}
