namespace CsBot.Benchmarks;

/// <summary>
/// The garbage collector's counters at one moment: the difference over a run says how much it allocated and how long
/// the collector paused it, which a run's CPU time includes but does not show apart.
/// </summary>
internal readonly record struct GcTally(long Allocated, TimeSpan Paused, int Gen0, int Gen1, int Gen2, int Threads)
{
    public static GcTally Now() => new(
        GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), ThreadPool.ThreadCount);

    public string Since(GcTally before) =>
        $"allocated {(Allocated - before.Allocated) / 1048576.0:N0} MB, GC paused {(Paused - before.Paused).TotalSeconds:0.000} s " +
        $"in {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} gen0/1/2 collections, {Threads} pool threads";
}
