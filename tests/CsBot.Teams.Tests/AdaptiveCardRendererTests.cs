using System.Text.Json.Nodes;
using CsBot.Core;
using CsBot.Core.Messaging;
using CsBot.Teams.Rendering;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace CsBot.Teams.Tests;

public class AdaptiveCardRendererTests
{
    [Fact]
    public void An_alert_renders_as_a_coloured_card_with_facts_and_execute_buttons()
    {
        var card = AdaptiveCardRenderer.Render(TeamsEndpointTests.Alert("globex:usage-cliff"));

        Snapshot.Match(JObject.Parse(card.ToJsonString()));
        var band = card["body"]![0]!;
        Assert.Equal("attention", band["style"]!.GetValue<string>());
        var section = card["body"]![1]!["items"]!.AsArray();
        Assert.Contains(section, i => i!["type"]!.GetValue<string>() == "FactSet" && i["facts"]![1]!["value"]!.GetValue<string>() == @"38 \(Poor\)");
        var ack = section.Single(i => i!["type"]!.GetValue<string>() == "ActionSet")!["actions"]![0]!;
        Assert.Equal(("Action.Execute", "Acknowledge"), (ack["type"]!.GetValue<string>(), ack["verb"]!.GetValue<string>()));
        Assert.Equal("Acknowledge", ack["data"]!["kind"]!.GetValue<string>());
        Assert.Equal("globex:usage-cliff", ack["data"]!["value"]!.GetValue<string>());
        // Clients without Universal Actions draw the same button as Action.Submit, which still reaches the bot as a message.
        Assert.Equal("Action.Submit", ack["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal(ack["data"]!.ToJsonString(), ack["fallback"]!["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData(Severity.Critical, "attention")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Info, "accent")]
    public void Severity_colours_the_title_band(Severity severity, string style)
    {
        var card = AdaptiveCardRenderer.Render(new ChatMessage { Title = "t", Severity = severity });

        Assert.Equal(style, card["body"]![0]!["style"]!.GetValue<string>());
    }

    [Fact]
    public void A_did_you_mean_answer_offers_one_choose_button_per_candidate_carrying_the_follow_up_question()
    {
        var message = new ChatMessage
        {
            Title = "Which account did you mean?",
            Actions = [new(ActionKind.Choose, "Acme Corp", "health of Acme Corp"), new(ActionKind.Choose, "Acme Labs", "health of Acme Labs")],
        };

        var actions = AdaptiveCardRenderer.Render(message)["actions"]!.AsArray();

        Assert.Equal(["health of Acme Corp", "health of Acme Labs"], actions.Select(a => a!["data"]!["value"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Choose", a!["data"]!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public void A_huge_message_is_cut_by_whole_sections_below_the_size_limit_and_says_so()
    {
        var sections = Enumerable.Range(1, 300).Select(i => new MessageSection
        {
            Heading = $"Account {i}: health-below",
            Text = new string('x', 200),
            Fields = [new("ARR", "$120,000")],
        }).ToList();

        var card = AdaptiveCardRenderer.Render(new ChatMessage { Title = "300 alerts", Sections = sections });

        Assert.True(AdaptiveCardRenderer.Size(card) <= AdaptiveCardRenderer.MaxCardBytes);
        var shown = card["body"]!.AsArray().Count(b => b!["items"]?[0]?["text"]?.GetValue<string>().StartsWith("Account ") == true);
        var note = card["body"]!.AsArray().Last()!["items"]![0]!["text"]!.GetValue<string>();
        Assert.Equal($"{300 - shown} more sections not shown; ask me for details.", note);
        Assert.InRange(shown, 10, 299);
    }

    [Fact]
    public void Each_line_of_a_section_is_its_own_text_block_so_Teams_keeps_the_line_breaks()
    {
        var card = AdaptiveCardRenderer.Render(new ChatMessage { Title = "Help", Sections = [new MessageSection { Text = "Try:\n  health of Acme Corp\n  help" }] });

        var texts = card["body"]![1]!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>());
        Assert.Equal(["Try:", "  health of Acme Corp", "  help"], texts);
    }

    [Fact]
    public void The_fallback_text_holds_the_whole_message()
    {
        var text = PlainTextFallback.Render(TeamsEndpointTests.Alert("a"));

        Assert.Equal("Globex is at risk\n\nGlobex: usage-cliff\nactive users down 62% (48 -> 18) vs 28-day baseline\nSeverity: High\nHealth: 38 (Poor)", text);
    }
}
