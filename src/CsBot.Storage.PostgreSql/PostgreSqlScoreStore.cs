using CsBot.Core.Ports;
using CsBot.Core.Scoring;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Latest score per account in "scores_latest" (with its breakdown as JSON) and the daily history in
/// "score_history", one row per account and day, at most <see cref="MaxDays"/> days back from the newest.
/// </summary>
public sealed class PostgreSqlScoreStore(PostgreSqlDatabase database) : IScoreStore
{
    /// <summary>Days of history kept per account, counted back from its newest point (the same as LiteDB keeps).</summary>
    public const int MaxDays = 400;

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>
    /// In one transaction, puts each score into its account's history (replacing the point of the same day) and makes
    /// it the latest score unless the stored one is of a later day. Rows equal to what is stored are not written (the
    /// upserts' WHERE clauses), so an hourly run that rescored accounts to what they had writes nothing, and the rows
    /// the statements return are what changed. Within one call, the same account's later score wins, as if the
    /// scores had been saved one after another.
    /// </summary>
    public int SaveScores(IReadOnlyCollection<HealthScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) return 0;

        var latest = new Dictionary<string, HealthScore>(StringComparer.Ordinal);
        var points = new Dictionary<(string Account, DateOnly Day), int>();
        foreach (var score in scores)
        {
            if (score is null) throw new ArgumentException("Scores must not contain null.", nameof(scores));
            if (string.IsNullOrEmpty(score.AccountId)) throw new ArgumentException("Every score needs an account id.", nameof(scores));
            if (!latest.TryGetValue(score.AccountId, out var earlier) || score.AsOf >= earlier.AsOf) latest[score.AccountId] = score;
            points[(score.AccountId, score.AsOf)] = score.Score;
        }

        var latestIds = latest.Keys.ToArray();
        var latestDays = latest.Values.Select(s => s.AsOf).ToArray();
        var latestScores = latest.Values.Select(s => s.Score).ToArray();
        var latestJson = latest.Values.Select(StoredJson.Write).ToArray();
        var pointIds = points.Keys.Select(k => k.Account).ToArray();
        var pointDays = points.Keys.Select(k => k.Day).ToArray();
        var pointScores = points.Values.ToArray();

        return _database.InTransaction((c, t) =>
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            changed.UnionWith(Sql.Rows(c, t, """
                INSERT INTO scores_latest AS s (account_id, as_of, score, score_json)
                SELECT * FROM unnest(@ids, @days, @scores, @json)
                ON CONFLICT (account_id) DO UPDATE SET as_of = excluded.as_of, score = excluded.score, score_json = excluded.score_json
                WHERE s.as_of <= excluded.as_of AND s.score_json <> excluded.score_json
                RETURNING account_id
                """, r => r.GetString(0), ("ids", latestIds), ("days", latestDays), ("scores", latestScores), ("json", latestJson)));
            var newPoints = Sql.Rows(c, t, """
                INSERT INTO score_history AS h (account_id, day, score)
                SELECT * FROM unnest(@ids, @days, @scores)
                ON CONFLICT (account_id, day) DO UPDATE SET score = excluded.score
                WHERE h.score <> excluded.score
                RETURNING account_id
                """, r => r.GetString(0), ("ids", pointIds), ("days", pointDays), ("scores", pointScores));
            if (newPoints.Count > 0) Trim(c, t, [.. newPoints.Distinct(StringComparer.Ordinal)]);
            changed.UnionWith(newPoints);
            DataChangeRecorder.Record(c, t, _database.InstanceId, DataChangeKind.Scores, changed);
            return changed.Count;
        });
    }

    /// <summary>
    /// Replaces whole histories in one transaction. Each is stored sorted by day, one point per day (the last given
    /// wins) and trimmed to <see cref="MaxDays"/> days; an empty history removes the account's history.
    /// </summary>
    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.Count == 0) return;

        var ids = new List<string>();
        var days = new List<DateOnly>();
        var values = new List<int>();
        foreach (var (accountId, given) in histories)
        {
            if (string.IsNullOrEmpty(accountId)) throw new ArgumentException("Every history needs an account id.", nameof(histories));
            foreach (var point in Normalize(given ?? []))
            {
                ids.Add(accountId);
                days.Add(point.Date);
                values.Add(point.Score);
            }
        }
        _database.InTransaction((c, t) =>
        {
            Sql.Execute(c, t, "DELETE FROM score_history WHERE account_id = ANY(@ids)", ("ids", histories.Keys.ToArray()));
            if (ids.Count > 0)
                Sql.Execute(c, t, "INSERT INTO score_history (account_id, day, score) SELECT * FROM unnest(@ids, @days, @scores)",
                    ("ids", ids.ToArray()), ("days", days.ToArray()), ("scores", values.ToArray()));
            DataChangeRecorder.Record(c, t, _database.InstanceId, DataChangeKind.Scores, histories.Keys);
        });
    }

    public HealthScore? GetLatest(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.With(c => Sql.Scalar(c, null, "SELECT score_json FROM scores_latest WHERE account_id = @id", ("id", accountId))) is string json
            ? StoredJson.Read<HealthScore>(json)
            : null;
    }

    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() =>
        _database.With(c => Sql.Rows(c, null, "SELECT account_id, score_json FROM scores_latest", r => (Id: r.GetString(0), Json: r.Utf8(1))))
            .ToDictionary(r => r.Id, r => StoredJson.Read<HealthScore>(r.Json), StringComparer.Ordinal);

    public ScorePoint[] GetHistory(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return [.. _database.With(c => Sql.Rows(c, null, "SELECT day, score FROM score_history WHERE account_id = @id ORDER BY day",
            r => new ScorePoint(r.GetFieldValue<DateOnly>(0), r.GetInt32(1)), ("id", accountId)))];
    }

    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0) return new Dictionary<string, ScorePoint[]>(StringComparer.Ordinal);
        return Histories("WHERE account_id = ANY(@ids)", ("ids", accountIds.Distinct(StringComparer.Ordinal).ToArray()));
    }

    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => Histories("");

    /// <summary>
    /// The histories as one row per account (its days and scores as two arrays, in day order) rather than a row per
    /// point: an evaluation reads 90 or more points per account, and per-row overhead on both ends was most of the cost.
    /// </summary>
    private Dictionary<string, ScorePoint[]> Histories(string where, params (string, object?)[] parameters)
    {
        var histories = new Dictionary<string, ScorePoint[]>(StringComparer.Ordinal);
        _database.With(c => Sql.Rows(c, null, $"SELECT account_id, array_agg(day ORDER BY day), array_agg(score ORDER BY day) FROM score_history {where} GROUP BY account_id",
            r =>
            {
                var days = r.GetFieldValue<DateOnly[]>(1);
                var values = r.GetFieldValue<int[]>(2);
                var points = new ScorePoint[days.Length];
                for (var i = 0; i < points.Length; i++) points[i] = new ScorePoint(days[i], values[i]);
                histories[r.GetString(0)] = points;
                return 0;
            }, parameters));
        return histories;
    }

    /// <summary>Drops the points more than <see cref="MaxDays"/> days before each given account's newest.</summary>
    private static void Trim(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, string[] accountIds) =>
        Sql.Execute(connection, transaction, $"""
            DELETE FROM score_history h
            USING (SELECT account_id, max(day) AS newest FROM score_history WHERE account_id = ANY(@ids) GROUP BY account_id) n
            WHERE h.account_id = n.account_id AND h.day <= n.newest - {MaxDays}
            """, ("ids", accountIds));

    /// <summary>Sorted by day, the last point given for a day kept, days more than <see cref="MaxDays"/> before the newest dropped.</summary>
    internal static ScorePoint[] Normalize(IEnumerable<ScorePoint> points)
    {
        var byDay = new SortedDictionary<DateOnly, int>();
        foreach (var point in points) byDay[point.Date] = point.Score;
        if (byDay.Count == 0) return [];
        var oldestKept = byDay.Keys.Last().DayNumber - MaxDays + 1;
        return [.. byDay.Where(p => p.Key.DayNumber >= oldestKept).Select(p => new ScorePoint(p.Key, p.Value))];
    }
}
