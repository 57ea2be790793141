using CsBot.Application.Asking;
using CsBot.Application.Prediction;
using CsBot.Core.Messaging;
using CsBot.Core.Prediction;
using CsBot.Slack.Rendering;

namespace CsBot.Slack.Tests.Rendering;

/// <summary>The churn model's section of a "why" answer as Slack shows it: a bold heading, then one readable line per push.</summary>
public sealed class ChurnPredictionRenderingTests
{
    /// <summary>The demo's Acme Labs: a small probability and contributions in the model's own units.</summary>
    internal static MessageSection AcmeLabs() => ChurnPredictionAnswers.Section(
        new ChurnExplanation(0.002, [new(14, 150f, -58.97), new(4, 1.6f, -19.01), new(17, 0f, -17.48)]),
        new ChurnModelRecord("churn-20261201T030000Z", new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), new(2026, 12, 1), 2_593, 38, 20,
            ChurnFeatures.Names, 0.75, 0.2, 0.4, 0.6, true, "In use", [1]),
        90, "USD");

    [Fact]
    public void The_predicted_churn_reads_as_bold_odds_and_plain_lines_without_the_models_internal_numbers()
    {
        var payload = BlockKitRenderer.Render(new ChatMessage { Title = "Why Acme Labs is at risk", Sections = [AcmeLabs()] });

        var text = payload["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"]).Single(t => t?.StartsWith("*Predicted", StringComparison.Ordinal) == true);
        Assert.Equal(
            "*Predicted churn: under 1% within 90 days*\n" +
            "From the churn model trained 2026-12-01 on this portfolio's history (AUC 0.75 on held-out months); the features raising it most:\n" +
            "nothing stands out: no feature raises it", text);
    }
}
