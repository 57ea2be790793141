using System.Diagnostics;
using CsBot.Application.Prediction;
using CsBot.Core.Prediction;
using CsBot.DemoData;
using CsBot.Prediction;

namespace CsBot.Benchmarks;

/// <summary>
/// The churn model's two speed targets: training on 10k accounts x 24 monthly snapshots under a minute (features,
/// the held-out fit and the final fit, as the weekly job runs them), and scoring 100k accounts adding under a second
/// to an evaluation (features and probabilities of every account, in one batch and one by one as the rule reads them).
/// </summary>
internal static class ChurnModelRun
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    public static int Run(string[] args)
    {
        var trainAccounts = RunOptions.Int(args, "--accounts", 10_000);
        var scoreAccounts = RunOptions.Int(args, "--score-accounts", 100_000);
        var learner = new FastTreeChurnLearner();
        var options = new ChurnModelOptions();

        Console.WriteLine($"Generating {trainAccounts:N0} demo accounts with two years of usage on {Environment.ProcessorCount} cores...");
        var portfolio = DemoPortfolio.Generate(Today, trainAccounts, usageDays: DemoPortfolio.FullHistoryUsageDays);

        var watch = Stopwatch.StartNew();
        var rows = ChurnModelFit.Snapshots(portfolio, Today, options);
        var featuresTook = watch.Elapsed;
        watch.Restart();
        var record = ChurnModelFit.Run(portfolio, Today, DateTimeOffset.UtcNow, options, learner);
        var trainTook = watch.Elapsed;
        Console.WriteLine($"Training: {rows.Count:N0} snapshots ({rows.Positives:N0} positive) built in {featuresTook.TotalSeconds:0.0} s; " +
                          $"held-out fit + final fit (features built again inside) {trainTook.TotalSeconds:0.0} s. {record.Verdict} " +
                          $"Target < 60 s: {(trainTook.TotalSeconds < 60 ? "met" : "MISSED")}");
        if (!record.Passed) return 1;

        Console.WriteLine($"Generating {scoreAccounts:N0} demo accounts to score...");
        var scored = DemoPortfolio.Generate(Today, scoreAccounts).Where(s => ChurnFeatures.IsScorable(s.Account, Today)).ToArray();
        var scorer = learner.Load(record.Model);
        for (var run = 1; run <= 3; run++)
        {
            watch.Restart();
            var features = new float[scored.Length][];
            Parallel.For(0, scored.Length, i => features[i] = ChurnFeatures.Compute(scored[i], Today));
            var featureTook = watch.Elapsed;
            var probabilities = scorer.Probabilities(features);
            var batchTook = watch.Elapsed;
            watch.Restart();
            var sum = 0.0;
            var gate = new Lock();
            Parallel.For(0, scored.Length, () => 0.0, (i, _, local) => local + scorer.Probability(ChurnFeatures.Compute(scored[i], Today)),
                local => { lock (gate) sum += local; });
            var oneByOneTook = watch.Elapsed;
            Console.WriteLine($"  run {run}: {scored.Length:N0} accounts: features {featureTook.TotalSeconds:0.000} s + batch scoring {(batchTook - featureTook).TotalSeconds:0.000} s = {batchTook.TotalSeconds:0.000} s; " +
                              $"one by one as the rule reads them {oneByOneTook.TotalSeconds:0.000} s (mean p {probabilities.Average():0.000} / {sum / scored.Length:0.000}). " +
                              $"Target < 1 s: {(batchTook.TotalSeconds < 1 ? "met" : "MISSED")}");
        }
        return 0;
    }
}
