using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace CsBot.Benchmarks;

/// <summary>
/// Chat under load over HTTP: starts the real host (a child process on a LiteDB file holding N demo accounts, as an
/// operator runs it) and a bare ASP.NET Core endpoint (<see cref="BareEndpoint"/>, a child process too), then drives the
/// same number of concurrent askers at each for the same time, one after the other, --runs times, and prints per run
/// and as median (min-max) p50/p99 latency, throughput, each side's CPU time per request (read from /proc for the timed
/// window only) and the host's share of the bare endpoint's throughput. On a shared machine the CPU per request is the
/// steady figure: throughput follows whatever CPU the other processes leave. The host answers on its local chat endpoint (POST /api/local/ask), each asker in its
/// own session, so every question also reads and writes its conversation context as in chat.
/// </summary>
/// <remarks>
/// The host must be built in Release first (dotnet build src/CsBot -c Release), or be given with --host PATH/CsBot.dll.
/// With --db pointing at a file seeded by --evaluation the host starts on it; an empty path is seeded by the host's
/// demo seeder (minutes at 100k). The time to the first healthy /healthz is printed too.
/// </remarks>
internal static class ChatLoadRun
{
    private const double P99TargetMs = 50;
    private const double RatioTarget = 0.5;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", 10_000);
        var seconds = RunOptions.Int(args, "--seconds", 10);
        var askers = RunOptions.Int(args, "--askers", 100);
        var runs = RunOptions.Int(args, "--runs", 3);
        var warmUpSeconds = RunOptions.Int(args, "--warm-up-seconds", 20);
        var db = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"csbot-eval-bench-{accounts}.db");
        var hostDll = Option(args, "--host") ?? DefaultHost();
        if (hostDll is null || !File.Exists(hostDll))
        {
            Console.WriteLine($"No host build at {hostDll ?? "src/CsBot/bin/Release/net10.0/CsBot.dll"}: run dotnet build src/CsBot -c Release, or pass --host PATH.");
            return 2;
        }
        Console.WriteLine($"Chat load: {askers} concurrent askers for {seconds} s at each endpoint, {runs} run(s), {accounts:N0} demo accounts in {db}, " +
                          $"{Environment.ProcessorCount} cores, load average {LoadAverage()}.");

        var hostPort = FreePort();
        var startUpWork = args.Contains("--evaluate-at-start") || args.Contains("--train-at-start");
        using var host = StartHost(hostDll, db, accounts, hostPort, args.Contains("--evaluate-at-start"), args.Contains("--train-at-start"), QuietSchedule());
        using var bare = StartBare(out var barePort);
        try
        {
            var healthy = WaitHealthy($"http://127.0.0.1:{hostPort}/healthz", host.Process);
            Console.WriteLine($"  host healthy after {healthy.TotalSeconds:0.0} s");
            // Healthy is not yet answering: the read model is read in the background after start.
            var first = FirstAnswer($"http://127.0.0.1:{hostPort}/api/local/ask");
            Console.WriteLine($"  first answer {first.TotalSeconds:0.0} s after healthy");
            WaitHealthy($"http://127.0.0.1:{barePort}/ask", bare.Process, post: true);
            // The first answers' work after start-up (the day's board, the digest's metrics) runs in the background for
            // seconds at 100k: measured without it unless the start-up work is what is being measured.
            if (!startUpWork)
            {
                var settled = WaitSettled(host.Process.Id);
                Console.WriteLine($"  host idle {settled.TotalSeconds:0.0} s after the first answer");
                // The runtime recompiles the hot code of a ReadyToRun build under load for half a minute or so (its
                // CPU an answer fell from 0.12 to 0.06-0.08 ms over the first runs): a steady state is measured.
                if (warmUpSeconds > 0)
                {
                    var warm = Drive($"http://127.0.0.1:{hostPort}/api/local/ask", host.Process.Id, askers, warmUpSeconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  warmed up with {warmUpSeconds} s of load (not counted): host CPU {warm.ServerCpuMs:0.000} ms an answer"));
                }
            }

            // Host and bare endpoint alternate, so a change in the machine's load falls on both sides of each ratio.
            var rows = new List<RunRow>();
            for (var run = 1; run <= runs; run++)
            {
                var hostResult = Drive($"http://127.0.0.1:{hostPort}/api/local/ask", host.Process.Id, askers, seconds);
                Report($"run {run} host /api/local/ask", hostResult);
                var bareResult = Drive($"http://127.0.0.1:{barePort}/ask", bare.Process.Id, askers, seconds);
                Report($"run {run} bare endpoint", bareResult);
                var row = new RunRow(hostResult, bareResult, LoadAverage());
                rows.Add(row);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run}: throughput {row.Ratio:P1} of the bare endpoint; CPU per request host {row.Host.ServerCpuMs:0.000} ms, bare {row.Bare.ServerCpuMs:0.000} ms " +
                    $"({row.Host.ServerCpuMs / row.Bare.ServerCpuMs:0.0}x); load average {row.Load}"));
            }
            Summary(rows);
            var p99 = Median(rows.Select(r => r.Host.P99));
            var ratio = Median(rows.Select(r => r.Ratio));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Host median p99 {p99:0.0} ms (target < {P99TargetMs} ms), median throughput {ratio:P0} of the bare endpoint (target >= {RatioTarget:P0}); load average now {LoadAverage()}."));
            return p99 < P99TargetMs && ratio >= RatioTarget ? 0 : 1;
        }
        finally
        {
            if (!host.Process.HasExited) host.Process.Kill(entireProcessTree: true);
            if (!bare.Process.HasExited) bare.Process.Kill(entireProcessTree: true);
            Console.WriteLine($"  host output: {host.Log}");
        }
    }

    /// <param name="ServerCpuMs">The server process's CPU time per request answered in the timed window.</param>
    /// <param name="ClientCpuMs">This process's (the askers') CPU time per request in the same window.</param>
    private sealed record Result(double[] Sorted, double Throughput, int Errors, double ServerCpuMs, double ClientCpuMs)
    {
        public double P50 => RunOptions.Percentile(Sorted, 50);
        public double P99 => RunOptions.Percentile(Sorted, 99);
    }

    private sealed record RunRow(Result Host, Result Bare, string Load)
    {
        public double Ratio => Host.Throughput / Bare.Throughput;
    }

    private static Result Drive(string url, int serverPid, int askers, int seconds)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = askers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var questions = Questions.All;
        var warmUntil = Stopwatch.GetTimestamp() + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        var endAt = warmUntil + (long)(seconds * (double)Stopwatch.Frequency);
        var timings = new List<double>[askers];
        var errors = 0;
        var completedInWindow = 0;
        // CPU of the server and of this process over the timed window only (after the warm-up, until the end).
        var cpu = Task.Run(() =>
        {
            SleepUntil(warmUntil);
            var (server0, client0) = (ProcessCpu.Of(serverPid), ProcessCpu.Of(Environment.ProcessId));
            SleepUntil(endAt);
            return (Server: ProcessCpu.Of(serverPid) - server0, Client: ProcessCpu.Of(Environment.ProcessId) - client0);
        });
        var tasks = Enumerable.Range(0, askers).Select(asker => Task.Run(async () =>
        {
            var mine = timings[asker] = new List<double>(1024);
            var session = "load-" + asker.ToString(CultureInfo.InvariantCulture);
            for (var i = asker; ; i++)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= endAt) break;
                using var response = await client.PostAsJsonAsync(url, new { text = questions[i % questions.Count].Text, session });
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                // Only questions started after the warm-up count, so connections and JIT are settled.
                if (start >= warmUntil) mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                var done = Stopwatch.GetTimestamp();
                if (done >= warmUntil && done < endAt) Interlocked.Increment(ref completedInWindow);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        var (serverCpu, clientCpu) = cpu.GetAwaiter().GetResult();
        var all = timings.SelectMany(t => t).Order().ToArray();
        var perRequest = Math.Max(1, completedInWindow);
        return new Result(all, all.Length / (double)seconds, errors, serverCpu.TotalMilliseconds / perRequest, clientCpu.TotalMilliseconds / perRequest);
    }

    private static void SleepUntil(long timestamp)
    {
        var left = (timestamp - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;
        if (left > 0) Thread.Sleep(TimeSpan.FromSeconds(left));
    }

    private static void Report(string name, Result result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-28} {result.Sorted.Length,8:N0} answers, {result.Throughput,8:0} /s, p50 {result.P50:0.0} ms, " +
            $"p99 {result.P99:0.0} ms, max {(result.Sorted.Length > 0 ? result.Sorted[^1] : double.NaN):0.0} ms, {result.Errors} errors, " +
            $"server CPU {result.ServerCpuMs:0.000} ms/request, client CPU {result.ClientCpuMs:0.000} ms/request"));

    private static void Summary(List<RunRow> rows)
    {
        Console.WriteLine($"Summary over {rows.Count} run(s), median (min-max):");
        Line("host answers/s", rows.Select(r => r.Host.Throughput), "0");
        Line("host p50 ms", rows.Select(r => r.Host.P50), "0.0");
        Line("host p99 ms", rows.Select(r => r.Host.P99), "0.0");
        Line("host CPU ms/answer", rows.Select(r => r.Host.ServerCpuMs), "0.000");
        Line("bare requests/s", rows.Select(r => r.Bare.Throughput), "0");
        Line("bare p99 ms", rows.Select(r => r.Bare.P99), "0.0");
        Line("bare CPU ms/request", rows.Select(r => r.Bare.ServerCpuMs), "0.000");
        Line("client CPU ms/request, host", rows.Select(r => r.Host.ClientCpuMs), "0.000");
        Line("client CPU ms/request, bare", rows.Select(r => r.Bare.ClientCpuMs), "0.000");
        Line("throughput ratio %", rows.Select(r => 100 * r.Ratio), "0.0");
        Line("CPU per request, host/bare", rows.Select(r => r.Host.ServerCpuMs / r.Bare.ServerCpuMs), "0.0");
        Console.WriteLine($"  load average after each run: {string.Join("; ", rows.Select(r => r.Load))}");

        static void Line(string what, IEnumerable<double> values, string format)
        {
            var v = values.ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what,-30} {Median(v).ToString(format, CultureInfo.InvariantCulture)} ({v.Min().ToString(format, CultureInfo.InvariantCulture)}-{v.Max().ToString(format, CultureInfo.InvariantCulture)})"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The bare endpoint (<see cref="BareEndpoint"/>) as a child process of this benchmark's own build.</summary>
    private static RunningHost StartBare(out int port)
    {
        port = FreePort();
        var self = typeof(ChatLoadRun).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [self, "--bare-endpoint", "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As the host's build sets (TieredCompilationQuickJit false): its own code compiled optimised on first use.
        start.Environment["DOTNET_TC_QuickJit"] = "0";
        return RunningHost.Start(start, Path.Combine(Path.GetTempPath(), $"csbot-chat-load-bare-{port}.log"));
    }

    internal sealed class RunningHost(Process process, string log) : IDisposable
    {
        public Process Process { get; } = process;
        public string Log { get; } = log;
        public void Dispose() => Process.Dispose();

        public static RunningHost Start(ProcessStartInfo start, string log)
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
            var writer = new StreamWriter(log) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new RunningHost(process, log);
        }
    }

    internal static RunningHost StartHost(string dll, string db, int accounts, int port, bool evaluateAtStart, bool trainAtStart, IReadOnlyDictionary<string, string>? environment = null)
    {
        // The host is killed at the end of a run, so its log stays beside the file for the next open. Copying a seeded
        // file afresh over the same path leaves that log beside the copy, and LiteDB replays it into the copy: damaged.
        var log = CsBot.Storage.LiteDb.LiteDbContext.LogPathOf(Path.GetFullPath(db));
        if (File.Exists(log) && new FileInfo(log).Length > 0)
            Console.WriteLine($"note: {log} ({new FileInfo(log).Length / 1048576.0:0.0} MB) is beside {db}: it is replayed into {db} on open. If {db} is a fresh copy, stop and delete the log first.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Storage__DatabasePath"] = db;
        start.Environment["Demo__AccountCount"] = accounts.ToString(CultureInfo.InvariantCulture);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Scheduling__EvaluateAtStartup"] = evaluateAtStart ? "true" : "false";
        // The churn model's training at start-up is a minute of work on every core; it would be measured as the
        // answers' cost. --train-at-start measures with it.
        start.Environment["Scheduling__TrainChurnModelAtStartup"] = trainAtStart ? "true" : "false";
        start.Environment["Reminders__RunAtStartup"] = "false";
        start.Environment["LocalChat__WriteToConsole"] = "false";
        start.Environment["LocalChat__ConsolePrompt"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return RunningHost.Start(start, Path.Combine(Path.GetTempPath(), $"csbot-chat-load-host-{port}.log"));
    }

    internal static TimeSpan WaitHealthy(string url, Process host, bool post = false)
    {
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < TimeSpan.FromMinutes(15))
        {
            if (host.HasExited) throw new InvalidOperationException($"The process exited with code {host.ExitCode} before it was healthy.");
            try
            {
                using var response = (post ? client.PostAsJsonAsync(url, new { text = "ready?" }) : client.GetAsync(url)).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK) return watch.Elapsed;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            // Polled: the host gives no other sign that it is up.
            Thread.Sleep(100);
        }
        throw new TimeoutException("The host was not healthy within 15 minutes.");
    }

    /// <summary>
    /// Scheduled work moved out of the timed windows: the hourly evaluation at the top of an hour fell into one and
    /// tripled that run's CPU per answer. A schedule given in this process's environment is kept.
    /// </summary>
    private static Dictionary<string, string> QuietSchedule()
    {
        const string never = "0 0 0 1 1 ? 2099";
        var environment = new Dictionary<string, string>();
        foreach (var key in new[] { "Scheduling__RiskEvaluationCron", "Scheduling__NudgeCron" })
            if (Environment.GetEnvironmentVariable(key) is null) environment[key] = never;
        return environment;
    }

    /// <summary>Waits until <paramref name="pid"/> uses under a tenth of a core over a second (two minutes at most).</summary>
    private static TimeSpan WaitSettled(int pid)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            var before = ProcessCpu.Of(pid);
            Thread.Sleep(TimeSpan.FromSeconds(1));
            if (ProcessCpu.Of(pid) - before < TimeSpan.FromMilliseconds(100)) break;
        }
        return watch.Elapsed;
    }

    private static TimeSpan FirstAnswer(string url)
    {
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(15) };
        using var response = client.PostAsJsonAsync(url, new { text = "which accounts are at risk?", session = "first" }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    internal static string? DefaultHost()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CsBot.sln")))
                return Path.Combine(dir.FullName, "src", "CsBot", "bin", "Release", "net10.0", "CsBot.dll");
        return null;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
