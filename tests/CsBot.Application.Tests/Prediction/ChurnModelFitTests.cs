using CsBot.Application.Prediction;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;
using CsBot.DemoData;
using NSubstitute;

namespace CsBot.Application.Tests.Prediction;

/// <summary>Training refuses too little history, measures on later months than it learns from, and keeps only models that clear the gate.</summary>
public sealed class ChurnModelFitTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 3, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<AccountSignals> Portfolio = DemoPortfolio.Generate(Today, 300, usageDays: DemoPortfolio.FullHistoryUsageDays);

    [Fact]
    public void Too_few_churns_trains_nothing_and_says_why()
    {
        var learner = Substitute.For<IChurnLearner>();
        var record = ChurnModelFit.Run(DemoPortfolio.Generate(Today, 16), Today, Now, new ChurnModelOptions { MinimumChurnEvents = 20 }, learner);

        Assert.False(record.Passed);
        Assert.Empty(record.Model);
        Assert.Equal(1, record.ChurnEvents);
        Assert.StartsWith("Not trained: 1 churn since ", record.Verdict);
        Assert.Contains("at least 20 to learn from (Prediction:MinimumChurnEvents)", record.Verdict);
        learner.DidNotReceiveWithAnyArgs().Fit(default!);
    }

    [Fact]
    public void A_model_that_ranks_well_on_the_held_out_months_passes_and_is_refitted_on_every_month()
    {
        // A stand-in model that ranks by low seat utilisation: measured honestly, it is better than chance on the demo.
        var (learner, fitted) = ByLowUtilisation();
        var options = new ChurnModelOptions { MinimumChurnEvents = 10, MinimumAuc = 0.55 };
        var record = ChurnModelFit.Run(Portfolio, Today, Now, options, learner);

        Assert.True(record.Passed, record.Verdict);
        Assert.InRange(record.Auc, 0.55, 1);
        Assert.StartsWith("In use: AUC ", record.Verdict);
        Assert.Equal(2, fitted.Count);
        var (train, all) = (fitted[0], fitted[1]);
        var cut = ChurnSnapshots.MonthEnds(Today, options.HistoryMonths, new ChurnLabel())[^options.TestMonths];
        // Training rows' outcome windows all closed before the first test month; the final model sees every month.
        Assert.All(Enumerable.Range(0, train.Count), i => Assert.True(train.Day(i).AddDays(options.HorizonDays) < cut));
        Assert.Contains(Enumerable.Range(0, all.Count), i => all.Day(i) >= cut);
        Assert.Equal(all.Count, record.Snapshots);
        Assert.Equal("churn-20260514T030000Z", record.Id);
        Assert.Equal(ChurnFeatures.Names, record.Features);
    }

    [Fact]
    public void A_model_below_the_gate_is_recorded_but_not_kept()
    {
        var (learner, fitted) = ByLowUtilisation();
        var record = ChurnModelFit.Run(Portfolio, Today, Now, new ChurnModelOptions { MinimumChurnEvents = 10, MinimumAuc = 0.99 }, learner);

        Assert.False(record.Passed);
        Assert.Empty(record.Model);
        Assert.Single(fitted);
        Assert.StartsWith("Not used: AUC ", record.Verdict);
        Assert.Contains("below the gate of 0.99 (Prediction:MinimumAuc)", record.Verdict);
    }

    private static (IChurnLearner Learner, List<ChurnRows> Fitted) ByLowUtilisation()
    {
        var fitted = new List<ChurnRows>();
        var learner = Substitute.For<IChurnLearner>();
        learner.Fit(Arg.Any<ChurnRows>()).Returns(call =>
        {
            lock (fitted) fitted.Add(call.Arg<ChurnRows>());
            return [1];
        });
        var scorer = Substitute.For<IChurnScorer>();
        scorer.Probability(Arg.Any<float[]>()).Returns(call => call.Arg<float[]>() is var f && float.IsNaN(f[0]) ? 0.5 : 1.0 - f[0]);
        learner.Load(Arg.Any<byte[]>()).Returns(scorer);
        return (learner, fitted);
    }
}
