namespace CsBot.Scheduling.Cluster;

/// <summary>
/// The evaluation slots this instance finished lately. In a cluster an instance that stalls past its check-in window
/// (a long pause on a loaded machine) is taken for dead while it still runs, and the run it had fired is recovered:
/// when that recovery comes back to the same instance after it finished the slot, the slot is not evaluated again.
/// </summary>
public sealed class FinishedEvaluationSlots
{
    /// <summary>Enough for a day of hourly slots; a recovery comes seconds to minutes after the run it repeats.</summary>
    private const int Kept = 48;

    private readonly Lock _gate = new();
    private readonly Queue<long> _order = new();
    private readonly HashSet<long> _finished = [];

    public void Add(DateTimeOffset slot)
    {
        lock (_gate)
        {
            if (!_finished.Add(SecondOf(slot))) return;
            _order.Enqueue(SecondOf(slot));
            if (_order.Count > Kept) _finished.Remove(_order.Dequeue());
        }
    }

    public bool Contains(DateTimeOffset slot)
    {
        lock (_gate) return _finished.Contains(SecondOf(slot));
    }

    // A recovered run knows its slot only to the second (Quartz keeps the original time as text).
    private static long SecondOf(DateTimeOffset slot) => slot.UtcTicks / TimeSpan.TicksPerSecond;
}
