using System.Diagnostics;

namespace CsBot.Host.Tests;

public sealed class DatabaseFileStartupTests
{
    [Fact]
    public async Task The_host_refuses_a_data_file_it_cannot_read_names_it_and_leaves_it_untouched()
    {
        var folder = Directory.CreateTempSubdirectory("csbot-damaged-").FullName;
        var database = Path.Combine(folder, "data", "csbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        File.WriteAllBytes(database, []);

        var (exitCode, stderr) = await RunHost(folder);

        Assert.Equal(2, exitCode);
        Assert.Contains(database, stderr);
        Assert.Contains("is empty (0 bytes)", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(0, new FileInfo(database).Length);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int ExitCode, string Stderr)> RunHost(string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CsBot.dll"));
        start.ArgumentList.Add("--LocalChat:ConsolePrompt=false");
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await stdout;
        return (process.ExitCode, stderr);
    }
}
