using CsBot.Core.Accounts;
using CsBot.Core.Scoring;

namespace CsBot.Application.Digest;

/// <summary>
/// The accounts a digest covers (active today, in its segment) with their scores now and in the past, and the currency
/// of their money. Each account's latest score and history are looked up once, into arrays aligned with
/// <see cref="Accounts"/>, and its score on each of the digest's weeks worked out once (<see cref="WeekScore"/>): the
/// sections and charts all read those, so a digest over 100k accounts walks arrays instead of looking every account up
/// again per week and per section.
/// </summary>
internal sealed class DigestScope
{
    /// <summary>A past score counts for a day when it was taken within this many days before it, so a missed day or two does not drop an account.</summary>
    private const int PastScoreToleranceDays = 6;

    /// <summary>In <see cref="WeekScore"/>: no score for that week.</summary>
    public const int NoScore = -1;

    private readonly Account[] _accounts;
    private readonly HealthScore?[] _latest;
    private readonly ScorePoint[][] _histories;
    private readonly Lazy<int[]> _weekScores;

    public DigestScope(DigestData data, string currency)
    {
        Data = data;
        Currency = currency;
        // As MetricsCalculator.InSegment: a blank segment is every account, a segment compares trimmed and without case.
        var segment = string.IsNullOrWhiteSpace(data.Segment) ? null : data.Segment.Trim();
        var inScope = new List<Account>(data.Portfolio.Count);
        // The snapshot's records when there is one: walking its signals would unpack every account.
        foreach (var account in data.Snapshot?.Accounts ?? data.Portfolio.Select(s => s.Account))
        {
            if (segment is not null && !string.Equals(account.Segment, segment, StringComparison.OrdinalIgnoreCase)) continue;
            if (account.IsActiveOn(data.Today)) inScope.Add(account);
        }
        _accounts = [.. inScope];
        _latest = new HealthScore?[_accounts.Length];
        _histories = new ScorePoint[_accounts.Length][];
        for (var i = 0; i < _accounts.Length; i++)
        {
            var id = _accounts[i].Id;
            _latest[i] = data.Scores.GetValueOrDefault(id);
            _histories[i] = data.Histories.TryGetValue(id, out var history) ? history : [];
        }
        Weeks = [.. Enumerable.Range(0, DigestBuilder.SparklineWeeks).Select(i => data.Today.AddDays(-7 * (DigestBuilder.SparklineWeeks - 1 - i)))];
        _weekScores = new Lazy<int[]>(ScoreWeeks);
    }

    public DigestData Data { get; }

    public string Currency { get; }

    /// <summary>The accounts covered, in portfolio order; the other per-account look-ups take a position in this.</summary>
    public IReadOnlyList<Account> Accounts => _accounts;

    /// <summary>The digest's weeks, oldest first: the last is today, the one before it a week ago.</summary>
    public IReadOnlyList<DateOnly> Weeks { get; }

    /// <summary>Index in <see cref="Weeks"/> of the day a week ago.</summary>
    public int WeekAgo => Weeks.Count - 2;

    public HealthScore? Latest(int at) => _latest[at];

    public HealthScore? Latest(Account account) => Data.Scores.GetValueOrDefault(account.Id);

    /// <summary>The account's score on <see cref="Weeks"/>[<paramref name="week"/>] (see <see cref="ScoreOn"/>), or <see cref="NoScore"/>.</summary>
    public int WeekScore(int at, int week) => _weekScores.Value[at * Weeks.Count + week];

    /// <summary>The account's score on <paramref name="day"/>: today's latest score, or the history point on or shortly before that day.</summary>
    public int? ScoreOn(int at, DateOnly day)
    {
        if (day >= Data.Today) return _latest[at]?.Score;
        var history = _histories[at];
        // History is oldest first, one point a day: the last point on or before the day.
        int lo = 0, hi = history.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (history[mid].Date <= day) lo = mid + 1;
            else hi = mid;
        }
        if (lo == 0) return null;
        var point = history[lo - 1];
        return point.Date.DayNumber >= day.DayNumber - PastScoreToleranceDays ? point.Score : null;
    }

    private int[] ScoreWeeks()
    {
        var weeks = Weeks.Count;
        var scores = new int[_accounts.Length * weeks];
        for (var at = 0; at < _accounts.Length; at++)
            for (var week = 0; week < weeks; week++)
                scores[at * weeks + week] = ScoreOn(at, Weeks[week]) ?? NoScore;
        return scores;
    }
}
