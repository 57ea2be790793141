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
        var histories = new Dictionary<string, ScorePoint[]>(ids.Count, StringComparer.Ordinal);
        var readBack = new List<string>();
        foreach (var id in ids)
        {
            if (written.All(id) is not { } saves || !saves.All(s => s is HealthScore))
            {
                readBack.Add(id);
                continue;
            }
            var score = held.Latest.GetValueOrDefault(id);
            var history = held.HistoryOf(id);
            foreach (HealthScore saved in saves)
            {
                if (score is null || saved.AsOf >= score.AsOf) score = saved;
                history = With(history, new ScorePoint(saved.AsOf, saved.Score));
            }
            if (score is not null) latest[id] = score;
            histories[id] = history;
        }
        if (readBack.Count > 0)
        {
            foreach (var id in readBack)
                if (store.GetLatest(id) is { } score) latest[id] = score;
            foreach (var (id, history) in store.GetHistories(readBack)) histories[id] = history;
        }
        return held.Patch(ids, latest, histories);
    }

    /// <summary>The history (oldest first, one point a day) with <paramref name="point"/> as its day's point; the held array is not changed.</summary>
    public static ScorePoint[] With(ScorePoint[] history, ScorePoint point)
    {
        int lo = 0, hi = history.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (history[mid].Date < point.Date) lo = mid + 1;
            else hi = mid;
        }
        if (lo < history.Length && history[lo].Date == point.Date)
        {
            if (history[lo] == point) return history;
            var replaced = (ScorePoint[])history.Clone();
            replaced[lo] = point;
            return replaced;
        }
        var inserted = new ScorePoint[history.Length + 1];
        history.AsSpan(0, lo).CopyTo(inserted);
        inserted[lo] = point;
        history.AsSpan(lo).CopyTo(inserted.AsSpan(lo + 1));
        return inserted;
    }
}
