using CsBot.Core.Ports;
using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Patches the held scores with what score saves logged, as <see cref="IScoreStore.SaveScores"/> stores them: each
/// saved score becomes its account's latest unless a later day's is held, and that day's point in its history
/// (replacing a point of the same day). Only accounts with a write that did not say what it stored (histories
/// replaced whole, another instance's writes) are read back, so the first question after an ingestion batch's
/// rescoring reads nothing.
/// </summary>
/// <remarks>
/// The stores keep 400 days of history; a history patched here keeps its older points until the next whole read,
/// which no answer reaches back to.
/// </remarks>
internal static class SavedScores
{
    public static ScoreSnapshot Patch(ScoreSnapshot held, IScoreStore store, IReadOnlySet<string> ids, LoggedWrites written)
    {
        var latest = new Dictionary<string, HealthScore>(ids.Count, StringComparer.Ordinal);
        var histories = new Dictionary<string, PackedScoreHistory>(ids.Count, StringComparer.Ordinal);
        var readBack = new List<string>();
        foreach (var id in ids)
        {
            if (written.All(id) is not { } saves || !saves.All(s => s is HealthScore))
            {
                readBack.Add(id);
                continue;
            }
            var score = held.Latest.GetValueOrDefault(id);
            var history = held.PackedHistoryOf(id);
            foreach (HealthScore saved in saves)
            {
                if (score is null || saved.AsOf >= score.AsOf) score = saved;
                history = history.With(new ScorePoint(saved.AsOf, saved.Score));
            }
            if (score is not null) latest[id] = score;
            histories[id] = history;
        }
        if (readBack.Count > 0)
        {
            foreach (var id in readBack)
                if (store.GetLatest(id) is { } score) latest[id] = score;
            foreach (var (id, history) in store.GetHistories(readBack)) histories[id] = PackedScoreHistory.Of(history);
        }
        return held.Patch(ids, latest, histories);
    }
}
