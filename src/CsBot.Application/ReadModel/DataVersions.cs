namespace CsBot.Application.ReadModel;

/// <summary>
/// Change counters for the three kinds of stored data. Writers bump them (through the observed store wrappers);
/// <see cref="PortfolioView"/> compares them to know which cached part to rebuild.
/// </summary>
public sealed class DataVersions
{
    private long _portfolio;
    private long _scores;
    private long _alerts;

    public long Portfolio => Interlocked.Read(ref _portfolio);
    public long Scores => Interlocked.Read(ref _scores);
    public long Alerts => Interlocked.Read(ref _alerts);

    public void PortfolioChanged() => Interlocked.Increment(ref _portfolio);
    public void ScoresChanged() => Interlocked.Increment(ref _scores);
    public void AlertsChanged() => Interlocked.Increment(ref _alerts);
}
