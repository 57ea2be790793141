using System.Diagnostics;

namespace CsBot.Host.Tests;

/// <summary>The <c>digest preview</c> command: prints the digest and exits, with no web host.</summary>
public class DigestCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("csbot-digest-cli-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CsBot.dll") }.Concat(args).Concat(["--Demo:AccountCount=40", "--Urls=http://127.0.0.1:1"]))
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (process.ExitCode, await output, error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Digest_preview_prints_the_segment_digest_and_exits()
    {
        var (exitCode, output, error) = await Run("digest", "preview", "--segment", "Enterprise");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"^Weekly health digest \d{4}-W\d{2} \(Enterprise\)", output);
        Assert.Contains("## Key metrics", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task An_unknown_segment_or_subcommand_fails_with_a_clear_message()
    {
        var segment = await Run("digest", "preview", "--segment", "Galactic");
        var usage = await Run("digest", "send");

        Assert.Equal(1, segment.ExitCode);
        Assert.Contains("No accounts in segment 'Galactic'. Segments: ", segment.Error);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Unrecognized command or argument 'send'", usage.Error);
        Assert.Contains("digest --help", usage.Error);
    }
}
