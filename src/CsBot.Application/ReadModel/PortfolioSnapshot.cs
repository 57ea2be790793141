using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Signals;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Accounts and signals held in memory, with the lookups questions need. Immutable; a write makes a patched copy
/// (<see cref="Patch(IReadOnlyCollection{AccountSignals})"/>) that shares everything the write did not change.
/// </summary>
/// <remarks>
/// Each account's signals are held packed (<see cref="PackedAccountSignals"/>, about 2 KB for a demo account against
/// 17 KB as objects) and unpacked on use: <see cref="Signals"/> and <see cref="ById"/> unpack on every access, so an
/// answer about one account unpacks that account, and work that walks every account (metrics, the board's rule
/// checks, the churn ranking) does it once per snapshot or day, its results kept. The records stay objects, since
/// every list answer and look-up reads them.
/// </remarks>
public sealed class PortfolioSnapshot
{
    /// <summary>Distinct metric questions remembered per snapshot; past this the memory is cleared and refilled.</summary>
    public const int MaxCachedMetrics = 512;

    private readonly PackedAccountSignals[] _signals;
    private readonly Account[] _accounts;
    // Position of each account in _signals/_accounts; shared by every patch that adds no account.
    private readonly Dictionary<string, int> _positions;
    private readonly LayeredMap<Invoice[]> _mayBeOverdue;
    // Each result is worked out once per snapshot by the first asker; askers of the same metric meanwhile wait for it.
    private readonly ConcurrentDictionary<MetricKey, Lazy<MetricResult>> _metrics = new();
    // Shared by patches that change no account record, since names and external ids are then as they were.
    private readonly Orders _orders;
    private readonly Lazy<AccountMatcher> _matcher;
    private volatile ActiveAccounts? _active;
    private readonly RecordPool _pool;
    // Invoices paid by this day are not kept for the overdue check (see Read); null keeps every one paid late.
    private readonly DateOnly? _settledBy;
    private int _metricsWorkedOut;

    /// <summary>Packs <paramref name="signals"/> as they come, so a portfolio streamed from a store is never held whole as objects.</summary>
    public PortfolioSnapshot(IEnumerable<AccountSignals> signals)
        : this(signals ?? throw new ArgumentNullException(nameof(signals)), new RecordPool())
    {
    }

    private PortfolioSnapshot(IEnumerable<AccountSignals> signals, RecordPool pool, DateOnly? settledBy = null) : this(Packing(signals, pool, settledBy), pool, settledBy)
    {
    }

    /// <summary>
    /// The whole portfolio of <paramref name="store"/>, its id ranges (<see cref="IPortfolioStore.CutIntoRanges"/>) read
    /// and packed on <paramref name="readers"/> threads at once and put together in portfolio order: the same snapshot as
    /// one read in order gives. Reading and packing are the start-up warm-up's work, which the first question waits for,
    /// so they run on every core as the full evaluation's read does.
    /// </summary>
    /// <param name="settledBy">
    /// A day no board will be asked for a day before (a couple of days before today): invoices paid by then can never be
    /// open and overdue on a later day, so only unpaid ones and those paid after it are kept for the overdue check. At
    /// 100k demo accounts that is a few hundred invoices instead of some 230k paid late over the years, about 30 MB.
    /// </param>
    public static PortfolioSnapshot Read(IPortfolioStore store, int readers, int rangeSize = RangeSize, DateOnly? settledBy = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 1);
        var ranges = store.CutIntoRanges(rangeSize);
        // A store that cannot cut answers one range of everything (never none): read it in one go, as before.
        if (ranges.Count <= 1) return new PortfolioSnapshot(store.LoadAllSignals(), new RecordPool(), settledBy);
        var pool = new RecordPool();
        var parts = new List<PackedEntry>[ranges.Count];
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = readers },
            i => parts[i] = [.. Packing(store.LoadSignalsIn(ranges[i]), pool, settledBy)]);
        return new PortfolioSnapshot(parts.SelectMany(part => part), pool, settledBy);
    }

    /// <summary>Accounts per id range <see cref="Read"/> reads as one piece: enough ranges that every reader stays busy to the end.</summary>
    internal const int RangeSize = 2_500;

    private static IEnumerable<PackedEntry> Packing(IEnumerable<AccountSignals> signals, RecordPool pool, DateOnly? settledBy) =>
        signals.Select(entry => new PackedEntry(PackedAccountSignals.Of(entry with { Account = pool.Share(entry.Account) }), MayBeOverdue(entry, settledBy)));

    private PortfolioSnapshot(IEnumerable<PackedEntry> entries, RecordPool pool, DateOnly? settledBy)
    {
        _settledBy = settledBy;
        var packed = new List<PackedAccountSignals>();
        var overdue = new Dictionary<string, Invoice[]>(StringComparer.Ordinal);
        _pool = pool;
        foreach (var (entry, invoices) in entries)
        {
            packed.Add(entry);
            if (invoices is not null) overdue[entry.Account.Id] = invoices;
        }
        _signals = [.. packed];
        _accounts = [.. _signals.Select(s => s.Account)];
        _positions = new Dictionary<string, int>(_signals.Length, StringComparer.Ordinal);
        for (var i = 0; i < _signals.Length; i++) _positions.Add(_signals[i].Account.Id, i);
        _mayBeOverdue = LayeredMap<Invoice[]>.Of(overdue);
        (_matcher, Segments, Owners, ManagerEmails) = Directory(_accounts);
        ById = new SignalsById(_positions, _signals);
        Signals = new PackedSignalsList(_signals);
        _orders = new Orders(_accounts);
    }

    private PortfolioSnapshot(PackedAccountSignals[] signals, Account[] accounts, Dictionary<string, int> positions, LayeredMap<Invoice[]> mayBeOverdue,
        (Lazy<AccountMatcher>, IReadOnlyList<string>, IReadOnlyList<Person>, IReadOnlySet<string>) directory, Orders? orders, RecordPool pool, DateOnly? settledBy)
    {
        _settledBy = settledBy;
        _pool = pool;
        _orders = orders ?? new Orders(accounts);
        _signals = signals;
        _accounts = accounts;
        _positions = positions;
        _mayBeOverdue = mayBeOverdue;
        (_matcher, Segments, Owners, ManagerEmails) = directory;
        ById = new SignalsById(_positions, _signals);
        Signals = new PackedSignalsList(_signals);
    }

    /// <summary>Every account's signals in portfolio order, each unpacked when reached (see remarks): for walks whose results are kept.</summary>
    public IReadOnlyList<AccountSignals> Signals { get; }

    /// <summary>An account's signals by id, unpacked on every look-up; for the record alone use <see cref="AccountOf"/>.</summary>
    public IReadOnlyDictionary<string, AccountSignals> ById { get; }

    /// <summary>Every account's packed signals, in portfolio order.</summary>
    public IReadOnlyList<PackedAccountSignals> Packed => _signals;
    public IReadOnlyList<Account> Accounts => _accounts;
    /// <summary>
    /// The name look-up, built when first asked for: at 100k accounts building it is half a second, and every write that
    /// changes account records makes a new copy, whose first reader (a list question, the evaluation) may not need it.
    /// </summary>
    public AccountMatcher Matcher => _matcher.Value;
    public IReadOnlyList<string> Segments { get; }
    public IReadOnlyList<Person> Owners { get; }
    /// <summary>Everyone named as an account's manager: they count as managers when they ask.</summary>
    public IReadOnlySet<string> ManagerEmails { get; }

    /// <summary>The change-log version of the portfolio this snapshot reflects (see <see cref="ChangeLog"/>).</summary>
    public long Version { get; internal set; }

    /// <summary>
    /// This snapshot with <paramref name="changed"/> accounts replaced (or added, after the others). The per-account
    /// arrays are copied as references and the rest is shared; the name matcher and the owner and segment lists are
    /// worked out again only when a changed account's record differs, since a usage or invoice batch leaves them as they are.
    /// </summary>
    public PortfolioSnapshot Patch(IReadOnlyCollection<AccountSignals> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return Patch([.. changed.Select(PackedAccountSignals.Of)]);
    }

    /// <inheritdoc cref="Patch(IReadOnlyCollection{AccountSignals})"/>
    public PortfolioSnapshot Patch(IReadOnlyCollection<PackedAccountSignals> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0) return this;
        var signals = _signals;
        var accounts = _accounts;
        var positions = _positions;
        var added = new List<PackedAccountSignals>();
        var recordsChanged = false;
        var beyondUsage = false;
        var copied = false;
        foreach (var given in changed)
        {
            var entry = given.WithAccount(_pool.Share(given.Account));
            if (!positions.TryGetValue(entry.Account.Id, out var at))
            {
                added.Add(entry);
                continue;
            }
            if (!copied)
            {
                signals = (PackedAccountSignals[])_signals.Clone();
                accounts = (Account[])_accounts.Clone();
                copied = true;
            }
            recordsChanged |= !SameRecord(accounts[at], entry.Account);
            beyondUsage |= !SameBesideUsage(signals[at], entry);
            signals[at] = entry;
            accounts[at] = entry.Account;
        }
        if (added.Count > 0)
        {
            recordsChanged = true;
            positions = new Dictionary<string, int>(_positions, StringComparer.Ordinal);
            signals = [.. signals, .. added];
            accounts = [.. accounts, .. added.Select(a => a.Account)];
            for (var i = _signals.Length; i < signals.Length; i++) positions[signals[i].Account.Id] = i;
        }
        var overdue = _mayBeOverdue.With(changed.Select(s => KeyValuePair.Create(s.Account.Id, MayBeOverdue(s.Unpack(withUsage: false), _settledBy))));
        var directory = recordsChanged ? Directory(accounts) : (_matcher, Segments, Owners, ManagerEmails);
        var patched = new PortfolioSnapshot(signals, accounts, positions, overdue, directory, recordsChanged ? null : _orders, _pool, _settledBy);
        // A usage batch changes no metric but the usage ones: the others' results are carried over rather than worked
        // out again over every account (the weekly digest shows four of them after every write).
        if (!recordsChanged && !beyondUsage)
            foreach (var (key, result) in _metrics)
                if (!ReadUsage.Contains(key.Metric)) patched._metrics.TryAdd(key, result);
        return patched;
    }

    /// <summary>The metrics whose formulas read usage days (<c>UsageMetrics</c> in Core); every other one reads only the account's record and its other signals.</summary>
    private static readonly HashSet<MetricKind> ReadUsage = [MetricKind.AdoptionRate, MetricKind.Stickiness];

    /// <summary>Same record and same signals apart from usage: the same packed bytes (a packing is a function of the signals).</summary>
    private static bool SameBesideUsage(PackedAccountSignals before, PackedAccountSignals after) =>
        SameRecord(before.Account, after.Account) && before.SameBesideUsage(after);

    /// <summary>The accounts active on <paramref name="day"/>, in portfolio order; the last day asked is remembered.</summary>
    public IReadOnlyList<Account> ActiveOn(DateOnly day)
    {
        var last = _active;
        if (last is not null && last.Day == day) return last.Accounts;
        var active = new ActiveAccounts(day, [.. _accounts.Where(a => a.IsActiveOn(day))]);
        _active = active;
        return active.Accounts;
    }

    /// <summary>True when every account is where it is in <paramref name="other"/> (no account was added since).</summary>
    public bool HasPositionsOf(PortfolioSnapshot other) => ReferenceEquals(_positions, other?._positions);

    /// <summary>Where the account is in <see cref="Accounts"/> and <see cref="Signals"/>, or -1.</summary>
    public int PositionOf(string accountId) => _positions.TryGetValue(accountId, out var at) ? at : -1;

    /// <summary>The account with this id, or null; unpacks nothing.</summary>
    public Account? AccountOf(string accountId) => _positions.TryGetValue(accountId, out var at) ? _accounts[at] : null;

    /// <summary>The account's signals, unpacked now, or null.</summary>
    /// <summary>The account's signals as held, packed (a new object whenever they change); null for an unknown id.</summary>
    public PackedAccountSignals? PackedOf(string accountId) => _positions.TryGetValue(accountId, out var at) ? _signals[at] : null;

    public AccountSignals? SignalsOf(string accountId) => _positions.TryGetValue(accountId, out var at) ? _signals[at].Unpack() : null;

    /// <summary>The account with this CRM id (exact match), or null.</summary>
    public Account? FindByExternalId(string externalId) =>
        _orders.ByExternalId.TryGetValue(externalId, out var at) ? _accounts[at] : null;

    /// <summary>Positions in <see cref="Accounts"/> ordered by name (ignoring case), then external id: the order the accounts API lists them in.</summary>
    public IReadOnlyList<int> NameOrder => _orders.ByName;

    /// <summary>The account's invoices that are, were or may become overdue (not paid by their due date), in stored order.</summary>
    public IReadOnlyList<Invoice> InvoicesMayBeOverdue(string accountId) => _mayBeOverdue.TryGetValue(accountId, out var invoices) ? invoices : [];

    /// <summary>How many metric results were worked out on this snapshot (not carried over from the one before).</summary>
    public int MetricsWorkedOut => Volatile.Read(ref _metricsWorkedOut);

    /// <summary>
    /// <paramref name="calculator"/>'s result for this portfolio, worked out once per (metric, period, segment): a metric
    /// reads every account's history, and the snapshot, hence the answer, only changes when the portfolio is written
    /// or (for the renewal rate) the day changes.
    /// </summary>
    public MetricResult Metric(MetricsCalculator calculator, MetricKind metric, DateRange period, string? segment)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        // The renewal rate derives outcomes for renewal dates that have passed, so a new day can change it.
        var key = new MetricKey(calculator, metric, period, segment, calculator.Today());
        if (_metrics.TryGetValue(key, out var cached)) return cached.Value;
        if (_metrics.Count >= MaxCachedMetrics) _metrics.Clear();
        // One computation per metric: at 100k accounts one costs about a second of CPU, and right after the read model
        // is loaded many askers ask the same metric at once; each working it out itself multiplied that by the askers.
        var computing = _metrics.GetOrAdd(key, _ => new Lazy<MetricResult>(
            () =>
            {
                Interlocked.Increment(ref _metricsWorkedOut);
                // Unpacked account by account as the calculator walks them, without usage for the metrics that do not read it.
                return calculator.Compute(metric, ReadUsage.Contains(metric) ? Signals : new PackedSignalsList(_signals, withUsage: false), period, segment);
            },
            LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return computing.Value;
        }
        catch
        {
            // A failed computation is not remembered: the next asker tries again.
            _metrics.TryRemove(KeyValuePair.Create(key, computing));
            throw;
        }
    }

    // An invoice paid by its due date is never overdue on any day, nor one paid by settledBy on a day after it, so only
    // the others need looking at.
    private static Invoice[]? MayBeOverdue(AccountSignals signals, DateOnly? settledBy)
    {
        var invoices = signals.Invoices.Where(i => i.PaidOn is not { } paid || (paid > i.DueDate && !(paid <= settledBy))).ToArray();
        return invoices.Length > 0 ? invoices : null;
    }

    private static (Lazy<AccountMatcher>, IReadOnlyList<string>, IReadOnlyList<Person>, IReadOnlySet<string>) Directory(Account[] accounts) =>
    (
        new Lazy<AccountMatcher>(() => new AccountMatcher(accounts)),
        [.. accounts.Select(a => a.Segment).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
        [.. accounts.Select(a => a.Owner).DistinctBy(p => p.Email.ToLowerInvariant()).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)],
        accounts.Where(a => a.Manager is not null).Select(a => a.Manager!.Email).ToHashSet(StringComparer.OrdinalIgnoreCase)
    );

    /// <summary>
    /// Equal records, aliases compared item by item: the matcher hands out the account objects it was built from, so it
    /// may keep them only while they still say what the stored account says.
    /// </summary>
    private static bool SameRecord(Account before, Account after) =>
        before.Aliases.SequenceEqual(after.Aliases, StringComparer.Ordinal) && before with { Aliases = after.Aliases } == after;

    private sealed record ActiveAccounts(DateOnly Day, Account[] Accounts);

    /// <summary>An account packed, with its invoices that may be overdue worked out while its objects were at hand.</summary>
    private readonly record struct PackedEntry(PackedAccountSignals Signals, Invoice[]? MayBeOverdue);

    private readonly record struct MetricKey(MetricsCalculator Calculator, MetricKind Metric, DateRange Period, string? Segment, DateOnly Today);

    /// <summary>Look-ups worked out on first use: only the accounts API needs them.</summary>
    private sealed class Orders(Account[] accounts)
    {
        private readonly Lazy<Dictionary<string, int>> _byExternalId = new(() =>
        {
            var index = new Dictionary<string, int>(accounts.Length, StringComparer.Ordinal);
            for (var i = 0; i < accounts.Length; i++) index.TryAdd(accounts[i].ExternalId, i);
            return index;
        });

        private readonly Lazy<int[]> _byName = new(() =>
            [.. Enumerable.Range(0, accounts.Length)
                .OrderBy(i => accounts[i].Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(i => accounts[i].ExternalId, StringComparer.Ordinal)]);

        public Dictionary<string, int> ByExternalId => _byExternalId.Value;
        public int[] ByName => _byName.Value;
    }

    /// <summary>The signals by account id, through the shared positions, so a patch need not copy a dictionary; unpacked on every access.</summary>
    private sealed class SignalsById(Dictionary<string, int> positions, PackedAccountSignals[] signals) : IReadOnlyDictionary<string, AccountSignals>
    {
        public AccountSignals this[string key] => signals[positions[key]].Unpack();
        public IEnumerable<string> Keys => signals.Select(s => s.Account.Id);
        public IEnumerable<AccountSignals> Values => signals.Select(s => s.Unpack());
        public int Count => signals.Length;
        public bool ContainsKey(string key) => positions.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out AccountSignals value)
        {
            if (positions.TryGetValue(key, out var at))
            {
                value = signals[at].Unpack();
                return true;
            }
            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, AccountSignals>> GetEnumerator() =>
            signals.Select(s => KeyValuePair.Create(s.Account.Id, s.Unpack())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
