using System.Runtime;

namespace CsBot.Benchmarks;

/// <summary>
/// The collector this process runs with, as its runtimeconfig.json and DOTNET_ variables decided it: the evaluation's
/// CPU depends on it by a factor of two, and a variable does not always win over the runtimeconfig
/// (DOTNET_gcConcurrent=0 did not turn off System.GC.Concurrent=true; DOTNET_gcServer=1 did turn on server GC).
/// </summary>
internal static class GcMode
{
    public static string Describe()
    {
        var info = GC.GetGCMemoryInfo();
        var concurrent = AppContext.GetData("System.GC.Concurrent")?.ToString() ?? "unset";
        var variables = string.Join(", ", Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}"));
        // Latency mode Batch means no background collections; Interactive means concurrent (workstation or server).
        return $"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, latency {GCSettings.LatencyMode}, runtimeconfig concurrent {concurrent}, " +
               $"total available {info.TotalAvailableMemoryBytes / 1048576.0:0} MB{(variables.Length > 0 ? $", {variables}" : "")}";
    }
}
