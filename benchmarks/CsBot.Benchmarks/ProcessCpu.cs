using System.Globalization;

namespace CsBot.Benchmarks;

/// <summary>A process's CPU time (user + system, all threads) from /proc, so a child's work can be told from the client's.</summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of /proc/PID/stat's times on Linux (100 on every mainstream kernel build).
    private const double TicksPerSecond = 100;

    /// <summary>The CPU time <paramref name="pid"/> has used so far; zero where /proc is not available.</summary>
    public static TimeSpan Of(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path)) return TimeSpan.Zero;
        var stat = File.ReadAllText(path);
        // The command name in parentheses may hold spaces: fields are counted after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
