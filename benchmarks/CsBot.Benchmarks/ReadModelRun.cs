using System.Diagnostics;
using System.Globalization;
using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Digest;
using CsBot.Application.Evaluation;
using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Reading;
using CsBot.Application.Ingestion.Records;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Benchmarks;

/// <summary>
/// The read side on a LiteDB file holding the demo portfolio (seed one with --evaluation and the same --db): the
/// read model's first read, then per run a 1,000-row usage batch and a rescoring of those accounts through the observed
/// stores, followed by the first list question, a weekly digest preview, a page of the accounts API and one account by
/// external id, each timed as the first call after the write.
/// </summary>
internal static class ReadModelRun
{
    private const int BatchSize = 1_000;
    private const double ListTargetMs = 200;
    private const double DigestTargetMs = 1_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", 10_000);
        var runs = RunOptions.Int(args, "--runs", 3);
        var at = Array.IndexOf(args, "--db");
        var path = at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine(Path.GetTempPath(), $"csbot-eval-bench-{accounts}.db");
        if (!File.Exists(path))
        {
            Console.WriteLine($"No database at {path}: seed one first with --evaluation --accounts {accounts} --db {path}.");
            return 2;
        }
        Console.WriteLine($"Read model on {path} ({new FileInfo(path).Length / 1048576.0:0} MB), {Environment.ProcessorCount} cores, load average {LoadAverage()}, {runs} runs.");

        var time = new FixedTime(Now);
        var clock = new BusinessClock(time, TimeZoneInfo.Utc);
        using var context = new LiteDbContext(path);
        var versions = new DataVersions();
        var portfolio = new ObservedPortfolioStore(new LiteDbPortfolioStore(context), versions);
        var scores = new ObservedScoreStore(new LiteDbScoreStore(context), versions);
        var alerts = new ObservedAlertStore(new LiteDbAlertStore(context), versions);
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
        var calculator = new MetricsCalculator(new MetricsOptions());
        var view = new PortfolioView(portfolio, scores, alerts, versions);
        var access = new AccessPolicy(new AccessOptions());
        var memory = new ConversationMemory(new LiteDbConversationContexts(context, time), time, new ConversationOptions(), NullLogger<ConversationMemory>.Instance);
        var ask = new AskService(view, scoring, calculator, access, clock, NullLogger<AskService>.Instance,
            new AlertActionService(alerts, portfolio, view, access, clock), new InMemoryDigestSubscriptions(), memory);
        var digest = new DigestService(view, portfolio, scores, alerts, new LiteDbOutbox(context, time), new InMemoryDigestSubscriptions(), scoring,
            new DigestBuilder(new ScoringOptions(), calculator), clock, NullLogger<DigestService>.Instance);
        var reader = new PortfolioReader(view, calculator, new MetricsOptions());
        var ingestion = new IngestionService(portfolio, new MetricsOptions(), clock);
        var asker = Asker.Local() with { ConversationId = "read-model-bench" };

        var load = Stopwatch.StartNew();
        // Each part read on its own, with the managed heap after it, to tell what the read model's memory is made of.
        var heap = HeapMb();
        foreach (var (part, read) in new (string, Action)[] { ("portfolio", () => _ = view.Portfolio), ("scores", () => _ = view.Scores), ("open alerts", () => _ = view.Alerts) })
        {
            read();
            var now = HeapMb();
            Console.WriteLine($"  {part} read whole: heap +{now - heap:0} MB");
            heap = now;
        }
        var board = view.Board(view.Portfolio, view.Scores, view.Alerts, clock.Today);
        Console.WriteLine($"  read whole (start-up, or any write before this change): {load.Elapsed.TotalSeconds:0.00} s, {view.Portfolio.Accounts.Count:N0} accounts, {board.Entries.Length:N0} active");
        Console.WriteLine($"  GC heap after a full collection, read model loaded: {HeapMb():0} MB, RSS {RssMb()} MB");
        // Untimed: JIT and the board's first build.
        ask.Ask("which accounts are at risk?", asker);
        digest.Preview(null);
        reader.ListAccounts(new AccountFilter(null, null, null, 1, 50));

        // Values differ from one invocation to the next, so a batch on a file reused from an earlier run still changes what is stored.
        var salt = (int)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 1000);
        var active = view.Portfolio.Accounts.Where(a => a.IsActiveOn(clock.Today)).ToArray();
        var list = new List<double>();
        var preview = new List<double>();
        var page = new List<double>();
        var one = new List<double>();
        var batch = new List<double>();
        // CPU time of the whole process (background threads and collections included) beside each wall time.
        var listCpu = new List<double>();
        var previewCpu = new List<double>();
        var pageCpu = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var chosen = Enumerable.Range(0, BatchSize).Select(i => active[(int)(((long)i * active.Length / BatchSize + run) % active.Length)]).ToArray();
            var day = clock.Today.AddDays(-run).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            var result = ingestion.UpsertUsage([.. chosen.Select(a => new UsageRecord { AccountExternalId = a.ExternalId, Date = day, ActiveUsers = 1 + (salt + run) % 19, MonthlyActiveUsers = 20, LicensedSeats = 20, Logins = 12, KeyFeatureUses = 3 })]);
            if (result.Errors.Count > 0) throw new InvalidOperationException("Benchmark batch rejected: " + result.Errors[0]);
            // As the rescoring after an ingestion: the changed accounts' scores saved.
            scores.SaveScores([.. chosen.Select(a => scoring.Score(portfolio.LoadSignals(a.Id)!, clock.Today))]);
            batch.Add(watch.Elapsed.TotalMilliseconds);

            // The question's time, split into what patching each part of the read model and the board cost.
            var cpu = CpuMs();
            var parts = Time(() => _ = view.Portfolio) is var p && Time(() => _ = view.Scores) is var sc && Time(() => _ = view.Alerts) is var al ? (p, sc, al) : default;
            var boardMs = Time(() => view.Board(view.Portfolio, view.Scores, view.Alerts, clock.Today));
            var answerMs = Time(() => ask.Ask("which accounts are at risk?", asker));
            list.Add(parts.p + parts.sc + parts.al + boardMs + answerMs);
            listCpu.Add(CpuMs() - cpu);
            Console.WriteLine($"  run {run}: patching portfolio {parts.p:0.0} ms, scores {parts.sc:0.0} ms, alerts {parts.al:0.0} ms, board {boardMs:0.0} ms, answer {answerMs:0.0} ms");
            cpu = CpuMs();
            preview.Add(Time(() => digest.Preview(null)));
            previewCpu.Add(CpuMs() - cpu);
            cpu = CpuMs();
            page.Add(Time(() => reader.ListAccounts(new AccountFilter(HealthBand.Poor, null, null, 2, 50))));
            pageCpu.Add(CpuMs() - cpu);
            var external = chosen[run].ExternalId;
            one.Add(Time(() => reader.GetAccount(external)));
            Console.WriteLine($"  run {run}: batch and rescoring {batch[^1]:0} ms; then list question {list[^1]:0.0} ms, digest preview {preview[^1]:0.0} ms, " +
                              $"accounts page {page[^1]:0.0} ms, account by external id {one[^1]:0.00} ms (whole reads {view.FullReads}, patches {view.Patches}, boards built {view.BoardBuilds}, patched {view.BoardPatches})");
        }
        Console.WriteLine($"  first list question after the batch: {Summary(list)}, CPU {Summary(listCpu)} (target < {ListTargetMs} ms)");
        Console.WriteLine($"  digest preview: {Summary(preview)}, CPU {Summary(previewCpu)} (target < {DigestTargetMs} ms)");
        Console.WriteLine($"  accounts page: {Summary(page)}, CPU {Summary(pageCpu)}; account by external id: {Summary(one)}");
        Console.WriteLine($"  load average at the end {LoadAverage()}");
        Console.WriteLine($"  GC heap after a full collection {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MB, RSS {RssMb()} MB, peak RSS {PeakMb()} MB");
        return Median(list) < ListTargetMs && Median(preview) < DigestTargetMs ? 0 : 1;
    }

    private static double HeapMb() => GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;

    private static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Summary(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median(values):0.0} ms (min {values.Min():0.0}, max {values.Max():0.0})");

    private static double Median(List<double> values) => RunOptions.Percentile([.. values.Order()], 50);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string PeakMb() => StatusMb("VmHWM:");

    private static string RssMb() => StatusMb("VmRSS:");

    private static string StatusMb(string field)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }
}
