using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CsBot.Benchmarks;

/// <summary>
/// The host's memory through a day's work, as an operator runs it: starts the host (a child process, as
/// <see cref="ChatLoadRun"/> does, with the start-up evaluation and churn training on, as by default) on a LiteDB file, waits for the read model's warm-up, the start-up evaluation
/// and the churn model's start-up training (each told by the host's log), asks for a weekly digest preview, posts a
/// 1,000-row usage batch over the API, then asks --questions questions over HTTP, and prints the child's RSS after each
/// step, the peak within the step (VmHWM, reset after each step) and the peak over the run. The target is a peak under
/// 1 GB at 100k accounts. Give a COPY of a seeded file with --db: the host writes to it.
/// </summary>
internal static class MemoryRun
{
    private const long TargetMb = 1024;
    private const string Key = "memory-bench-key";

    public static int Run(string[] args)
    {
        var accounts = RunOptions.Int(args, "--accounts", 10_000);
        var questions = RunOptions.Int(args, "--questions", 100_000);
        var askers = RunOptions.Int(args, "--askers", 8);
        var db = ChatLoadRun.Option(args, "--db");
        var hostDll = ChatLoadRun.Option(args, "--host") ?? ChatLoadRun.DefaultHost();
        if (db is null || !File.Exists(db) || hostDll is null || !File.Exists(hostDll))
        {
            Console.WriteLine("Give --db (a copy of a file seeded by --evaluation; the host writes to it) and build the host first (dotnet build src/CsBot -c Release) or pass --host PATH.");
            return 2;
        }
        Console.WriteLine($"Memory of the host on {db} ({new FileInfo(db).Length / 1048576.0:0} MB, {accounts:N0} accounts), {Environment.ProcessorCount} cores, load average {ChatLoadRun.LoadAverage()}.");

        var port = ChatLoadRun.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Api__Keys__0__Name"] = "memory-bench",
            ["Api__Keys__0__Key"] = Key,
            ["Api__Keys__0__Access"] = "ReadWrite",
        };
        using var host = ChatLoadRun.StartHost(hostDll, db, accounts, port, evaluateAtStart: true, trainAtStart: true, environment);
        var pid = host.Process.Id;
        var baseUrl = $"http://127.0.0.1:{port}";
        var watch = Stopwatch.StartNew();
        var peak = 0L;
        // The peak within each step: the kernel's mark is reset after every row, so a row's peak is its own step's.
        var stepPeaks = ResetPeak(pid);
        void Step(string what)
        {
            var stepPeak = Mb(pid, "VmHWM:");
            peak = Math.Max(peak, stepPeak);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {watch.Elapsed.TotalSeconds,6:0.0} s  {what,-48} RSS {Mb(pid, "VmRSS:"),5:0} MB, peak in step {(stepPeaks ? stepPeak.ToString("0", CultureInfo.InvariantCulture) : "-"),5} MB, so far {peak,5:0} MB, host CPU {CpuSeconds(host.Process),6:0.0} s"));
            if (stepPeaks) ResetPeak(pid);
        }
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(15) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

            ChatLoadRun.WaitHealthy($"{baseUrl}/healthz", host.Process);
            Step("healthy");
            // The first answer waits for the read model's warm-up.
            Ask(client, "which accounts are at risk?", "memory-first");
            Step("read model warm (first answer)");
            WaitForLog(host.Log, ["Risk evaluation of the"], host.Process);
            Step("start-up evaluation finished");
            // The training starts when the evaluation ends and reads and scores the whole portfolio: later rows would include it.
            var trained = WaitForLog(host.Log, [ChurnModelTrained, ChurnModelTrainingSkipped, ChurnModelTrainingFailed], host.Process);
            Step(trained == ChurnModelTrained ? "start-up churn training finished" : $"start-up churn training: {trained.Trim()}");

            using (var preview = client.GetAsync("/api/local/digest/preview").GetAwaiter().GetResult())
                preview.EnsureSuccessStatusCode();
            Step("weekly digest preview");

            var ids = ExternalIds(client, 1_000);
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var batch = ids.Select((id, i) => new { accountExternalId = id, date = day, activeUsers = 1 + i % 19, monthlyActiveUsers = 20, licensedSeats = 20, logins = 12, keyFeatureUses = 3 }).ToArray();
            using (var posted = client.PostAsJsonAsync("/api/v1/usage", batch).GetAwaiter().GetResult())
                posted.EnsureSuccessStatusCode();
            Step($"usage batch of {batch.Length:N0} rows with rescoring");
            Ask(client, "which accounts are at risk?", "memory-after-batch");
            Step("first list question after the batch");

            var asked = AskMany(baseUrl, questions, askers, () => Step("  ..."));
            Step($"{asked:N0} questions over HTTP");
            if (!stepPeaks) peak = Mb(pid, "VmHWM:");
            Console.WriteLine($"Peak RSS {peak:N0} MB (target < {TargetMb:N0} MB); load average now {ChatLoadRun.LoadAverage()}.");
            return peak < TargetMb ? 0 : 1;
        }
        finally
        {
            if (!host.Process.HasExited) host.Process.Kill(entireProcessTree: true);
            Console.WriteLine($"  host output: {host.Log}");
        }
    }

    private static void Ask(HttpClient client, string text, string session)
    {
        using var response = client.PostAsJsonAsync("/api/local/ask", new { text, session }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Asks the benchmark's questions round-robin from several askers until <paramref name="count"/> are answered.</summary>
    private static int AskMany(string baseUrl, int count, int askers, Action progress)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = askers }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var all = Questions.All;
        var next = -1;
        var tenth = Math.Max(1, count / 10);
        var tasks = Enumerable.Range(0, askers).Select(asker => Task.Run(async () =>
        {
            var session = "memory-" + asker.ToString(CultureInfo.InvariantCulture);
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var response = await client.PostAsJsonAsync("/api/local/ask", new { text = all[i % all.Count].Text, session });
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                if ((i + 1) % tenth == 0) progress();
            }
        })).ToArray();
        Task.WaitAll(tasks);
        return count;
    }

    private static List<string> ExternalIds(HttpClient client, int count)
    {
        var ids = new List<string>(count);
        for (var page = 1; ids.Count < count; page++)
        {
            using var document = JsonDocument.Parse(client.GetStringAsync($"/api/v1/accounts?page={page}&pageSize=100").GetAwaiter().GetResult());
            var items = document.RootElement.GetProperty("items");
            if (items.GetArrayLength() == 0) break;
            foreach (var item in items.EnumerateArray()) ids.Add(item.GetProperty("externalId").GetString()!);
        }
        return [.. ids.Take(count)];
    }

    // What the host logs when its start-up training ends: a model stored (passed or not), none needed, or a failure.
    private const string ChurnModelTrained = "Churn model churn-";
    private const string ChurnModelTrainingSkipped = "Churn model training at start-up not needed";
    private const string ChurnModelTrainingFailed = "Churn model training failed";

    /// <summary>Waits until the host's log has a line containing one of <paramref name="texts"/> (the host gives no other sign); returns that text.</summary>
    private static string WaitForLog(string log, IReadOnlyList<string> texts, Process host)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(30))
        {
            if (host.HasExited) throw new InvalidOperationException($"The host exited with code {host.ExitCode}.");
            if (File.Exists(log) && ReadShared(log) is var written && texts.FirstOrDefault(t => written.Contains(t, StringComparison.Ordinal)) is { } found) return found;
            Thread.Sleep(500);
        }
        throw new TimeoutException($"The host's log had none of '{string.Join("', '", texts)}' within 30 minutes.");
    }

    /// <summary>Resets the kernel's peak-RSS mark of <paramref name="pid"/> (Linux: "5" to clear_refs); false where that is not allowed.</summary>
    private static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static double CpuSeconds(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static long Mb(int pid, string field)
    {
        var path = $"/proc/{pid}/status";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
