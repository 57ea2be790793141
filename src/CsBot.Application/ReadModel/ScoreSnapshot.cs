using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Every account's latest score and daily history, held in memory. Immutable; a write makes a patched copy. Histories are
/// held packed (<see cref="PackedScoreHistory"/>, a byte a day) and unpacked only for the one account an answer is about.
/// </summary>
public sealed record ScoreSnapshot(IReadOnlyDictionary<string, HealthScore> Latest, IReadOnlyDictionary<string, PackedScoreHistory> Histories)
{
    /// <summary>The change-log version of the scores this snapshot reflects.</summary>
    public long Version { get; internal set; }

    /// <summary>The pool the latest scores' breakdowns are shared through, kept for the scores patched in later.</summary>
    internal SharedBreakdowns Breakdowns { get; private init; } = new();

    /// <summary>
    /// The scores as a store returns them whole, held compactly: each history packed (the store's arrays are not kept)
    /// and the latest scores' breakdown lines shared between accounts (<see cref="SharedBreakdowns"/>).
    /// </summary>
    public static ScoreSnapshot Of(IReadOnlyDictionary<string, HealthScore> latest, IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        var breakdowns = new SharedBreakdowns();
        return new(breakdowns.Share(latest), PackedScoreHistory.All(histories)) { Breakdowns = breakdowns };
    }

    /// <summary>The account's daily scores, oldest first, as a new array; empty when it has none.</summary>
    public ScorePoint[] HistoryOf(string accountId) => PackedHistoryOf(accountId).ToArray();

    public PackedScoreHistory PackedHistoryOf(string accountId) => Histories.GetValueOrDefault(accountId) ?? PackedScoreHistory.Empty;

    /// <summary>
    /// This snapshot with the given accounts' latest scores and histories replaced by what the store holds now
    /// (<paramref name="latest"/> and <paramref name="histories"/> cover every changed account; an account missing from
    /// either has none any more). The new scores' breakdowns are shared with the ones held where equal.
    /// </summary>
    public ScoreSnapshot Patch(IReadOnlyCollection<string> accountIds, IReadOnlyDictionary<string, HealthScore> latest, IReadOnlyDictionary<string, PackedScoreHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(latest);
        if (accountIds.Count == 0) return this;
        var breakdowns = Breakdowns.RenewedFor(Latest.Count);
        var shared = breakdowns.Share(latest);
        return new ScoreSnapshot(
            LayeredMap<HealthScore>.Of(Latest).With(accountIds.Select(id => KeyValuePair.Create(id, shared.GetValueOrDefault(id)))),
            LayeredMap<PackedScoreHistory>.Of(Histories).With(accountIds.Select(id => KeyValuePair.Create(id, histories.TryGetValue(id, out var h) && !h.IsEmpty ? h : null))))
        { Breakdowns = breakdowns };
    }
}
