using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Benchmarks;

/// <summary>
/// Chat under load over HTTP: starts the real host (a child process on a LiteDB file holding N demo accounts, as an
/// operator runs it) and a bare ASP.NET Core endpoint in this process, then drives the same number of concurrent askers
/// at each for the same time, one after the other, and prints p50/p99 latency, throughput and the host's share of the
/// bare endpoint's throughput. The host answers on its local chat endpoint (POST /api/local/ask), each asker in its
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
        var db = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"csbot-eval-bench-{accounts}.db");
        var hostDll = Option(args, "--host") ?? DefaultHost();
        if (hostDll is null || !File.Exists(hostDll))
        {
            Console.WriteLine($"No host build at {hostDll ?? "src/CsBot/bin/Release/net10.0/CsBot.dll"}: run dotnet build src/CsBot -c Release, or pass --host PATH.");
            return 2;
        }
        Console.WriteLine($"Chat load: {askers} concurrent askers for {seconds} s at each endpoint, {accounts:N0} demo accounts in {db}, " +
                          $"{Environment.ProcessorCount} cores, load average {LoadAverage()}.");

        var hostPort = FreePort();
        using var host = StartHost(hostDll, db, accounts, hostPort, args.Contains("--evaluate-at-start"));
        try
        {
            var healthy = WaitHealthy($"http://127.0.0.1:{hostPort}/healthz", host.Process);
            Console.WriteLine($"  host healthy after {healthy.TotalSeconds:0.0} s");
            // Healthy is not yet answering: the read model is read in the background after start.
            var first = FirstAnswer($"http://127.0.0.1:{hostPort}/api/local/ask");
            Console.WriteLine($"  first answer {first.TotalSeconds:0.0} s after healthy");
            var hostResult = Drive($"http://127.0.0.1:{hostPort}/api/local/ask", askers, seconds);
            Report("host /api/local/ask", hostResult);

            var bare = StartBare(out var barePort);
            try
            {
                var bareResult = Drive($"http://127.0.0.1:{barePort}/ask", askers, seconds);
                Report("bare endpoint", bareResult);
                var ratio = hostResult.Throughput / bareResult.Throughput;
                var p99 = RunOptions.Percentile(hostResult.Sorted, 99);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Host p99 {p99:0.0} ms (target < {P99TargetMs} ms), throughput {ratio:P0} of the bare endpoint (target >= {RatioTarget:P0}); load average now {LoadAverage()}."));
                return p99 < P99TargetMs && ratio >= RatioTarget ? 0 : 1;
            }
            finally
            {
                bare.StopAsync().GetAwaiter().GetResult();
            }
        }
        finally
        {
            if (!host.Process.HasExited) host.Process.Kill(entireProcessTree: true);
            Console.WriteLine($"  host output: {host.Log}");
        }
    }

    private sealed record Result(double[] Sorted, double Throughput, int Errors);

    private static Result Drive(string url, int askers, int seconds)
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
            }
        })).ToArray();
        Task.WaitAll(tasks);
        var all = timings.SelectMany(t => t).Order().ToArray();
        return new Result(all, all.Length / (double)seconds, errors);
    }

    private static void Report(string name, Result result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-22} {result.Sorted.Length,8:N0} answers, {result.Throughput,8:0} /s, p50 {RunOptions.Percentile(result.Sorted, 50):0.0} ms, " +
            $"p99 {RunOptions.Percentile(result.Sorted, 99):0.0} ms, max {(result.Sorted.Length > 0 ? result.Sorted[^1] : double.NaN):0.0} ms, {result.Errors} errors"));

    /// <summary>The least an HTTP endpoint does: read the JSON question, answer with a small JSON reply.</summary>
    private static WebApplication StartBare(out int port)
    {
        port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/ask", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<Dictionary<string, string>>();
            return Results.Json(new Dictionary<string, string> { ["title"] = "echo: " + body?.GetValueOrDefault("text"), ["text"] = "nothing looked up" });
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    private sealed class RunningHost(Process process, string log) : IDisposable
    {
        public Process Process { get; } = process;
        public string Log { get; } = log;
        public void Dispose() => Process.Dispose();
    }

    private static RunningHost StartHost(string dll, string db, int accounts, int port, bool evaluateAtStart)
    {
        var log = Path.Combine(Path.GetTempPath(), $"csbot-chat-load-host-{port}.log");
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
        start.Environment["Reminders__RunAtStartup"] = "false";
        start.Environment["LocalChat__WriteToConsole"] = "false";
        start.Environment["LocalChat__ConsolePrompt"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningHost(process, log);
    }

    private static TimeSpan WaitHealthy(string url, Process host)
    {
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < TimeSpan.FromMinutes(15))
        {
            if (host.HasExited) throw new InvalidOperationException($"The host exited with code {host.ExitCode} before it was healthy.");
            try
            {
                using var response = client.GetAsync(url).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK) return watch.Elapsed;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            // Polled: the host gives no other sign that it is up.
            Thread.Sleep(100);
        }
        throw new TimeoutException("The host was not healthy within 15 minutes.");
    }

    private static TimeSpan FirstAnswer(string url)
    {
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(15) };
        using var response = client.PostAsJsonAsync(url, new { text = "which accounts are at risk?", session = "first" }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string? DefaultHost()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CsBot.sln")))
                return Path.Combine(dir.FullName, "src", "CsBot", "bin", "Release", "net10.0", "CsBot.dll");
        return null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
