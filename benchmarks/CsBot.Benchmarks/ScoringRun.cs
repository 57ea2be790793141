namespace CsBot.Benchmarks;

/// <summary>
/// Generates the demo portfolio once (100k accounts by default), then times full rescoring and rule evaluation of
/// every account a few times, against the target of under 5 s on 2 cores.
/// </summary>
internal static class ScoringRun
{
    private const double TargetSeconds = 5;

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", PortfolioRescoring.DefaultAccounts);
        var runs = RunOptions.Int(args, "--runs", 5);

        Console.WriteLine($"Generating {accounts:N0} demo accounts on {Environment.ProcessorCount} cores...");
        var portfolio = PortfolioRescoring.Create(accounts);
        Console.WriteLine($"Generated in {portfolio.GenerateTook.TotalSeconds:0.0} s ({portfolio.UsageRows:N0} usage rows); " +
                          $"{PortfolioRescoring.HistoryDays}-day score history back-filled in {portfolio.HistoryTook.TotalSeconds:0.0} s; first evaluation run done.");

        var totals = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var r = portfolio.Run();
            totals.Add(r.Total.TotalSeconds);
            Console.WriteLine($"  run {run}: {r.Total.TotalSeconds:0.000} s = scoring + rules {r.Scoring.TotalSeconds:0.000} s + alert reconcile {r.Reconcile.TotalSeconds:0.000} s " +
                              $"({r.Scored:N0} accounts scored, {r.RuleHits:N0} rule hits; alerts {r.AlertsStarted:N0} started, {r.AlertsRefreshed:N0} refreshed, {r.AlertsResolved:N0} resolved)");
        }
        totals.Sort();
        var median = totals[totals.Count / 2];
        Console.WriteLine($"Median {median:0.000} s, best {totals[0]:0.000} s, worst {totals[^1]:0.000} s over {runs} runs. " +
                          $"Target < {TargetSeconds} s: {(median < TargetSeconds ? "met" : "MISSED")}");
        return 0;
    }
}
