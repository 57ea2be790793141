using System.Diagnostics;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Conversations;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Querying;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using CsBot.Storage.LiteDb;
using CsBot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Benchmarks;

/// <summary>
/// The PostgreSQL figures beside LiteDB's: ingestion (demo accounts with 180 days of usage saved in batches of 1,000,
/// rows per second), the hourly risk evaluation over the PostgreSQL stores (behind the host's observing wrappers,
/// outbox included), and what a question adds on each store, which is reading and writing its conversation context
/// (the answer itself comes from the in-memory read model on either store; see --latency).
/// </summary>
/// <remarks>
/// Needs an empty database it may create tables in: --connection "Host=...;Database=...", or CSBOT_BENCH_POSTGRES;
/// `.ci/with-postgres` starts a throwaway server and names it in CSBOT_TEST_POSTGRES, which is used when neither is
/// given (the run then creates its own database there). The evaluation runs as in --evaluation: an untimed first run
/// opens the alerts, then each timed run is an hour later on the same day.
/// </remarks>
internal static class PostgreSqlRun
{
    private const int SaveBatch = 1_000;
    private const int SeedHistoryDays = 90;
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 6, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", 10_000);
        var runs = RunOptions.Int(args, "--runs", 3);
        var contexts = RunOptions.Int(args, "--questions", 5_000);
        var connection = ConnectionString(args);
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        Console.WriteLine($"PostgreSQL store, {accounts:N0} demo accounts, {Environment.ProcessorCount} cores, load average {LoadAverage()}.");

        using var database = new PostgreSqlDatabase(connection);
        SchemaMigrator.Migrate(database);
        var versions = new DataVersions();
        var portfolio = new ObservedPortfolioStore(new PostgreSqlPortfolioStore(database), versions);
        var scores = new ObservedScoreStore(new PostgreSqlScoreStore(database), versions);
        var alerts = new ObservedAlertStore(new PostgreSqlAlertStore(database), versions);
        if (!portfolio.IsEmpty()) throw new ArgumentException("The database already holds accounts; give an empty one, so ingestion is measured from the start.");

        var demo = DemoPortfolio.Generate(today, accounts);
        var usageRows = demo.Sum(d => (long)d.Usage.Length);
        var watch = Stopwatch.StartNew();
        for (var from = 0; from < demo.Count; from += SaveBatch) portfolio.Save([.. demo.Skip(from).Take(SaveBatch)]);
        var ingest = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  ingestion: {demo.Count:N0} accounts with {usageRows:N0} usage rows in {ingest:0.0} s: {demo.Count / ingest:N0} accounts/s, {usageRows / ingest:N0} usage rows/s (batches of {SaveBatch:N0})");

        var scoring = Scoring();
        var backfilled = new ScorePoint[demo.Count][];
        Parallel.For(0, demo.Count, i => backfilled[i] = scoring.Backfill(demo[i], today, SeedHistoryDays));
        watch.Restart();
        for (var from = 0; from < demo.Count; from += SaveBatch * 5)
            scores.SaveHistories(Enumerable.Range(from, Math.Min(SaveBatch * 5, demo.Count - from)).ToDictionary(i => demo[i].Account.Id, i => backfilled[i], StringComparer.Ordinal));
        Console.WriteLine($"  score history: {backfilled.Sum(h => (long)h.Length):N0} points in {watch.Elapsed.TotalSeconds:0.0} s");

        var time = new SteppedTime(Start);
        var evaluation = Service(portfolio, scores, alerts, new PostgreSqlOutbox(database, time), time);
        watch.Restart();
        var opened = evaluation.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"  evaluation: first run {watch.Elapsed.TotalSeconds:0.000} s ({opened.AccountsScored:N0} scored, {opened.AlertsStarted:N0} alerts started, {opened.MessagesSent:N0} messages)");
        var seconds = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            time.Advance(TimeSpan.FromHours(1));
            var cpu = CpuTime();
            watch.Restart();
            var summary = evaluation.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            seconds[run] = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"  evaluation: run {run + 1} {seconds[run]:0.000} s, {(CpuTime() - cpu).TotalSeconds:0.000} s of CPU ({summary.AccountsScored:N0} scored, {summary.RuleHits:N0} rule hits)");
        }
        Console.WriteLine($"  evaluation: median {RunOptions.Percentile([.. seconds.Order()], 50):0.000} s, min {seconds.Min():0.000} s, max {seconds.Max():0.000} s");

        Contexts("PostgreSQL", new PostgreSqlConversationContexts(database, time), time, contexts);
        var folder = Directory.CreateTempSubdirectory("csbot-bench-").FullName;
        try
        {
            using var lite = new LiteDbContext(Path.Combine(folder, "contexts.db"));
            Contexts("LiteDB", new LiteDbConversationContexts(lite, time), time, contexts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        Console.WriteLine($"Load average now {LoadAverage()}.");
        return 0;
    }

    /// <summary>What each question adds on a store: the asker's context read, then the answered question saved.</summary>
    private static void Contexts(string name, IConversationContexts contexts, TimeProvider time, int count)
    {
        var question = new ParsedQuestion(IntentKind.AccountHealth, "acme") { Text = "health of acme" };
        for (var i = 0; i < 200; i++) Round(contexts, question, time, i % 50);
        var timings = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Round(contexts, question, time, i % 50);
            timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var sorted = timings.Order().ToArray();
        Console.WriteLine($"  a question's context on {name} ({count:N0} read+write rounds, 50 askers): p50 {RunOptions.Ms(RunOptions.Percentile(sorted, 50))}, " +
                          $"p99 {RunOptions.Ms(RunOptions.Percentile(sorted, 99))}, max {RunOptions.Ms(sorted[^1])}");
    }

    private static void Round(IConversationContexts contexts, ParsedQuestion question, TimeProvider time, int asker)
    {
        var key = $"local|benchmark|asker-{asker}";
        _ = contexts.Find(key);
        contexts.Save(key, new ConversationContext(question), time.GetUtcNow().AddMinutes(30));
    }

    private static string ConnectionString(string[] args)
    {
        var at = Array.IndexOf(args, "--connection");
        if (at >= 0 && at + 1 < args.Length) return args[at + 1];
        if (Environment.GetEnvironmentVariable("CSBOT_BENCH_POSTGRES") is { Length: > 0 } configured) return configured;
        if (Environment.GetEnvironmentVariable("CSBOT_TEST_POSTGRES") is not { Length: > 0 } server)
            throw new ArgumentException("--postgresql needs a database: --connection \"Host=...;Database=...\", CSBOT_BENCH_POSTGRES, or run it through .ci/with-postgres.");
        // A throwaway server: a database of its own, left for inspection until the server goes.
        var name = "csbot_bench_" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static RiskEvaluationService Service(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, IOutbox outbox, TimeProvider time)
    {
        var clock = new BusinessClock(time, TimeZoneInfo.Utc);
        var planner = new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones());
        var notifier = new AlertNotifier(outbox, alerts, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
        return new RiskEvaluationService(portfolio, scores, alerts, Scoring(), notifier, clock, NullLogger<RiskEvaluationService>.Instance);
    }

    private static PortfolioScoring Scoring() => new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed class SteppedTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public void Advance(TimeSpan by) => _now += by;
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
