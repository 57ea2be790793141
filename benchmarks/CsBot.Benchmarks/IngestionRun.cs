using System.Diagnostics;
using System.Globalization;
using CsBot.Application.Delivery;
using CsBot.Application.Evaluation;
using CsBot.Application.Ingestion;
using CsBot.Application.Notifications;
using CsBot.Application.Ingestion.Records;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Benchmarks;

/// <summary>
/// Times a 1,000-record account batch (every record changed, so each is looked up and rewritten) and a 1,000-row usage
/// batch with the rescoring of the accounts it changed (<see cref="IngestAndRescoreService"/>, as the API and the CSV
/// import run it) against a LiteDB file holding a small and a large stored portfolio, through the same read-model
/// wrapper the host uses, with the host's read model loaded after seeding (the rescoring takes its accounts' open alerts
/// from it; <c>--no-read-model</c> leaves it out). Every stored account has an open
/// alert, so reading every open alert would show. A batch should cost what its records cost, whatever the number of
/// accounts already stored.
/// </summary>
internal static class IngestionRun
{
    private const int BatchSize = 1_000;
    private const int SeedBatchSize = 5_000;
    private const int WarmUpBatches = 3;
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var small = RunOptions.Int(args, "--small", 1_000);
        var large = RunOptions.Int(args, "--stored", 100_000);
        var runs = RunOptions.Int(args, "--runs", 5);
        var phases = args.Contains("--phases") ? new IngestionPhases() : null;
        var readModel = !args.Contains("--no-read-model");
        // Days of usage and of score history each stored account already has (0 by default): the demo portfolio's accounts carry 180.
        var usageDays = RunOptions.Int(args, "--usage-days", 0);
        // Each batch resends 1,000 distinct stored accounts, so both portfolios must hold at least that many.
        if (small < BatchSize || large < BatchSize) throw new ArgumentException($"--small and --stored need at least {BatchSize:N0} accounts.");
        // Each size on a store of its own, made empty for the run and deleted after it.
        Func<int, BenchStores> open = args.Contains("--postgresql")
            ? stored => BenchStores.PostgreSql(BenchPostgreSql.Server(args), $"csbot_bench_ingest_{stored}", keep: false)
            : _ => BenchStores.TemporaryLiteDb();
        Console.WriteLine($"1,000-record batches on {(args.Contains("--postgresql") ? "a PostgreSQL database" : "a LiteDB file")}{(readModel ? " with the host's read model" : "")}, {usageDays} days of usage stored per account, {Environment.ProcessorCount} cores, {runs} runs per size, load average {EvaluationRun.LoadAverage()}.");

        var smallResult = Measure(small, runs, open, phases, readModel, usageDays);
        var largeResult = Measure(large, runs, open, phases, readModel, usageDays);
        var accountsRatio = largeResult.Accounts / smallResult.Accounts;
        var usageRatio = largeResult.Usage / smallResult.Usage;
        Console.WriteLine($"Large/small: accounts batch {accountsRatio:0.00}x, usage batch {usageRatio:0.00}x (target within 2x).");
        return accountsRatio <= 2 && usageRatio <= 2 ? 0 : 1;
    }

    /// <param name="phases">When given, every store call of the timed usage batches is timed (<c>--phases</c>).</param>
    /// <param name="readModel">With the host's read model over the stores, loaded once the portfolio is stored.</param>
    /// <param name="usageDays">Days of usage and of score history given to every stored account before the batches, older than theirs.</param>
    private static (double Accounts, double Usage) Measure(int stored, int runs, Func<int, BenchStores> open, IngestionPhases? phases, bool readModel, int usageDays)
    {
        using var stores = open(stored);
        var store = stores.Portfolio;
        var alerts = stores.Alerts;
        var scores = stores.Scores;
        if (phases is not null) (store, alerts, scores) = (phases.Wrap(store), phases.Wrap(alerts), phases.Wrap(scores));
        var clock = new BusinessClock(new FixedTime(Now), TimeZoneInfo.Utc);
        var view = readModel ? new PortfolioView(store, scores, alerts, stores.Versions) : null;
        var ingestion = new IngestionService(store, new MetricsOptions(), clock);
        var rescoring = Rescoring(ingestion, store, scores, alerts, stores.Outbox(new FixedTime(Now)), clock, stores.Versions, view);

        var seed = Stopwatch.StartNew();
        for (var from = 0; from < stored; from += SeedBatchSize)
            Check(ingestion.UpsertAccounts([.. Enumerable.Range(from, Math.Min(SeedBatchSize, stored - from)).Select(i => Account(i, 0))]));
        for (var from = 0; from < stored; from += SeedBatchSize)
            alerts.Upsert([.. Enumerable.Range(from, Math.Min(SeedBatchSize, stored - from)).Select(OpenAlert)]);
        if (usageDays > 0)
        {
            // Saved through the store, not ingested: a day a row would take minutes at 100k accounts.
            var firstDay = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-(runs + WarmUpBatches + usageDays));
            UsageDay[] history = [.. Enumerable.Range(0, usageDays).Select(d => new UsageDay(firstDay.AddDays(d), 6 + d % 7, 15, 20, 10 + d % 5, 3))];
            // And as many days of score history, as the demo portfolio's accounts have.
            ScorePoint[] scoreHistory = [.. Enumerable.Range(0, usageDays).Select(d => new ScorePoint(firstDay.AddDays(d), 60 + d % 9))];
            for (var from = 0; from < stored; from += SeedBatchSize)
            {
                var seeded = store.FindIdsByExternalIds([.. Enumerable.Range(from, Math.Min(SeedBatchSize, stored - from)).Select(ExternalId)]);
                store.Save([.. store.LoadSignalsOf([.. seeded.Values]).Values.Select(s => s with { Usage = history })]);
                scores.SaveHistories(seeded.Values.ToDictionary(id => id, _ => scoreHistory, StringComparer.Ordinal));
            }
        }
        Console.WriteLine($"  {stored:N0} accounts stored, each with an open alert{(usageDays > 0 ? $" and {usageDays} days of usage" : "")}, in {seed.Elapsed.TotalSeconds:0.0} s");
        if (view is not null)
        {
            var load = Stopwatch.StartNew();
            view.Load();
            Console.WriteLine($"  read model loaded in {load.Elapsed.TotalSeconds:0.0} s");
        }

        // Spread over the stored portfolio, so the index, not a lucky first page, answers the look-ups.
        var ids = Enumerable.Range(0, BatchSize).Select(i => (int)((long)i * stored / BatchSize)).ToArray();
        // Untimed batches of each kind first, so the timed ones do not also pay for JIT (the runtime recompiles hot code
        // after its first calls) and cold caches, and all do the same work: the first rescoring of these accounts
        // resolves their seeded alerts.
        for (var warmUp = 1; warmUp <= WarmUpBatches; warmUp++)
        {
            Check(ingestion.UpsertAccounts([.. ids.Select(i => Account(i, runs + warmUp))]));
            Check(rescoring.RunAsync("usage days", s => s.UpsertUsage(UsageRows(ids, runs + warmUp)), CancellationToken.None).GetAwaiter().GetResult().Ingested);
        }
        var accounts = new List<double>();
        var usage = new List<double>();
        var usageCpu = new List<double>();
        var serverCpu = new List<double>();
        var allocated = new List<double>();
        var paused = new List<double>();
        phases?.Reset();
        for (var run = 1; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            Check(ingestion.UpsertAccounts([.. ids.Select(i => Account(i, run))]));
            accounts.Add(watch.Elapsed.TotalMilliseconds);

            var cpu = CpuTime();
            var server = stores.ServerCpu?.Invoke();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            phases?.Start();
            watch.Restart();
            var rows = UsageRows(ids, run);
            var outcome = rescoring.RunAsync("usage days", s => s.UpsertUsage(rows), CancellationToken.None).GetAwaiter().GetResult();
            usage.Add(watch.Elapsed.TotalMilliseconds);
            phases?.Stop();
            usageCpu.Add((CpuTime() - cpu).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0);
            paused.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            if (server is { } before) serverCpu.Add((stores.ServerCpu!() - before).TotalMilliseconds);
            Check(outcome.Ingested);
            if (outcome.Rescore?.AccountsScored != BatchSize) throw new InvalidOperationException($"Benchmark batch rescored {outcome.Rescore?.AccountsScored ?? 0} accounts, not {BatchSize}.");
        }
        var result = (Median(accounts), Median(usage));
        if (phases is not null) Console.WriteLine("    usage batches in order, ms: " + string.Join(" ", usage.Select(u => u.ToString("0", CultureInfo.InvariantCulture))));
        Console.WriteLine($"  {stored:N0} stored: accounts batch median {RunOptions.Ms(result.Item1)} (min {RunOptions.Ms(accounts.Min())}, max {RunOptions.Ms(accounts.Max())}, mean {RunOptions.Ms(accounts.Average())}); " +
                          $"usage batch with rescoring median {RunOptions.Ms(result.Item2)} (min {RunOptions.Ms(usage.Min())}, max {RunOptions.Ms(usage.Max())}, mean {RunOptions.Ms(usage.Average())}, target < 100 ms; " +
                          $"CPU median {RunOptions.Ms(Median(usageCpu))}, min {RunOptions.Ms(usageCpu.Min())}, max {RunOptions.Ms(usageCpu.Max())}" +
                          (serverCpu.Count > 0 ? $"; server CPU median {RunOptions.Ms(Median(serverCpu))}, min {RunOptions.Ms(serverCpu.Min())}, max {RunOptions.Ms(serverCpu.Max())}" : "") +
                          $"; allocated median {Median(allocated):0.0} MB, paused for the collector median {RunOptions.Ms(Median(paused))}, mean {RunOptions.Ms(paused.Average())}), " +
                          // Sustained: rows over the time of all batches, so a batch that also paid for LiteDB's checkpoint counts.
                          $"{BatchSize * 60_000 / usage.Average():N0} usage rows per minute sustained (target 100,000), {BatchSize * 1_000 / usage.Average():N0} per second; " +
                          $"peak RSS {EvaluationRun.PeakBytes() / 1048576.0:0} MB");
        phases?.Print(runs);
        return result;
    }

    private static IngestAndRescoreService Rescoring(IngestionService ingestion, IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, IOutbox outbox, BusinessClock clock,
        DataVersions versions, PortfolioView? view)
    {
        var planner = new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones());
        var notifier = new AlertNotifier(outbox, alerts, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
        var evaluation = new RiskEvaluationService(portfolio, scores, alerts, scoring, notifier, clock, NullLogger<RiskEvaluationService>.Instance, versions, view);
        return new IngestAndRescoreService(ingestion, evaluation, new NoDelivery(), NullLogger<IngestAndRescoreService>.Instance);
    }

    /// <summary>One usage row for each of <paramref name="ids"/>, of the day <paramref name="daysAgo"/> before now.</summary>
    private static UsageRecord[] UsageRows(int[] ids, int daysAgo)
    {
        var day = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. ids.Select(i => new UsageRecord { AccountExternalId = ExternalId(i), Date = day, ActiveUsers = 5 + daysAgo % 10, MonthlyActiveUsers = 15, LicensedSeats = 20, Logins = 12, KeyFeatureUses = 3 })];
    }

    /// <summary>An open alert of stored account <paramref name="i"/>, of a rule its usage does not make fire.</summary>
    private static Alert OpenAlert(int i) => new()
    {
        Id = Alert.KeyFor("acc-" + ExternalId(i), "bench-rule"),
        AccountId = "acc-" + ExternalId(i),
        RuleId = "bench-rule",
        Severity = Severity.Warning,
        State = AlertState.Notified,
        Reason = "seeded by the benchmark",
        FirstFiredAt = Now.AddDays(-3),
        LastEvaluatedAt = Now.AddDays(-3),
        History = [new AlertEvent(Now.AddDays(-3), "fired: seeded by the benchmark")],
    };

    /// <summary>Nothing is delivered here: the messages stay in the outbox.</summary>
    private sealed class NoDelivery : IDeliveryTrigger
    {
        public Task DeliverSoonAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static AccountRecord Account(int i, int version) => new()
    {
        ExternalId = ExternalId(i),
        Name = $"Bench Account {i}",
        Segment = (i % 3) switch { 0 => "Enterprise", 1 => "Mid-Market", _ => "SMB" },
        Plan = "Pro",
        Mrr = 1_000 + i % 500 + version,
        StartDate = "2024-01-01",
        RenewalDate = "2027-06-30",
        Owner = new PersonRecord { Name = "Dana Owner", Email = $"csm{i % 40}@example.com" },
    };

    private static string ExternalId(int i) => "crm-" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static void Check(IngestResult result)
    {
        if (result.Errors.Count > 0) throw new InvalidOperationException("Benchmark batch rejected: " + result.Errors[0]);
    }

    /// <summary>CPU time of the whole process: on a shared machine it shows the work done when wall time also shows the wait.</summary>
    private static TimeSpan CpuTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static double Median(List<double> values) => RunOptions.Percentile([.. values.Order()], 50);
}
