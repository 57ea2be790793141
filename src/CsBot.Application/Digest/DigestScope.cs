using CsBot.Application.ReadModel;
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
    private readonly PackedScoreHistory[] _histories;
    private readonly Lazy<int[]> _weekScores;

    public DigestScope(DigestData data, string currency)
    {
        Data = data;
        Currency = currency;
        // As MetricsCalculator.InSegment: a blank segment is every account, a segment compares trimmed and without case.
        var segment = string.IsNullOrWhiteSpace(data.Segment) ? null : data.Segment.Trim();
        Weeks = [.. Enumerable.Range(0, DigestBuilder.SparklineWeeks).Select(i => data.Today.AddDays(-7 * (DigestBuilder.SparklineWeeks - 1 - i)))];
        _weekScores = new Lazy<int[]>(ScoreWeeks);
        if (data.Board is { } board && board.Day == data.Today)
        {
            (_accounts, _latest, _histories) = FromBoard(board, data.Scores, segment);
            return;
        }
        var inScope = new List<Account>(data.Portfolio.Count);
        // The snapshot's records when there is one: walking its signals would unpack every account.
        foreach (var account in data.Snapshot?.Accounts ?? data.Portfolio.Select(s => s.Account))
        {
            if (segment is not null && !string.Equals(account.Segment, segment, StringComparison.OrdinalIgnoreCase)) continue;
            if (account.IsActiveOn(data.Today)) inScope.Add(account);
        }
        _accounts = [.. inScope];
        _latest = new HealthScore?[_accounts.Length];
        _histories = new PackedScoreHistory[_accounts.Length];
        for (var i = 0; i < _accounts.Length; i++)
        {
            var id = _accounts[i].Id;
            _latest[i] = data.Scores.GetValueOrDefault(id);
            _histories[i] = data.Histories.TryGetValue(id, out var history) ? history : PackedScoreHistory.Empty;
        }
    }

    /// <summary>
    /// The board's accounts in the segment with their latest scores and histories, by position: the board holds the
    /// accounts active on its day in portfolio order, as the look-up above selects them. An account the board has no
    /// score for takes the one the digest was given (scored for the digest).
    /// </summary>
    private static (Account[], HealthScore?[], PackedScoreHistory[]) FromBoard(DayBoard board, IReadOnlyDictionary<string, HealthScore> scores, string? segment)
    {
        var positions = new List<int>(board.Accounts.Length);
        for (var at = 0; at < board.Accounts.Length; at++)
            if (segment is null || string.Equals(board.Accounts[at].Segment, segment, StringComparison.OrdinalIgnoreCase)) positions.Add(at);
        var accounts = new Account[positions.Count];
        var latest = new HealthScore?[positions.Count];
        var histories = new PackedScoreHistory[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            var at = positions[i];
            accounts[i] = board.Accounts[at];
            latest[i] = board.LatestScores[at] ?? scores.GetValueOrDefault(accounts[i].Id);
            histories[i] = board.Histories[at];
        }
        return (accounts, latest, histories);
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
        return _histories[at].ScoreNear(day, PastScoreToleranceDays);
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
