using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Application.ReadModel;

/// <summary>
/// The in-memory read model questions are answered from, so an answer takes microseconds rather than a database
/// scan. Each part (portfolio, scores, open alerts) is read whole once, then kept current from the change log
/// (<see cref="DataVersions"/>): the first read after a write re-reads only the accounts that write touched (or takes
/// what the write logged it stored, for a portfolio save) and patches them in. A write too large to patch while someone waits (a full evaluation, a big import), or one the
/// log no longer holds, is caught up in the background while readers keep the copy they have.
/// </summary>
public sealed class PortfolioView
{
    /// <summary>Accounts re-read while a question waits; beyond this the part is caught up in the background.</summary>
    public const int InlinePatchLimit = 5_000;

    private readonly Part<PortfolioSnapshot> _portfolio;
    private readonly Part<ScoreSnapshot> _scores;
    private readonly Part<AlertSnapshot> _alerts;
    private readonly DataVersions _versions;
    private readonly IAlertStore _alertStore;
    private readonly IScoreStore _scoreStore;
    private readonly Lock _boardGate = new();
    private volatile DayBoard? _board;
    private readonly Lock _bandsGate = new();
    private volatile AccountBands? _bands;
    private int _boardBuilds;
    private int _boardPatches;

    /// <param name="clock">
    /// Today, to leave out of the held portfolio invoices settled before any day a board can be asked for (two days before
    /// today, so an asker's own time zone is covered); without it every invoice paid late is held.
    /// </param>
    public PortfolioView(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, DataVersions versions, ILogger<PortfolioView>? logger = null, Time.BusinessClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(alerts);
        _versions = versions ?? throw new ArgumentNullException(nameof(versions));
        _alertStore = alerts;
        _scoreStore = scores;
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _portfolio = new Part<PortfolioSnapshot>("portfolio", versions.PortfolioLog, log, LetGoOfUnpatchable, () => versions.InBulkRun,
            // Streamed and packed account by account (the portfolio is never held whole as objects), on every core.
            () => PortfolioSnapshot.Read(portfolio, Readers, settledBy: clock?.Today.AddDays(-2)),
            (current, ids, written) => current.Patch([.. ids.Select(id => written.Last(id) as PackedAccountSignals
                ?? (portfolio.LoadSignals(id) is { } loaded ? PackedAccountSignals.Of(loaded) : null)).OfType<PackedAccountSignals>()]),
            (snapshot, version) => snapshot.Version = version);
        _scores = new Part<ScoreSnapshot>("scores", versions.ScoresLog, log, LetGoOfUnpatchable, () => versions.InBulkRun,
            () => ScoreSnapshot.Of(scores.GetAllLatest(), scores.GetAllHistories()),
            (current, ids, written) => SavedScores.Patch(current, scores, ids, written),
            (snapshot, version) => snapshot.Version = version);
        _alerts = new Part<AlertSnapshot>("alerts", versions.AlertsLog, log, LetGoOfUnpatchable, () => versions.InBulkRun,
            () => new AlertSnapshot(alerts.GetOpen()),
            (current, ids, written) => SavedAlerts.Patch(current, alerts, ids, written),
            (snapshot, version) => snapshot.Version = version);
        // Kept up with the writes as they come, so a full evaluation's 90k scores and 40k alerts are patched in from
        // what it wrote rather than overflowing the log and being read whole again beside the copy held.
        versions.PortfolioLog.Recorded += _portfolio.Follow;
        versions.ScoresLog.Recorded += _scores.Follow;
        versions.AlertsLog.Recorded += _alerts.Follow;
        versions.BulkRunEnded += () =>
        {
            _portfolio.CatchUpNow();
            _scores.CatchUpNow();
            _alerts.CatchUpNow();
        };
    }

    public PortfolioSnapshot Portfolio => _portfolio.Value;
    public ScoreSnapshot Scores => _scores.Value;
    public AlertSnapshot Alerts => _alerts.Value;

    /// <summary>
    /// The open alerts of <paramref name="accountIds"/> as stored now, ordered by id as <see cref="IAlertStore.GetOpenFor"/>
    /// gives them, taken from the copy held: an evaluation reads its accounts' open alerts batch by batch, and reading
    /// them from LiteDB was two fifths of an hourly run at 100k accounts. Accounts whose alerts were written after the
    /// copy (rescored by an ingestion meanwhile, acknowledged) are read from the store, and all of them when the log no
    /// longer says what changed since the copy, or when other processes write the store.
    /// </summary>
    public IReadOnlyList<Alert> OpenAlertsOf(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (_versions.SharedStore || !_alerts.IsLoaded) return _alertStore.GetOpenFor(accountIds);
        var held = Alerts;
        if (!_versions.AlertsLog.TryChangesSince(held.Version, out _, out var written)) return _alertStore.GetOpenFor(accountIds);
        var open = new List<Alert>();
        var rewritten = new List<string>();
        foreach (var id in accountIds.Distinct(StringComparer.Ordinal))
        {
            if (written.Contains(id)) rewritten.Add(id);
            else open.AddRange(held.ForAccount(id));
        }
        if (rewritten.Count > 0) open.AddRange(_alertStore.GetOpenFor(rewritten));
        open.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return open;
    }

    /// <summary>
    /// The score histories of <paramref name="accountIds"/> as stored now (accounts without one left out, as
    /// <see cref="IScoreStore.GetHistories"/> leaves them), taken from the copy held: an ingestion's rescoring reads its
    /// accounts' histories, and reading them from LiteDB, two pages an account, was a third of a 1,000-row usage batch
    /// at 100k accounts. As <see cref="OpenAlertsOf"/>, accounts whose scores were written after the copy are read from
    /// the store, and all of them when the log no longer says what changed since the copy, or when other processes
    /// write the store.
    /// </summary>
    public IReadOnlyDictionary<string, ScorePoint[]> HistoriesOf(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (_versions.SharedStore || !_scores.IsLoaded) return _scoreStore.GetHistories(accountIds);
        var held = Scores;
        if (!_versions.ScoresLog.TryChangesSince(held.Version, out _, out var written)) return _scoreStore.GetHistories(accountIds);
        var histories = new Dictionary<string, ScorePoint[]>(accountIds.Count, StringComparer.Ordinal);
        var rewritten = new List<string>();
        foreach (var id in accountIds.Distinct(StringComparer.Ordinal))
        {
            if (written.Contains(id)) rewritten.Add(id);
            else if (held.Histories.TryGetValue(id, out var history) && !history.IsEmpty) histories[id] = history.ToArray();
        }
        if (rewritten.Count > 0)
            foreach (var (id, history) in _scoreStore.GetHistories(rewritten)) histories[id] = history;
        return histories;
    }

    /// <summary>
    /// <paramref name="alerts"/> as the read model holds alerts, for a writer to store and keep the same objects the read
    /// model patches in afterwards (it keeps an alert already held so as it is): a day's first evaluation at 100k accounts
    /// starts and resolves some 115k alerts and keeps them to its end for its messages, each beside the read model's copy.
    /// The alerts as given before the open alerts are first read.
    /// </summary>
    public IReadOnlyList<Alert> Holding(IReadOnlyList<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return _alerts.Held is { } held ? held.Hold(alerts) : alerts;
    }

    /// <summary>The scores as held now, not caught up first (null before they are first read).</summary>
    public ScoreSnapshot? HeldScores => _scores.Held;

    /// <summary>
    /// The portfolio and the scores as held, when they hold every write this process knows of; null when either is not
    /// loaded yet, is behind its log (a catch-up is under way), or other processes write the store
    /// (<see cref="DataVersions.SharedStore"/>). A full evaluation reads them instead of the store: the accounts packed
    /// here are unpacked as scored, with no store read and no second copy of the portfolio.
    /// </summary>
    public (PortfolioSnapshot Portfolio, ScoreSnapshot Scores)? CaughtUp()
    {
        if (_versions.SharedStore || !_portfolio.IsLoaded || !_scores.IsLoaded) return null;
        var portfolio = Portfolio;
        var scores = Scores;
        return portfolio.Version == _versions.Portfolio && scores.Version == _versions.Scores ? (portfolio, scores) : null;
    }

    /// <summary>How often a part was read whole from the store, and how often one was patched, since start.</summary>
    public int FullReads => _portfolio.FullReads + _scores.FullReads + _alerts.FullReads;
    public int Patches => _portfolio.Patches + _scores.Patches + _alerts.Patches;

    /// <summary>How often a list board was built whole, and how often one was patched, since start.</summary>
    public int BoardBuilds => Volatile.Read(ref _boardBuilds);
    public int BoardPatches => Volatile.Read(ref _boardPatches);

    /// <summary>True once every part has been read: until then the first question waits for the store.</summary>
    public bool IsLoaded => _portfolio.IsLoaded && _scores.IsLoaded && _alerts.IsLoaded;

    /// <summary>Threads reading the portfolio at once when it is read whole: one per core, as the full evaluation reads it.</summary>
    internal static int Readers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Reads every part now (at start-up, so the first question does not pay for it): the scores and open alerts while
    /// the portfolio is read, since the first question waits for all three.
    /// </summary>
    public void Load()
    {
        var others = Task.Run(() =>
        {
            _ = Scores;
            _ = Alerts;
        });
        try
        {
            _ = Portfolio;
        }
        finally
        {
            others.GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// The list answers' board for these snapshots and <paramref name="day"/>: built on the first list question of a
    /// day, then patched for the accounts written since (a board built whole again only when too many changed, an
    /// account joined or left the day's active accounts, or the change log no longer holds what changed).
    /// </summary>
    public DayBoard Board(PortfolioSnapshot portfolio, ScoreSnapshot scores, AlertSnapshot alerts, DateOnly day)
    {
        var board = _board;
        if (board is not null && board.Day == day && ReferenceEquals(board.Portfolio, portfolio) && ReferenceEquals(board.Scores, scores) && ReferenceEquals(board.Alerts, alerts))
            return board;
        lock (_boardGate)
        {
            board = _board;
            if (board is not null && board.Day == day && ReferenceEquals(board.Portfolio, portfolio) && ReferenceEquals(board.Scores, scores) && ReferenceEquals(board.Alerts, alerts))
                return board;
            var patched = board is not null && board.Day == day && portfolio.Version >= board.Portfolio.Version && scores.Version >= board.Scores.Version
                          && alerts.Version >= board.Alerts.Version && ChangedSince(board) is { } changed
                ? board.Patch(portfolio, scores, alerts, changed)
                : null;
            if (patched is not null) Interlocked.Increment(ref _boardPatches);
            else
            {
                patched = new DayBoard(portfolio, scores, alerts, day);
                Interlocked.Increment(ref _boardBuilds);
            }
            // A board older than the one held (a reader still on a previous snapshot) answers that reader but is not kept.
            if (board is null || (portfolio.Version >= board.Portfolio.Version && scores.Version >= board.Scores.Version && alerts.Version >= board.Alerts.Version))
                _board = patched;
            return patched;
        }
    }

    /// <summary>
    /// Each account's latest band by position, for these snapshots: worked out on first use, then patched for the
    /// accounts whose scores were written since (worked out whole again when an account was added or the change log no
    /// longer holds what changed).
    /// </summary>
    public AccountBands Bands(PortfolioSnapshot portfolio, ScoreSnapshot scores)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(scores);
        var held = _bands;
        if (held is not null && ReferenceEquals(held.Portfolio, portfolio) && ReferenceEquals(held.Scores, scores)) return held;
        lock (_bandsGate)
        {
            held = _bands;
            if (held is not null && ReferenceEquals(held.Portfolio, portfolio) && ReferenceEquals(held.Scores, scores)) return held;
            var newer = held is null || (portfolio.Version >= held.Portfolio.Version && scores.Version >= held.Scores.Version);
            var bands = held is not null && newer && _versions.ScoresLog.TryChangesSince(held.Scores.Version, out _, out var changed)
                ? held.Patch(portfolio, scores, changed)
                : null;
            bands ??= new AccountBands(portfolio, scores);
            // Bands for a reader still on older snapshots answer that reader but are not kept.
            if (newer) _bands = bands;
            return bands;
        }
    }

    /// <summary>
    /// Drops the board and bands once the change log no longer holds what changed since their snapshots: they would be
    /// built whole on their next use anyway, and until then they hold the snapshots they were made from (after a full
    /// evaluation, the whole portfolio's scores and alerts from before it, beside the current ones).
    /// </summary>
    private void LetGoOfUnpatchable()
    {
        lock (_boardGate)
            if (_board is { } board && (_versions.PortfolioLog.LoggedSince(board.Portfolio.Version) is null
                                        || _versions.ScoresLog.LoggedSince(board.Scores.Version) is null
                                        || _versions.AlertsLog.LoggedSince(board.Alerts.Version) is null))
                _board = null;
        lock (_bandsGate)
            if (_bands is { } bands && _versions.ScoresLog.LoggedSince(bands.Scores.Version) is null)
                _bands = null;
    }

    /// <summary>
    /// The accounts written since <paramref name="board"/>'s snapshots were taken, in any of the three parts (a superset
    /// of what differs between them and the ones asked for is harmless: an unchanged account patches to the same entry).
    /// </summary>
    private HashSet<string>? ChangedSince(DayBoard board)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!_versions.PortfolioLog.TryChangesSince(board.Portfolio.Version, out _, out var portfolio)) return null;
        ids.UnionWith(portfolio);
        if (!_versions.ScoresLog.TryChangesSince(board.Scores.Version, out _, out var scores)) return null;
        ids.UnionWith(scores);
        if (!_versions.AlertsLog.TryChangesSince(board.Alerts.Version, out _, out var alerts)) return null;
        ids.UnionWith(alerts);
        return ids;
    }

    /// <summary>How long a writer far ahead of the read model waits for a catch-up under way (<see cref="Part{T}.Follow"/>).</summary>
    internal static readonly TimeSpan FollowWait = TimeSpan.FromSeconds(30);

    /// <summary>One part of the read model: the copy readers share, its version, and how it is read whole or patched.</summary>
    private sealed class Part<T>(string name, ChangeLog log, ILogger logger, Action caughtUp, Func<bool> inBulkRun, Func<T> read, Func<T, IReadOnlySet<string>, LoggedWrites, T> patch, Action<T, long> stamp)
        where T : class
    {
        private readonly Lock _gate = new();
        private volatile Versioned? _current;
        private volatile Task? _catchingUp;
        private int _fullReads;
        private int _patches;

        /// <summary>
        /// After a write: once the copy held is half the log's capacity behind, it is caught up in the background while
        /// the log still holds what changed (and what was written), so a burst of writes larger than the log (a full
        /// evaluation) is patched in piece by piece. A part not read yet, or already too far behind, is left to the
        /// next question.
        /// </summary>
        /// <remarks>
        /// Writes can outpace a catch-up under way (a full evaluation's notifier writes 115k alerts a thousand at a time
        /// at 100k accounts, while the thread pool may be slow to run the catch-up): past three quarters of the log the
        /// writer waits for it (at most <see cref="FollowWait"/>), rather than let the log forget what the copy lacks
        /// and the part be read whole again (7.8 s and some 100 MB beside the copy held, for the alerts at 100k).
        /// </remarks>
        public void Follow()
        {
            var current = _current;
            if (current is null || BehindToCatchUp(current) is not { } behind) return;
            if (_catchingUp is { } underWay)
            {
                if (behind < log.Capacity / 4 * 3 || !underWay.Wait(FollowWait)) return;
                current = _current!;
                if (BehindToCatchUp(current) is null) return;
            }
            StartCatchUp(current);
        }

        /// <summary>How far <paramref name="copy"/> is behind the log, when at least half the log's capacity (and still in it); otherwise null.</summary>
        private int? BehindToCatchUp(Versioned copy) =>
            log.LoggedSince(copy.Version) is { } behind && behind >= Math.Max(1, log.Capacity / 2) ? behind : null;

        /// <summary>Catches up in the background now, if behind and not already doing so (a bulk run just ended).</summary>
        public void CatchUpNow()
        {
            var current = _current;
            if (current is null || current.Version == log.Version) return;
            StartCatchUp(current);
        }

        /// <summary>Starts a background catch-up from <paramref name="current"/>, unless one runs or the copy moved on meanwhile.</summary>
        private void StartCatchUp(Versioned current)
        {
            lock (_gate)
                if (_catchingUp is null && ReferenceEquals(_current, current)) _catchingUp = Task.Run(CatchUp);
        }

        /// <summary>The copy held now, as it is (no catching up); null before the first read.</summary>
        public T? Held => _current?.Value;

        public int FullReads => Volatile.Read(ref _fullReads);
        public int Patches => Volatile.Read(ref _patches);
        public bool IsLoaded => _current is not null;

        public T Value
        {
            get
            {
                var current = _current;
                if (current is not null && current.Version == log.Version) return current.Value;
                Versioned patched;
                lock (_gate)
                {
                    current = _current;
                    if (current is null) return Keep(ReadWhole()).Value;
                    if (current.Version == log.Version || _catchingUp is not null) return current.Value;
                    // During bulk work the copy held answers, unless someone's own small write is pending; the bulk
                    // writes are patched in by Follow as they pile up, and caught up when the run ends.
                    if (inBulkRun() && log.LastSmallWrite <= current.Version) return current.Value;
                    if (!log.TryChangesSince(current.Version, out var now, out var ids, out var written) || ids.Count - written.Count > InlinePatchLimit)
                    {
                        // Too much to re-read while a question waits: answer from the copy held and catch up meanwhile.
                        _catchingUp = Task.Run(CatchUp);
                        return current.Value;
                    }
                    patched = Keep(Patched(current, now, ids, written));
                }
                caughtUp();
                return patched.Value;
            }
        }

        private Versioned ReadWhole()
        {
            // The version is taken before reading, so a write during the read is patched in by the next reader.
            var version = log.Version;
            var value = read();
            stamp(value, version);
            Interlocked.Increment(ref _fullReads);
            return new Versioned(version, value);
        }

        private Versioned Patched(Versioned current, long now, IReadOnlySet<string> ids, LoggedWrites written)
        {
            var value = patch(current.Value, ids, written);
            stamp(value, now);
            Interlocked.Increment(ref _patches);
            // What the writes up to now said they stored is in the copy now: the log need not hold it on.
            log.ReleaseWritten(now);
            return new Versioned(now, value);
        }

        private Versioned Keep(Versioned next)
        {
            _current = next;
            return next;
        }

        private void CatchUp()
        {
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var current = _current!;
                var next = log.TryChangesSince(current.Version, out var now, out var ids, out var written) ? Patched(current, now, ids, written) : ReadWhole();
                lock (_gate) Keep(next);
                caughtUp();
                logger.LogInformation("Read model {Part} caught up in {Ms:0} ms", name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex)
            {
                // The copy held keeps answering; the next question after a write tries again.
                logger.LogError(ex, "Catching up the read model's {Part} failed", name);
            }
            finally
            {
                lock (_gate) _catchingUp = null;
            }
        }

        private sealed record Versioned(long Version, T Value);
    }
}
