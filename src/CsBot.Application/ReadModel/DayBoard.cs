using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.ReadModel;

/// <summary>
/// What list answers need of every account active on one day, in portfolio order, worked out once per
/// (portfolio, scores, open alerts, day) and patched for the accounts a write changes: latest score and band, worst open alert, ARR, open overdue invoices.
/// A list answer walks the compact <see cref="Entries"/> instead of looking every account up by id; the other
/// arrays, aligned with it, are read only for the rows that match.
/// </summary>
public sealed partial class DayBoard
{
    /// <summary>In <see cref="StartScores"/>: the account has no score history.</summary>
    public const int NoStart = int.MinValue;

    private static readonly Invoice[] NoInvoices = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _positions;
    private readonly Dictionary<Person, int> _people;
    private readonly Dictionary<string, int> _segments;
    private (DateOnly From, int[] Starts)[] _starts = [];

    public DayBoard(PortfolioSnapshot portfolio, ScoreSnapshot scores, AlertSnapshot alerts, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        Portfolio = portfolio;
        Scores = scores;
        Alerts = alerts;
        Day = day;
        var active = portfolio.ActiveOn(day);
        var count = active.Count;
        Entries = new BoardEntry[count];
        Accounts = new Account[count];
        LatestScores = new HealthScore?[count];
        OpenAlerts = new IReadOnlyList<Alert>[count];
        Histories = new PackedScoreHistory[count];
        OpenOverdue = new Invoice[count][];
        _positions = new Dictionary<string, int>(count, StringComparer.Ordinal);
        _people = [];
        var owners = new List<Person>();
        _segments = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < portfolio.Segments.Count; i++) _segments.TryAdd(portfolio.Segments[i], i);

        for (var i = 0; i < count; i++)
        {
            var account = active[i];
            if (!_people.ContainsKey(account.Owner))
            {
                _people.Add(account.Owner, owners.Count);
                owners.Add(account.Owner);
            }
            _positions.Add(account.Id, i);
            Fill(i, account);
        }
        Owners = [.. owners];
    }

    private DayBoard(DayBoard before, PortfolioSnapshot portfolio, ScoreSnapshot scores, AlertSnapshot alerts)
    {
        Portfolio = portfolio;
        Scores = scores;
        Alerts = alerts;
        Day = before.Day;
        Entries = (BoardEntry[])before.Entries.Clone();
        Accounts = (Account[])before.Accounts.Clone();
        LatestScores = (HealthScore?[])before.LatestScores.Clone();
        OpenAlerts = (IReadOnlyList<Alert>[])before.OpenAlerts.Clone();
        Histories = (PackedScoreHistory[])before.Histories.Clone();
        OpenOverdue = (Invoice[][])before.OpenOverdue.Clone();
        Owners = before.Owners;
        _positions = before._positions;
        _people = before._people;
        _segments = before._segments;
    }

    /// <summary>
    /// This board for the newer snapshots given, with the entries of <paramref name="changed"/> accounts worked out again
    /// and every other entry kept (and the remembered start scores and rule hits with them); null when a whole build is
    /// needed instead: an account joined or left the day's active accounts, a new owner or segment appeared, or so many
    /// accounts changed that building afresh costs less.
    /// </summary>
    public DayBoard? Patch(PortfolioSnapshot portfolio, ScoreSnapshot scores, AlertSnapshot alerts, IReadOnlySet<string> changed)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count > Math.Max(64, Entries.Length / 4)) return null;
        if (!ReferenceEquals(portfolio.Segments, Portfolio.Segments) && !portfolio.Segments.SequenceEqual(Portfolio.Segments, StringComparer.OrdinalIgnoreCase)) return null;
        var positions = new List<(int At, Account Account)>(changed.Count);
        foreach (var id in changed)
        {
            var account = portfolio.AccountOf(id);
            var isOn = account is not null && account.IsActiveOn(Day);
            if (!_positions.TryGetValue(id, out var at)) { if (isOn) return null; continue; }
            if (!isOn || !_people.ContainsKey(account!.Owner)) return null;
            positions.Add((at, account));
        }

        var patched = new DayBoard(this, portfolio, scores, alerts);
        foreach (var (at, account) in positions) patched.Fill(at, account);
        var ats = positions.Select(p => p.At).ToArray();
        patched.CarryStartScores(this, ats);
        patched.CarryRuleHits(this, ats);
        return patched;
    }

    private void Fill(int i, Account account)
    {
        var score = Scores.Latest.GetValueOrDefault(account.Id);
        var open = Alerts.ForAccount(account.Id);
        var worst = -1;
        foreach (var alert in open) worst = Math.Max(worst, (int)alert.Severity);
        var overdue = OpenOverdueOn(Portfolio.InvoicesMayBeOverdue(account.Id), Day);

        Accounts[i] = account;
        LatestScores[i] = score;
        OpenAlerts[i] = open;
        Histories[i] = Scores.PackedHistoryOf(account.Id);
        OpenOverdue[i] = overdue;
        Entries[i] = new BoardEntry(_people[account.Owner], _segments.GetValueOrDefault(account.Segment, -1), score?.Score ?? -1,
            score is null ? -1 : (int)score.Band, worst, open.Count, overdue.Length, account.NextRenewalOn(Day)?.DayNumber ?? -1, account.Arr);
    }

    private void CarryStartScores(DayBoard before, int[] changed)
    {
        var carried = new List<(DateOnly, int[])>();
        foreach (var (from, starts) in Volatile.Read(ref before._starts))
        {
            var copy = (int[])starts.Clone();
            foreach (var i in changed) copy[i] = StartScore(Histories[i], from) ?? NoStart;
            carried.Add((from, copy));
        }
        _starts = [.. carried];
    }

    public PortfolioSnapshot Portfolio { get; }
    public ScoreSnapshot Scores { get; }
    public AlertSnapshot Alerts { get; }
    public DateOnly Day { get; }

    /// <summary>One compact entry per active account, in portfolio order.</summary>
    public BoardEntry[] Entries { get; }

    /// <summary>The distinct owners of the active accounts; <see cref="BoardEntry.Owner"/> indexes this.</summary>
    public Person[] Owners { get; }

    public Account[] Accounts { get; }
    public HealthScore?[] LatestScores { get; }
    public IReadOnlyList<Alert>[] OpenAlerts { get; }
    /// <summary>Each account's score history as the score snapshot holds it (packed; see <see cref="PackedScoreHistory"/>).</summary>
    public PackedScoreHistory[] Histories { get; }

    /// <summary>The account's invoices open and overdue on <see cref="Day"/>, in stored order.</summary>
    public Invoice[][] OpenOverdue { get; }

    /// <summary>
    /// Each account's score at the start of a period (see <see cref="StartScore"/>), <see cref="NoStart"/> when it has no history;
    /// the last few start dates asked are remembered.
    /// </summary>
    public int[] StartScores(DateOnly from)
    {
        foreach (var (f, s) in Volatile.Read(ref _starts))
            if (f == from) return s;
        lock (_gate)
        {
            foreach (var (f, s) in _starts)
                if (f == from) return s;
            var starts = new int[Histories.Length];
            for (var i = 0; i < starts.Length; i++) starts[i] = StartScore(Histories[i], from) ?? NoStart;
            Volatile.Write(ref _starts, [(from, starts), .. _starts.Take(3)]);
            return starts;
        }
    }

    /// <summary>The latest score on or before <paramref name="from"/>, else the first one after it (history is oldest first).</summary>
    public static int? StartScore(PackedScoreHistory history, DateOnly from) => history.ScoreOnOrFirstAfter(from);

    private static Invoice[] OpenOverdueOn(IReadOnlyList<Invoice> invoices, DateOnly day)
    {
        if (invoices.Count == 0) return NoInvoices;
        var open = invoices.Where(i => i.IsOpenOverdue(day)).ToArray();
        return open.Length == 0 ? NoInvoices : open;
    }
}

/// <summary>
/// One active account on a <see cref="DayBoard"/>: indexes of its owner and segment, latest score and band (-1 when
/// not scored), worst open-alert severity (-1 when none), open-alert and open-overdue-invoice counts, renewal date as a
/// day number (-1 when none), ARR.
/// </summary>
public readonly record struct BoardEntry(int Owner, int Segment, int Score, int Band, int Worst, int AlertCount, int OverdueCount, int Renewal, decimal Arr);
