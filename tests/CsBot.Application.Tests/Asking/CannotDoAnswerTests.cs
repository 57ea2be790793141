using CsBot.Application.Asking;
using CsBot.Core.Messaging;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// Requests CsBot does not do are answered with what it can do instead, as buttons that are themselves understood; on
/// <see cref="AnswerFixture"/>, where Dana owns Big Co and Marcus owns Calm Corp.
/// </summary>
public class CannotDoAnswerTests
{
    private static readonly Asker Local = Asker.Local();
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");

    private readonly AnswerFixture _data = new();

    private ChatMessage Ask(string text, Asker? asker = null) => _data.Service().Ask(text, asker ?? Local);

    [Fact]
    public void A_ticket_for_an_account_offers_its_health_and_why()
    {
        var answer = Ask("open a ticket for big co");

        Assert.Equal("Sorry, I can't create tickets, tasks or records in other tools", answer.Title);
        Assert.Equal(["health of Big Co", "why is Big Co at risk", "who owns Big Co"], answer.Actions.Select(a => a.Value));
        Assert.All(answer.Actions, a => Assert.Equal(ActionKind.Choose, a.Kind));
    }

    [Fact]
    public void A_name_that_fits_several_accounts_offers_each()
    {
        var calm = _data.Stores.LoadSignals("calm")!;
        _data.Stores.Save(
        [
            calm with { Account = calm.Account with { Id = "acme-corp", ExternalId = "CRM-acme-corp", Name = "Acme Corp" } },
            calm with { Account = calm.Account with { Id = "acme-labs", ExternalId = "CRM-acme-labs", Name = "Acme Labs" } },
        ]);

        var answer = Ask("open a ticket for acme");

        Assert.Equal("Sorry, I can't create tickets, tasks or records in other tools", answer.Title);
        Assert.Equal(["health of Acme Corp", "health of Acme Labs"], answer.Actions.Select(a => a.Value).Order());
    }

    [Fact]
    public void A_forecast_of_a_metric_offers_last_quarter_and_this_quarter_so_far()
    {
        var answer = Ask("what will nrr be next quarter");

        Assert.Equal("I don't forecast NRR yet", answer.Title);
        Assert.Equal("I can tell you NRR last quarter, or this quarter so far.", answer.Sections[0].Text);
        Assert.Equal(["NRR last quarter", "NRR this quarter"], answer.Actions.Select(a => a.Value));
    }

    [Fact]
    public void A_forecast_about_an_account_offers_its_health_trend_and_why()
    {
        var answer = Ask("will big co renew?");

        Assert.Equal("I don't predict how Big Co will do", answer.Title);
        Assert.Equal(["health of Big Co", "Big Co health trend", "why is Big Co at risk"], answer.Actions.Select(a => a.Value));
    }

    [Fact]
    public void A_contact_at_an_account_offers_its_owner()
    {
        var answer = Ask("who is the contact at calm corp");

        Assert.Equal("I don't keep customer contacts, phone numbers or email addresses", answer.Title);
        Assert.Equal(["who owns Calm Corp", "health of Calm Corp"], answer.Actions.Select(a => a.Value));
    }

    [Fact]
    public void A_request_naming_no_account_offers_examples_that_fit_it()
    {
        var answer = Ask("send the at risk list to my manager");

        Assert.Equal("Sorry, I can't write or send messages for you", answer.Title);
        Assert.Contains("at-risk accounts", answer.Actions.Select(a => a.Value));
    }

    [Theory]
    [InlineData("open a ticket for big co")]
    [InlineData("what will nrr be next quarter")]
    [InlineData("will big co renew?")]
    [InlineData("who is the contact at calm corp")]
    public void Every_offer_is_a_question_that_gets_answered(string request)
    {
        foreach (var offer in Ask(request).Actions)
        {
            var answer = Ask(offer.Value);
            Assert.DoesNotContain("didn't understand", answer.Title);
            Assert.DoesNotContain("I can't", answer.Title);
            Assert.DoesNotContain("I don't", answer.Title);
        }
    }

    [Fact]
    public void An_account_the_asker_may_not_see_is_not_offered()
    {
        _data.Access.RestrictOtherBooks = true;

        var answer = Ask("open a ticket for big co", Marcus);

        Assert.Equal("Sorry, I can't create tickets, tasks or records in other tools", answer.Title);
        Assert.DoesNotContain(answer.Actions, a => a.Value.Contains("Big Co", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forecast_of_a_revenue_metric_offers_nothing_to_whoever_may_not_see_it()
    {
        _data.Access.RestrictRevenueMetrics = true;

        var answer = Ask("what will nrr be next quarter", Marcus);

        Assert.Equal("I don't forecast NRR yet", answer.Title);
        Assert.Equal("NRR is a revenue metric, which only managers can see here.", answer.Sections[0].Text);
        Assert.Empty(answer.Actions);
    }
}
