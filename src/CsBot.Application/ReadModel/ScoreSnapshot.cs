using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>Every account's latest score and daily history, held in memory. Immutable; a write makes a patched copy.</summary>
public sealed record ScoreSnapshot(IReadOnlyDictionary<string, HealthScore> Latest, IReadOnlyDictionary<string, ScorePoint[]> Histories)
{
    /// <summary>The change-log version of the scores this snapshot reflects.</summary>
    public long Version { get; internal set; }

    public ScorePoint[] HistoryOf(string accountId) => Histories.TryGetValue(accountId, out var h) ? h : [];

    /// <summary>
    /// This snapshot with the given accounts' latest scores and histories replaced by what the store holds now
    /// (<paramref name="latest"/> and <paramref name="histories"/> cover every changed account; an account missing from
    /// either has none any more).
    /// </summary>
    public ScoreSnapshot Patch(IReadOnlyCollection<string> accountIds, IReadOnlyDictionary<string, HealthScore> latest, IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0) return this;
        return new ScoreSnapshot(
            LayeredMap<HealthScore>.Of(Latest).With(accountIds.Select(id => KeyValuePair.Create(id, latest.GetValueOrDefault(id)))),
            LayeredMap<ScorePoint[]>.Of(Histories).With(accountIds.Select(id => KeyValuePair.Create(id, histories.GetValueOrDefault(id)))));
    }
}
