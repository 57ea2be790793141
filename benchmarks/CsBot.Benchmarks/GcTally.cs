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
        $"in {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} gen0/1/2 collections, {Threads} pool threads{Ephemeral()}";

    /// <summary>What the last young collection kept: when most of each is promoted, the collector copies the same data again and again.</summary>
    private static string Ephemeral()
    {
        var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        return last.Index == 0 ? "" : $", last young collection (gen{last.Generation}) promoted {last.PromotedBytes / 1048576.0:0.0} MB, gen0 after {last.GenerationInfo[0].SizeAfterBytes / 1048576.0:0.0} MB, gen1 after {last.GenerationInfo[1].SizeAfterBytes / 1048576.0:0.0} MB, heap {last.HeapSizeBytes / 1048576.0:0} MB";
    }
}
