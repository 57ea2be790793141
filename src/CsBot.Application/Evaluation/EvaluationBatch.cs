using CsBot.Core.Alerts;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Evaluation;

/// <summary>
/// Accounts an evaluation reads, scores and saves together, with their score histories: enough accounts that a store
/// answers them in a few queries, few enough that a large portfolio never sits in memory whole.
/// </summary>
/// <param name="OpenAlerts">The open alerts of the batch's accounts, read with it, so each batch's alerts are reconciled as it is scored.</param>
internal sealed record EvaluationBatch(IReadOnlyList<AccountSignals> Accounts, IReadOnlyDictionary<string, ScorePoint[]> Histories, IReadOnlyList<Alert> OpenAlerts)
{
    /// <summary>
    /// Accounts per batch: a hundred keeps a batch's reads to a few range queries and, more to the point, what is read
    /// ahead small. At 100k accounts a run allocates about 4 GB; with batches of 1,000 read two ahead most collections
    /// found the batches in flight alive and promoted them (gen1 in nine collections of ten, and forty gen2), which cost
    /// more CPU than the reading itself. With 100 read one ahead, most collections stay in gen0.
    /// </summary>
    public const int Size = 100;

    public ScorePoint[] HistoryOf(string accountId) => Histories.TryGetValue(accountId, out var history) ? history : [];

    /// <summary>Cuts <paramref name="signals"/> into batches, reading each batch's histories and open alerts with one call each.</summary>
    public static IEnumerable<EvaluationBatch> Cut(
        IEnumerable<AccountSignals> signals,
        Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, ScorePoint[]>> historiesOf,
        Func<IReadOnlyCollection<string>, IReadOnlyList<Alert>> openAlertsOf,
        CancellationToken cancellationToken)
    {
        var batch = new List<AccountSignals>(Size);
        foreach (var account in signals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(account);
            if (batch.Count < Size) continue;
            yield return With(batch);
            batch = new List<AccountSignals>(Size);
        }
        if (batch.Count > 0) yield return With(batch);

        EvaluationBatch With(List<AccountSignals> accounts)
        {
            string[] ids = [.. accounts.Select(a => a.Account.Id)];
            return new(accounts, historiesOf(ids), openAlertsOf(ids));
        }
    }
}
