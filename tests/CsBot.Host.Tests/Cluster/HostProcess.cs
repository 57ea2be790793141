using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CsBot.Host.Tests.Cluster;

/// <summary>
/// The built CsBot host (<c>dotnet CsBot.dll</c>) as a child process on 127.0.0.1, configured only through environment
/// variables as an operator would, with its output kept line by line (one line per log entry). It can be killed
/// (SIGKILL: no shutdown code runs) or stopped (SIGTERM: CsBot's normal shutdown); disposing kills it if it still runs.
/// </summary>
public sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The address it listens on, once it has said so.</summary>
    public string? Url => Lines.Select(l => ListeningPattern().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bot (no <paramref name="command"/>) or a command such as <c>migrate</c>.</summary>
    public static HostProcess Start(string name, string folder, IReadOnlyDictionary<string, string> settings, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CsBot.dll"));
        foreach (var word in command) start.ArgumentList.Add(word);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        // One line per log entry, so a test reads each entry whole.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host._lines.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for a command to finish and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, mid-send or mid-run, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM and wait: CsBot's own shutdown (running jobs finish, the scheduler leaves the cluster).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Kill();
        }
    }

    /// <summary>Its output, for a failure message.</summary>
    public string Output(int lastLines = 80) =>
        $"--- {Name} ({(HasExited ? $"exited {_process.ExitCode}" : "running")}) ---\n" + string.Join('\n', Lines.TakeLast(lastLines));

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}
