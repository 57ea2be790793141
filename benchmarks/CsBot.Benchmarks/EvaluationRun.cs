using System.Diagnostics;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Benchmarks;

/// <summary>
/// The hourly risk evaluation as the Quartz job runs it (<see cref="RiskEvaluationService"/> behind the observed
/// stores, notifier and outbox included) on a LiteDB file holding the demo portfolio, and the same service on
/// in-memory stores in the same process, so the two compare on the same machine at the same moment.
/// </summary>
/// <remarks>
/// The file is seeded once as the host's demo seeder does (portfolio, then <see cref="SeedHistoryDays"/> days of
/// back-filled history) and kept for later runs of the same size: seeding 100k accounts takes minutes. An untimed
/// first evaluation opens the alerts, so each timed run is an ordinary hourly run that refreshes and resolves them.
/// Peak RSS is the kernel's high-water mark (VmHWM), reset after seeding so it covers the LiteDB runs only; the
/// in-memory runs come after and are not in it.
/// </remarks>
internal static class EvaluationRun
{
    private const double TargetSeconds = 5;
    private const double TargetRatio = 3;
    private const long TargetPeakBytes = 1L << 30;
    /// <summary>As the host's Demo:HistoryDays default.</summary>
    private const int SeedHistoryDays = 90;
    private const int SeedBatchSize = 5_000;
    /// <summary>Monday 2026-11-16, 06:00 UTC; each run is one hour later, all on the same day, as hourly runs are.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 6, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", 10_000);
        var runs = RunOptions.Int(args, "--runs", 3);
        var at = Array.IndexOf(args, "--db");
        var path = at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine(Path.GetTempPath(), $"csbot-eval-bench-{accounts}.db");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        Console.WriteLine($"Hourly evaluation of {accounts:N0} demo accounts, {Environment.ProcessorCount} cores, load average {LoadAverage()}, {runs} runs.");
        Console.WriteLine($"  {GcMode.Describe()}");

        double[] real;
        long peak;
        string name;
        var time = new SteppedTime(Start);
        using (var stores = args.Contains("--postgresql") ? BenchStores.PostgreSql(BenchPostgreSql.Server(args), $"csbot_bench_eval_{accounts}", keep: true) : BenchStores.LiteDb(path))
        {
            name = stores.Name;
            if (stores.Portfolio.IsEmpty())
            {
                var seed = Stopwatch.StartNew();
                Seed(stores.Portfolio, stores.Scores, today, accounts, report: true);
                Console.WriteLine($"  seeded {stores.Where} in {seed.Elapsed.TotalSeconds:0.0} s{(stores.Name == "LiteDB" && File.Exists(path) ? $" ({new FileInfo(path).Length / 1048576.0:0} MB)" : "")}");
            }
            else
            {
                Console.WriteLine($"  reusing {stores.Where} (delete it to seed afresh)");
            }
            if (args.Contains("--repack")) Repack(stores.Portfolio);
            if (args.Contains("--usage-day")) AddUsageDay(stores.Portfolio);
            var evaluation = Service(stores.Portfolio, stores.Scores, stores.Alerts, stores.Outbox(time), time);
            real = Measure(name, evaluation, time, runs, resetPeakAfterFirst: true, out peak, stores.ServerCpu);
            Console.WriteLine($"  {name}: {Checksum(stores.Scores)}");
            if (args.Contains("--phases")) EvaluationPhases.Print(name, stores.Portfolio, stores.Scores, stores.Alerts, Scoring(), today);
        }

        // --store-only skips the in-memory half, for quick comparisons of one store's runs.
        if (args.Contains("--store-only"))
        {
            Console.WriteLine($"{name} median {Median(real):0.000} s, peak RSS {peak / 1048576.0:0} MB, load average now {LoadAverage()}.");
            return 0;
        }

        double[] memory;
        {
            var portfolio = new InMemoryPortfolioStore();
            var scores = new InMemoryScoreStore();
            Seed(portfolio, scores, today, accounts);
            var evaluation = Service(portfolio, scores, new InMemoryAlertStore(), new InMemoryOutbox(), time);
            memory = Measure("in memory", evaluation, time, runs, resetPeakAfterFirst: false, out _);
            Console.WriteLine($"  in memory: {Checksum(scores)}");
            if (args.Contains("--phases")) EvaluationPhases.Print("in memory", portfolio, scores, new InMemoryAlertStore(), Scoring(), today);
        }

        var ratio = Median(real) / Median(memory);
        var peakText = peak > 0 ? $"{peak / 1048576.0:0} MB" : "unknown";
        Console.WriteLine($"{name} median {Median(real):0.000} s (target < {TargetSeconds} s), {ratio:0.0}x in memory (target <= {TargetRatio}x), " +
                          $"peak RSS {peakText} (target < 1 GB), load average now {LoadAverage()}.");
        return Median(real) < TargetSeconds && ratio <= TargetRatio && peak is > 0 and < TargetPeakBytes ? 0 : 1;
    }

    private static void Seed(IPortfolioStore portfolio, IScoreStore scores, DateOnly today, int count, bool report = false)
    {
        var scoring = Scoring();
        var demo = DemoPortfolio.Generate(today, count);
        var watch = Stopwatch.StartNew();
        for (var from = 0; from < demo.Count; from += SeedBatchSize)
        {
            portfolio.Save([.. demo.Skip(from).Take(SeedBatchSize)]);
            SeedProgress(report, "accounts with their signals", from + SeedBatchSize, demo.Count, watch.Elapsed);
        }
        var backfilled = new ScorePoint[demo.Count][];
        Parallel.For(0, demo.Count, i => backfilled[i] = scoring.Backfill(demo[i], today, SeedHistoryDays));
        watch.Restart();
        for (var from = 0; from < demo.Count; from += SeedBatchSize)
        {
            scores.SaveHistories(Enumerable.Range(from, Math.Min(SeedBatchSize, demo.Count - from)).ToDictionary(i => demo[i].Account.Id, i => backfilled[i], StringComparer.Ordinal));
            SeedProgress(report, $"score histories ({SeedHistoryDays} days)", from + SeedBatchSize, demo.Count, watch.Elapsed);
        }
    }

    /// <summary>Seeding 100k accounts takes minutes: a line per tenth (and the rate), so a stalled seed shows.</summary>
    private static void SeedProgress(bool report, string what, int done, int count, TimeSpan took)
    {
        var step = Math.Max(SeedBatchSize, count / 10 / SeedBatchSize * SeedBatchSize);
        if (!report || (done % step != 0 && done < count)) return;
        done = Math.Min(done, count);
        Console.WriteLine($"  seeding: {done:N0} of {count:N0} {what} in {took.TotalSeconds:0.0} s ({done / took.TotalSeconds:N0} accounts/s)");
    }

    /// <summary>
    /// Saves every account again as it is, so a file written in an earlier format is rewritten in the current one, as
    /// ingestion does account by account; timed, since it is what upgrading a file costs.
    /// </summary>
    private static void Repack(IPortfolioStore portfolio)
    {
        var cpu = CpuTime();
        var watch = Stopwatch.StartNew();
        var saved = 0;
        foreach (var batch in portfolio.LoadAllSignals().Chunk(SeedBatchSize))
        {
            portfolio.Save(batch);
            saved += batch.Length;
        }
        Console.WriteLine($"  saved {saved:N0} accounts again in {watch.Elapsed.TotalSeconds:0.0} s, {(CpuTime() - cpu).TotalSeconds:0.0} s of CPU");
    }

    /// <summary>
    /// Saves a day of usage after its last for every account, a batch at a time as a daily feed would (<c>--usage-day</c>):
    /// on LiteDB the days go to the usage journal, which the evaluation then reads beside the data documents.
    /// </summary>
    private static void AddUsageDay(IPortfolioStore portfolio)
    {
        var watch = Stopwatch.StartNew();
        var saved = 0;
        foreach (var batch in portfolio.LoadAllSignals().Chunk(1_000))
        {
            portfolio.Save([.. batch.Select(s => s with
            {
                Usage = s.Usage.Length == 0 ? s.Usage : [.. s.Usage, s.Usage[^1] with { Date = s.Usage[^1].Date.AddDays(1), Logins = s.Usage[^1].Logins + 1 }],
            })]);
            saved += batch.Length;
        }
        Console.WriteLine($"  saved a day of usage for {saved:N0} accounts in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static double[] Measure(string name, RiskEvaluationService evaluation, SteppedTime time, int runs, bool resetPeakAfterFirst, out long peak, Func<TimeSpan>? serverCpu = null)
    {
        var first = Stopwatch.StartNew();
        var opened = evaluation.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"  {name}: first run {first.Elapsed.TotalSeconds:0.000} s ({opened.AccountsScored:N0} scored, {opened.AlertsStarted:N0} alerts started, {opened.MessagesSent:N0} messages)");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (resetPeakAfterFirst) ResetPeak();

        var seconds = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            time.Advance(TimeSpan.FromHours(1));
            var cpu = CpuTime();
            var server = serverCpu?.Invoke();
            var gc = GcTally.Now();
            var watch = Stopwatch.StartNew();
            var summary = evaluation.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            seconds[run] = watch.Elapsed.TotalSeconds;
            cpu = CpuTime() - cpu;
            var serverText = server is { } before ? $", server {(serverCpu!() - before).TotalSeconds:0.000} s of CPU" : "";
            Console.WriteLine($"  {name}: run {run + 1} {seconds[run]:0.000} s, {cpu.TotalSeconds:0.000} s of CPU{serverText} ({summary.AccountsScored:N0} scored, {summary.RuleHits:N0} rule hits, " +
                              $"{summary.AlertsStarted:N0} started, {summary.AlertsResolved:N0} resolved; {GcTally.Now().Since(gc)})");
        }
        peak = PeakBytes();
        Console.WriteLine($"  {name}: median {Median(seconds):0.000} s, min {seconds.Min():0.000} s, max {seconds.Max():0.000} s");
        return seconds;
    }

    private static RiskEvaluationService Service(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, IOutbox outbox, TimeProvider time)
    {
        var clock = new BusinessClock(time, TimeZoneInfo.Utc);
        var planner = new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones());
        var notifier = new AlertNotifier(outbox, alerts, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
        return new RiskEvaluationService(portfolio, scores, alerts, Scoring(), notifier, clock, NullLogger<RiskEvaluationService>.Instance);
    }

    /// <summary>
    /// How many latest scores are stored and one hash over all of them (<see cref="ScoreFingerprint"/> per account, in
    /// id order): equal checksums before and after a change to the store mean it scored every account the same.
    /// </summary>
    private static string Checksum(IScoreStore scores)
    {
        var latest = scores.GetAllLatest();
        // The fingerprints folded in account id order (FNV style): fixed, unlike HashCode, so separate runs compare.
        ulong sum = 14695981039346656037;
        foreach (var id in latest.Keys.Order(StringComparer.Ordinal))
            sum = (sum ^ (ulong)ScoreFingerprint.Of(latest[id])) * 1099511628211;
        return $"{latest.Count:N0} latest scores, checksum {sum:x16}";
    }

    private static PortfolioScoring Scoring() => new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));

    /// <summary>CPU time of the whole process: on a shared machine it shows the work done when wall time also shows the wait.</summary>
    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static double Median(double[] values) => RunOptions.Percentile([.. values.Order()], 50);

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Resets the kernel's peak-RSS mark (Linux: "5" to clear_refs), so the seeding's peak is not counted.</summary>
    internal static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Console.WriteLine("  (could not reset the peak RSS mark; it includes seeding)"); }
    }

    internal static long PeakBytes()
    {
        if (!File.Exists("/proc/self/status")) return Process.GetCurrentProcess().PeakWorkingSet64;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>A clock the benchmark moves forward an hour per run.</summary>
    private sealed class SteppedTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public void Advance(TimeSpan by) => _now += by;
        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>Keeps queued messages by idempotency key, as the outbox does, and drops them: nothing is delivered here.</summary>
    private sealed class InMemoryOutbox : IOutbox
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter) => _keys.Add(message.IdempotencyKey);
    }
}
