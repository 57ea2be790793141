using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.Asking;

/// <summary>Small Co churned on 2026-09-10 with 12,000 MRR; it is never "health 100 (Good)".</summary>
public class ChurnedAccountTests
{
    private readonly AnswerFixture _data = new();
    private static readonly Asker ElenaInChannel = new("U_ELENA", "Elena Novak", "slack", "elena@csbot.example") { ChannelId = "C_CS" };

    public ChurnedAccountTests() =>
        _data.Stores.SaveHistories(new Dictionary<string, ScorePoint[]> { ["small"] = [new(new(2026, 9, 2), 41), new(new(2026, 9, 9), 38)] });

    private ChatMessage Ask(string text, Asker? asker = null) => _data.Service().Ask(text, asker ?? Asker.Local());

    private static Dictionary<string, string> Fields(ChatMessage m) => m.Sections.SelectMany(s => s.Fields).ToDictionary(f => f.Label, f => f.Value);

    [Theory]
    [InlineData("health of small co")]
    [InlineData("why is small co at risk")]
    public void A_churned_account_says_when_it_churned_its_last_score_and_the_mrr_lost(string question)
    {
        var answer = Ask(question);

        Assert.Equal("Small Co churned on 2026-09-10", answer.Title);
        var fields = Fields(answer);
        Assert.Equal("38 on 2026-09-09", fields["Last health before churn"]);
        Assert.Equal("$12k", fields["MRR lost"]);
        Assert.DoesNotContain("Good", answer.Title + answer.FallbackText);
        Assert.DoesNotContain(fields, f => f.Key == "Health");
    }

    [Fact]
    public void The_mrr_lost_is_left_out_where_revenue_is_restricted()
    {
        _data.Access.RestrictRevenueMetrics = true;

        var answer = Ask("health of small co", ElenaInChannel);

        Assert.Equal("Small Co churned on 2026-09-10", answer.Title);
        Assert.DoesNotContain("MRR lost", Fields(answer).Keys);
        Assert.DoesNotContain("12k", answer.FallbackText);
        Assert.Contains(answer.Context, c => c.Contains("Revenue figures are left out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("at risk accounts")]
    [InlineData("my accounts")]
    [InlineData("good accounts")]
    [InlineData("accounts with overdue invoices")]
    public void Lists_leave_a_churned_account_out(string question)
    {
        var dana = new Asker("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");

        var answer = Ask(question, dana);

        var text = string.Join("\n", new[] { answer.Title }.Concat(answer.Sections.Select(s => s.Text + string.Join(" ", s.Fields.Select(f => f.Label + f.Value)))));
        Assert.DoesNotContain("Small Co", text);
    }

    [Fact]
    public void Logo_churn_still_counts_it_in_the_quarter_it_churned()
    {
        // 5 logos at the start of Q3 2026, Small Co lost on 2026-09-10: 20.0%.
        Assert.Equal("Logo churn Q3 2026: 20.0%", Ask("logo churn Q3 2026").Title);
    }
}
