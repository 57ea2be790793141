using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Application.Prediction;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Prediction;

/// <summary>
/// On the demo portfolio: a model trained on its two years of history passes the gate, and chat shows its probability
/// beside the rule-based health with the features pushing it most, and ranks the accounts by it.
/// </summary>
public sealed class PredictedChurnOnDemoTests(DemoEndToEndTests.BootedHost host) : IClassFixture<DemoEndToEndTests.BootedHost>
{
    private static readonly Lock Training = new();

    private TrainingOutcome Trained()
    {
        lock (Training)
        {
            var models = host.Factory.Services.GetRequiredService<IChurnModelStore>();
            var record = models.LatestPassed() ?? host.Factory.Services.GetRequiredService<ChurnModelTraining>().Train();
            return new TrainingOutcome(record.Passed, record.Verdict);
        }
    }

    private sealed record TrainingOutcome(bool Passed, string Verdict);

    [Fact]
    public async Task Health_shows_the_predicted_churn_with_three_features_in_words_and_their_values()
    {
        var model = Trained();
        Assert.True(model.Passed, model.Verdict);

        var answer = await Ask("health of Acme Labs");

        var sections = answer.GetProperty("message").GetProperty("sections").EnumerateArray().ToArray();
        var predicted = Assert.Single(sections, s => s.TryGetProperty("heading", out var h) && h.ValueKind == JsonValueKind.String && h.GetString()!.StartsWith("Predicted churn: ", StringComparison.Ordinal));
        Assert.Matches(@"^Predicted churn: (\d+%|under 1%|over 99%) within 90 days$", predicted.GetProperty("heading").GetString());
        var lines = predicted.GetProperty("text").GetString()!.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.EndsWith(" it most", lines[1]);
        Assert.All(lines.Skip(2), line => Assert.Matches(@" (raises|lowers) it (about [a-z ]+ as much|far less)$", line));
        Assert.StartsWith("Acme Labs: health ", answer.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_ranking_lists_accounts_by_predicted_churn()
    {
        Assert.True(Trained().Passed);

        var answer = await Ask("which accounts are most likely to churn");

        Assert.StartsWith("Most likely to churn: top 10 of ", answer.GetProperty("title").GetString());
        var percents = answer.GetProperty("message").GetProperty("sections").EnumerateArray()
            .Select(s => Percent(System.Text.RegularExpressions.Regex.Match(s.GetProperty("heading").GetString()!, @": (\d+%|under 1%|over 99%) predicted churn").Groups[1].Value)).ToArray();
        Assert.Equal(10, percents.Length);
        Assert.Equal(percents.OrderDescending(), percents);
    }

    /// <summary>A probability as the answer writes it, back to a number that sorts: "under 1%" below 1, "over 99%" above 99.</summary>
    private static double Percent(string written) => written switch
    {
        "under 1%" => 0.5,
        "over 99%" => 99.5,
        _ => int.Parse(written.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<JsonElement> Ask(string text)
    {
        var response = await host.Client.PostAsJsonAsync("/api/local/ask", new { text, email = "dana.whitfield@csbot.example" });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
