namespace CsBot.Playground.Tests;

/// <summary>
/// Where the browser tests find Debian's chromium, and what happens without it. On a developer's machine that only
/// has the .NET SDK they are skipped, with the line that installs it; in CI (the CI variable set) a missing browser is
/// a broken machine, so they run and fail saying the same. CSBOT_CHROMIUM points at another build of chromium.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";
    public const string InstallHint = "apt-get install -y chromium";

    public static string Path => Environment.GetEnvironmentVariable("CSBOT_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Why the browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason() => SkipReason(File.Exists(Path), Environment.GetEnvironmentVariable("CI"));

    /// <summary>Null (run) when chromium is there or this is CI; otherwise the reason, naming the install line.</summary>
    public static string? SkipReason(bool installed, string? ci) =>
        installed || IsCi(ci) ? null : $"The playground browser tests need chromium at {Path}; install it with: {InstallHint}";

    /// <summary>Throws, naming the install line, when chromium is not at <paramref name="path"/>.</summary>
    public static void EnsureInstalled(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"The playground browser tests need chromium at {path}. Install it with: {InstallHint}");
    }

    // CI systems set CI=true (ours does in .ci/run's environment); "false" or "0" is someone switching it off by hand.
    private static bool IsCi(string? ci) => ci is { Length: > 0 } && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);
}
