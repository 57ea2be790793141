using System.Diagnostics;

namespace CsBot.Host.Tests.Prediction;

/// <summary>The <c>model train</c> and <c>model backtest</c> commands on the demo portfolio, with no web host.</summary>
public class ModelCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("csbot-model-cli-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CsBot.dll") }.Concat(args).Concat(["--Urls=http://127.0.0.1:1"]))
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            return (process.ExitCode, await output, error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Backtest_prints_the_model_beside_the_rules_on_the_same_held_out_months()
    {
        var (exitCode, output, error) = await Run("model", "backtest");

        Assert.True(exitCode == 0, error + output);
        Assert.Matches(@"^Trained on [\d,]+ month-end snapshots whose 90-day outcome closed before \d{4}-\d\d-\d\d; tested on [\d,]+ snapshots from ", output);
        Assert.Contains("| Held-out snapshots | Model (top 10% each month) | Rules (any rule fires) |", output);
        Assert.Matches(@"\| AUC \| 0\.\d\d \| 0\.\d\d \|", output);
        Assert.Matches(@"\| Precision \| \d+% \| \d+% \|", output);
        Assert.Matches(@"\| Recall \| \d+% \| \d+% \|", output);
        Assert.Matches(@"\| Median lead time \(first flag to churn\) \| (\d+ days|-) \| (\d+ days|-) \|", output);
    }

    [Fact]
    public async Task Train_on_too_short_a_history_trains_nothing_and_says_why()
    {
        var (exitCode, output, _) = await Run("model", "train", "--Demo:AccountCount=16");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Not trained: 1 churn since ", output);
        Assert.Contains("(Prediction:MinimumChurnEvents)", output);
    }
}
