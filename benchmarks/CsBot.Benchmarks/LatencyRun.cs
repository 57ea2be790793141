using System.Diagnostics;
using System.Globalization;

namespace CsBot.Benchmarks;

/// <summary>
/// Times every single question with a stopwatch after warm-up, drawing questions round-robin from
/// <see cref="Questions.All"/>, and prints p50/p90/p99/max per category and overall against the targets
/// (median under 1 ms, p99 under 5 ms).
/// </summary>
internal static class LatencyRun
{
    private const double MedianTargetMs = 1;
    private const double P99TargetMs = 5;

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", AskSetup.DefaultAccounts);
        var count = RunOptions.Int(args, "--questions", 20_000);

        // With --postgresql each question's conversation context is read from and written to a PostgreSQL database
        // (emptied for the run), as several CsBots keep it; otherwise to a LiteDB file, as one CsBot does.
        using var contexts = args.Contains("--postgresql") ? BenchStores.PostgreSql(BenchPostgreSql.Server(args), "csbot_bench_contexts", keep: false) : null;
        Console.WriteLine($"Setting up {accounts:N0} demo accounts ({AskSetup.HistoryDays} days of score history, one evaluation run), conversation contexts on {contexts?.Where ?? "a LiteDB file"}...");
        var setup = AskSetup.Create(accounts, contexts is null ? null : contexts.Contexts);
        Console.WriteLine($"Ready in {setup.Took.TotalSeconds:0.0} s: {setup.Accounts:N0} accounts, {setup.OpenAlerts:N0} open alerts. {Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}.");
        Console.WriteLine();
        Console.WriteLine("What each question answers:");
        foreach (var q in Questions.All)
            Console.WriteLine($"  {q.Category,-22} {Quote(q.Text),-38} -> {setup.Ask.Ask(q.Text, setup.Asker).Title}");

        setup.WarmUp();
        var questions = Questions.All;
        var timings = new double[count];
        // Bytes allocated on this thread per question: garbage is what the collector's pauses cost under load.
        var allocated = new long[count];
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var q = questions[i % questions.Count];
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            setup.Ask.Ask(q.Text, setup.Asker);
            timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - bytes;
        }
        total.Stop();
        // Below 100% the process waited for a core: the machine was busy with other work and the timings include that wait.
        var cpuUsed = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var cpuShare = cpuUsed / total.Elapsed.TotalMilliseconds * 100;
        var gcs = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);

        Console.WriteLine();
        Console.WriteLine($"{count:N0} questions in {total.Elapsed.TotalSeconds:0.00} s (GCs gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}; the process got {cpuShare:0}% of one core, {cpuUsed / count:0.000} ms of process CPU a question, load average {LoadAverage()})");
        Console.WriteLine($"  {"category",-22} {"n",7} {"p50",10} {"p90",10} {"p99",10} {"max",10} {"allocated",12}");
        foreach (var category in Questions.Categories)
        {
            var of = timings.Where((_, i) => questions[i % questions.Count].Category == category).Order().ToArray();
            Line(category, of, allocated.Where((_, i) => questions[i % questions.Count].Category == category).Average());
        }
        var all = timings.Order().ToArray();
        Line("overall", all, allocated.Average());

        var median = RunOptions.Percentile(all, 50);
        var p99 = RunOptions.Percentile(all, 99);
        var worstCategoryP99 = Questions.Categories.Max(c => RunOptions.Percentile(timings.Where((_, i) => questions[i % questions.Count].Category == c).Order().ToArray(), 99));
        Console.WriteLine();
        Console.WriteLine($"Peak RSS {EvaluationRun.PeakBytes() / 1048576.0:0} MB (set-up included).");
        Console.WriteLine($"Target median < {MedianTargetMs} ms: {Verdict(median < MedianTargetMs)} ({RunOptions.Ms(median)}); " +
                          $"p99 < {P99TargetMs} ms: {Verdict(p99 < P99TargetMs)} ({RunOptions.Ms(p99)} overall, {RunOptions.Ms(worstCategoryP99)} in the slowest category)");
        return 0;
    }

    private static void Line(string label, double[] sorted, double bytesPerQuestion) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-22} {sorted.Length,7} {RunOptions.Ms(RunOptions.Percentile(sorted, 50)),10} {RunOptions.Ms(RunOptions.Percentile(sorted, 90)),10} {RunOptions.Ms(RunOptions.Percentile(sorted, 99)),10} {RunOptions.Ms(sorted[^1]),10} {bytesPerQuestion / 1024,9:0.0} KB"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Verdict(bool met) => met ? "met" : "MISSED";
    private static string Quote(string text) => "\"" + text + "\"";
}
