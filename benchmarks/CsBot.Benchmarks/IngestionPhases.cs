using System.Diagnostics;
using System.Runtime.InteropServices;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Benchmarks;

/// <summary>
/// Where an ingestion batch's time goes: every store call it makes, timed by the calling thread's CPU time and by the
/// wall clock, summed per call. What is not in a store call (mapping, merging, scoring, the outbox) is the rest of the
/// batch's time. Thread CPU time is read with one system call, so timing a few thousand calls barely adds to them.
/// Where Linux tells (/proc/thread-self/io), each call's read system calls are counted too: LiteDB reads a page it no
/// longer holds in its cache with one, so they show which calls went back to the file.
/// </summary>
internal sealed class IngestionPhases
{
    private readonly Dictionary<string, (int Calls, TimeSpan Cpu, TimeSpan Wall, long Reads, long Allocated)> _parts = new(StringComparer.Ordinal);
    private bool _on;

    public void Reset() => _parts.Clear();

    public void Start() => _on = true;

    public void Stop() => _on = false;

    public T Time<T>(string call, Func<T> work)
    {
        if (!_on) return work();
        var reads = ThreadReads();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu();
        var watch = Stopwatch.StartNew();
        var result = work();
        var wall = watch.Elapsed;
        var used = ThreadCpu() - cpu;
        var read = ThreadReads() - reads - OwnReads;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        lock (_parts)
        {
            var (calls, c, w, r, a) = _parts.GetValueOrDefault(call);
            _parts[call] = (calls + 1, c + used, w + wall, r + read, a + bytes);
        }
        return result;
    }

    public void Time(string call, Action work) => Time(call, () => { work(); return 0; });

    /// <summary>Prints the parts, per batch (the totals divided by <paramref name="batches"/>).</summary>
    public void Print(int batches)
    {
        Console.WriteLine($"    store calls per batch (mean of {batches}), thread CPU and wall, bytes allocated{(ReadsCounted ? ", read system calls (a page LiteDB read from the file each, a checkpoint's included)" : "")}:");
        foreach (var (call, (calls, cpu, wall, reads, allocated)) in _parts.OrderByDescending(p => p.Value.Cpu))
            Console.WriteLine($"      {call,-34} {calls / (double)batches,7:0} calls {cpu.TotalMilliseconds / batches,8:0.0} ms CPU {wall.TotalMilliseconds / batches,8:0.0} ms wall {allocated / 1048576.0 / batches,7:0.0} MB" +
                              (ReadsCounted ? $" {reads / (double)batches,8:0} reads" : ""));
    }

    private const string ThreadIo = "/proc/thread-self/io";
    private static readonly bool ReadsCounted = File.Exists(ThreadIo);
    // Reading the count is itself a read or two, taken off each call's count.
    private static readonly long OwnReads = ReadsCounted ? -ThreadReads() + ThreadReads() : 0;

    /// <summary>The calling thread's read system calls so far ("syscr"), or 0 where the system does not tell.</summary>
    private static long ThreadReads()
    {
        if (!ReadsCounted) return 0;
        foreach (var line in File.ReadLines(ThreadIo))
            if (line.StartsWith("syscr:", StringComparison.Ordinal)) return long.Parse(line.AsSpan(6).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return 0;
    }

    public IPortfolioStore Wrap(IPortfolioStore inner) => new Portfolio(inner, this);
    public IScoreStore Wrap(IScoreStore inner) => new Scores(inner, this);
    public IAlertStore Wrap(IAlertStore inner) => new Alerts(inner, this);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static TimeSpan ThreadCpu()
    {
        const int threadCpuTime = 3;
        ClockGetTime(threadCpuTime, out var t);
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }

    private sealed class Portfolio(IPortfolioStore inner, IngestionPhases phases) : IPortfolioStore
    {
        public bool IsEmpty() => inner.IsEmpty();
        public IReadOnlyList<Account> GetAccounts() => phases.Time("portfolio.GetAccounts", inner.GetAccounts);
        public Account? GetAccount(string accountId) => phases.Time("portfolio.GetAccount", () => inner.GetAccount(accountId));
        public AccountSignals? LoadSignals(string accountId) => phases.Time("portfolio.LoadSignals", () => inner.LoadSignals(accountId));
        public IEnumerable<AccountSignals> LoadAllSignals() => inner.LoadAllSignals();
        public void Save(IReadOnlyCollection<AccountSignals> portfolio) => phases.Time("portfolio.Save", () => inner.Save(portfolio));
        public Account? FindByExternalId(string externalId) => phases.Time("portfolio.FindByExternalId", () => inner.FindByExternalId(externalId));
        public IReadOnlyDictionary<string, Account> FindByExternalIds(IReadOnlyCollection<string> externalIds) => phases.Time("portfolio.FindByExternalIds", () => inner.FindByExternalIds(externalIds));
        public IReadOnlyDictionary<string, string> FindIdsByExternalIds(IReadOnlyCollection<string> externalIds) => phases.Time("portfolio.FindIdsByExternalIds", () => inner.FindIdsByExternalIds(externalIds));
        public IReadOnlyDictionary<string, AccountSignals> LoadSignalsOf(IReadOnlyCollection<string> accountIds) => phases.Time("portfolio.LoadSignalsOf", () => inner.LoadSignalsOf(accountIds));
    }

    private sealed class Scores(IScoreStore inner, IngestionPhases phases) : IScoreStore
    {
        public int SaveScores(IReadOnlyCollection<HealthScore> scores) => phases.Time("scores.SaveScores", () => inner.SaveScores(scores));
        public int SaveRecentScores(IReadOnlyCollection<HealthScore> scores) => phases.Time("scores.SaveRecentScores", () => inner.SaveRecentScores(scores));
        public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) => inner.SaveHistories(histories);
        public HealthScore? GetLatest(string accountId) => phases.Time("scores.GetLatest", () => inner.GetLatest(accountId));
        public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => phases.Time("scores.GetAllLatest", inner.GetAllLatest);
        public ScorePoint[] GetHistory(string accountId) => phases.Time("scores.GetHistory", () => inner.GetHistory(accountId));
        public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => phases.Time("scores.GetAllHistories", inner.GetAllHistories);
        public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => phases.Time("scores.GetHistories", () => inner.GetHistories(accountIds));
    }

    private sealed class Alerts(IAlertStore inner, IngestionPhases phases) : IAlertStore
    {
        public Alert? Get(string alertId) => phases.Time("alerts.Get", () => inner.Get(alertId));
        public IReadOnlyList<Alert> GetOpen() => phases.Time("alerts.GetOpen", inner.GetOpen);
        public IReadOnlyList<Alert> GetForAccount(string accountId) => phases.Time("alerts.GetForAccount", () => inner.GetForAccount(accountId));
        public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds) => phases.Time("alerts.GetOpenFor", () => inner.GetOpenFor(accountIds));
        public IReadOnlyDictionary<string, Alert> GetMany(IReadOnlyCollection<string> alertIds) => phases.Time("alerts.GetMany", () => inner.GetMany(alertIds));
        public void Upsert(IReadOnlyCollection<Alert> alerts) => phases.Time("alerts.Upsert", () => inner.Upsert(alerts));
    }
}
