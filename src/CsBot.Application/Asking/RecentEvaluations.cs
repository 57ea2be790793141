using CsBot.Application.ReadModel;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>
/// The score and rule hits a "why" answer worked out for an account, kept for the next ask of the same account while
/// its signals, its score history and the day are the same objects and day: a "why" unpacks the account's signals and
/// rescores them (some 0.06-0.10 ms and 41 KB at 100k accounts, several times a health card), and the same account is
/// asked again (a follow-up "how come?", a team looking at the same at-risk account before a call).
/// </summary>
/// <remarks>
/// The read model replaces an account's packed signals and its history with new objects on every write that changes
/// them, so comparing references is exact: nothing stale is ever served. A fixed number of slots, by account id, so
/// what is kept stays small (at most <see cref="Slots"/> accounts' scores) whatever is asked.
/// </remarks>
public sealed class RecentEvaluations
{
    internal const int Slots = 1024;

    private readonly Entry?[] _slots = new Entry?[Slots];
    private long _evaluated;

    /// <summary>How many evaluations were worked out (not taken from a slot), since start.</summary>
    public long Evaluated => Interlocked.Read(ref _evaluated);

    /// <summary>The account's score and hits for <paramref name="day"/>, worked out by <paramref name="evaluate"/> unless kept for the same signals and history.</summary>
    public (HealthScore Score, IReadOnlyList<RuleHit> Hits) For(
        PackedAccountSignals signals, PackedScoreHistory history, DateOnly day, Func<(HealthScore Score, IReadOnlyList<RuleHit> Hits)> evaluate)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(evaluate);
        var slot = (int)((uint)StringComparer.Ordinal.GetHashCode(signals.Account.Id) % Slots);
        if (Volatile.Read(ref _slots[slot]) is { } kept && ReferenceEquals(kept.Signals, signals) && ReferenceEquals(kept.History, history) && kept.Day == day)
            return (kept.Score, kept.Hits);
        var (score, hits) = evaluate();
        Interlocked.Increment(ref _evaluated);
        Volatile.Write(ref _slots[slot], new Entry(signals, history, day, score, hits));
        return (score, hits);
    }

    private sealed record Entry(PackedAccountSignals Signals, PackedScoreHistory History, DateOnly Day, HealthScore Score, IReadOnlyList<RuleHit> Hits);
}
