using CsBot.Application.Asking;
using CsBot.Application.Prediction;
using CsBot.Core.Messaging;
using CsBot.Core.Prediction;
using CsBot.Teams.Rendering;

namespace CsBot.Teams.Tests;

/// <summary>The churn model's section of a "why" answer as Teams shows it: a bold heading and one TextBlock per line.</summary>
public sealed class ChurnPredictionRenderingTests
{
    [Fact]
    public void The_predicted_churn_is_a_bold_heading_then_one_line_per_push_with_markdown_escaped()
    {
        var section = ChurnPredictionAnswers.Section(
            new ChurnExplanation(0.997, [new(0, 0.34f, 0.41), new(9, 6.5f, 0.22), new(17, -0.3f, 0.2)]),
            new ChurnModelRecord("churn-20261201T030000Z", new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), new(2026, 12, 1), 2_593, 38, 20,
                ChurnFeatures.Names, 0.75, 0.2, 0.4, 0.6, true, "In use", [1]),
            90, "USD");

        var card = AdaptiveCardRenderer.Render(new ChatMessage { Title = "Why Acme Labs is at risk", Sections = [section] });

        var items = card["body"]![1]!["items"]!.AsArray();
        Assert.Equal("Bolder", items[0]!["weight"]!.GetValue<string>());
        Assert.Equal(
            [
                "Predicted churn: over 99% within 90 days",
                @"From the churn model trained 2026-12-01 on this portfolio's history \(AUC 0.75 on held-out months\); the features raising it most:",
                @"seat utilisation \(30 days\) 34% raises it most",
                @"average NPS \(180 days\) 6.5 raises it about half as much",
                @"MRR change \(90 days\) -30% raises it about half as much",
            ],
            items.Select(i => i!["text"]!.GetValue<string>()));
    }
}
