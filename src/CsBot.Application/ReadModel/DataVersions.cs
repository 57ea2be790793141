namespace CsBot.Application.ReadModel;

/// <summary>
/// Change logs for the three kinds of stored data. Writers record which accounts they changed (through the observed
/// store wrappers, or a store that learns of another instance's writes); <see cref="PortfolioView"/> compares versions
/// to know which cached part is stale and patches only the accounts logged since.
/// </summary>
public sealed class DataVersions(int capacity = ChangeLog.DefaultCapacity)
{
    public ChangeLog PortfolioLog { get; } = new(capacity);
    public ChangeLog ScoresLog { get; } = new(capacity);
    public ChangeLog AlertsLog { get; } = new(capacity);

    private int _bulkRuns;

    /// <summary>
    /// True while bulk work writes (a full evaluation): the read model then answers from the copy it holds and patches
    /// it in the background as the writes pile up, instead of on every question after each of the run's small batches
    /// (each patch copies the list board's arrays: at 100k accounts a few megabytes, for every batch of 100 scores).
    /// A small write meanwhile (someone's acknowledgement) is still seen by the next question.
    /// </summary>
    public bool InBulkRun => Volatile.Read(ref _bulkRuns) > 0;

    /// <summary>Raised when the last bulk run ends, so readers catch up with what it wrote.</summary>
    public event Action? BulkRunEnded;

    /// <summary>Marks bulk work until the result is disposed (runs may overlap).</summary>
    public IDisposable BulkRun()
    {
        Interlocked.Increment(ref _bulkRuns);
        return new BulkRunScope(this);
    }

    private sealed class BulkRunScope(DataVersions versions) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 1) return;
            if (Interlocked.Decrement(ref versions._bulkRuns) == 0) versions.BulkRunEnded?.Invoke();
        }
    }

    /// <summary>
    /// True when other processes write the same store (PostgreSQL shared by several CsBots): their writes reach these
    /// logs only when polled, so a copy as new as the logs may still miss some. False for a store only this process
    /// writes (the LiteDB file), whose every write is logged as it is made.
    /// </summary>
    public bool SharedStore { get; init; }

    public long Portfolio => PortfolioLog.Version;
    public long Scores => ScoresLog.Version;
    public long Alerts => AlertsLog.Version;

    /// <summary>Something in the portfolio changed, without saying what: readers rebuild.</summary>
    public void PortfolioChanged() => PortfolioLog.Record(null);
    public void ScoresChanged() => ScoresLog.Record(null);
    public void AlertsChanged() => AlertsLog.Record(null);

    /// <summary>These accounts' records or signals were written.</summary>
    public void PortfolioChanged(IEnumerable<string> accountIds) => PortfolioLog.Record(accountIds ?? throw new ArgumentNullException(nameof(accountIds)));

    /// <summary>
    /// These accounts were saved as given: a portfolio save replaces an account's record and signals whole, so what was
    /// saved is what a read would return, and the read model takes it without reading it back. It is logged packed
    /// (<see cref="Core.Signals.PackedAccountSignals"/>), as the read model holds it, so the log's up to 20,000 accounts
    /// do not hold a second copy of their signals as objects.
    /// </summary>
    public void PortfolioSaved(IReadOnlyCollection<Core.Signals.AccountSignals> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var written = new Dictionary<string, object>(saved.Count, StringComparer.Ordinal);
        foreach (var entry in saved) written[entry.Account.Id] = Core.Signals.PackedAccountSignals.Of(entry);
        PortfolioLog.Record(written.Keys, written);
    }
    /// <summary>
    /// These scores were saved and at least one was written. A save makes each its account's latest score (the last
    /// one given for an account wins), so the read model takes them as they are; their history points are read back.
    /// </summary>
    public void ScoresSaved(IReadOnlyCollection<Core.Scoring.HealthScore> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var written = new Dictionary<string, object>(saved.Count, StringComparer.Ordinal);
        foreach (var score in saved) written[score.AccountId] = score;
        ScoresLog.Record(written.Keys, written);
    }

    /// <summary>These accounts' latest scores or histories were written.</summary>
    public void ScoresChanged(IEnumerable<string> accountIds) => ScoresLog.Record(accountIds ?? throw new ArgumentNullException(nameof(accountIds)));
    /// <summary>Alerts on these accounts were written.</summary>
    public void AlertsChanged(IEnumerable<string> accountIds) => AlertsLog.Record(accountIds ?? throw new ArgumentNullException(nameof(accountIds)));

    /// <summary>
    /// These alerts were stored as given (an upsert replaces an alert whole, by id): logged per account, in the order
    /// given, so the read model applies them over the open alerts it holds instead of reading the accounts back.
    /// </summary>
    public void AlertsUpserted(IReadOnlyCollection<Core.Alerts.Alert> upserted)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        var written = upserted.GroupBy(a => a.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (object)g.ToArray(), StringComparer.Ordinal);
        AlertsLog.Record(written.Keys, written);
    }
}
