using CsBot.Application.Actions;
using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// Follow-ups answered against the conversation's last question, on <see cref="AnswerFixture"/> (Big Co and Calm Corp
/// in Enterprise, Mid Co in Mid-Market, Late Payer Ltd in SMB), with the conversation clock at <see cref="AnswerFixture.Time"/>.
/// </summary>
public class ConversationTests
{
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example") { ConversationId = "D_DANA" };
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example") { ConversationId = "D_MARCUS" };

    private readonly AnswerFixture _data = new();

    private ChatMessage Ask(string text, Asker? asker = null) => _data.Service().Ask(text, asker ?? Dana);

    [Fact]
    public void Another_account_then_how_come_follow_the_last_question()
    {
        Assert.StartsWith("Big Co: health", Ask("how is big co doing").Title);

        Assert.StartsWith("Mid Co: health", Ask("and mid co?").Title);
        Assert.StartsWith("Why Mid Co scores", Ask("how come?").Title);
        Assert.StartsWith("Why Calm Corp scores", Ask("and calm corp?").Title);
    }

    [Fact]
    public void It_is_the_last_account()
    {
        Ask("why is mid co at risk");

        Assert.StartsWith("Mid Co: health", Ask("how is it doing").Title);
        Assert.StartsWith("Why Mid Co scores", Ask("why is it at risk?").Title);
    }

    [Fact]
    public void A_follow_up_with_nothing_before_it_says_so_with_examples()
    {
        var answer = Ask("how come?");

        Assert.Equal("There's nothing earlier in this conversation for \"how come\" to follow", answer.Title);
        Assert.Contains("30 minutes", answer.Sections[0].Text);
        Assert.NotEmpty(answer.Actions);
        Assert.All(answer.Actions, a => Assert.Equal(ActionKind.Choose, a.Kind));
    }

    [Fact]
    public void Each_conversation_and_person_keeps_their_own_last_question()
    {
        Ask("how is big co doing");

        Assert.StartsWith("There's nothing earlier", Ask("how come?", Marcus).Title);
        Assert.StartsWith("There's nothing earlier", Ask("how come?", Dana with { ConversationId = "C_TEAM/1700000000.000100" }).Title);
        Assert.StartsWith("Why Big Co scores", Ask("how come?").Title);
    }

    [Fact]
    public void The_last_question_is_forgotten_after_the_configured_minutes()
    {
        var options = new ConversationOptions { MemoryMinutes = 5 };
        var memory = new ConversationMemory(_data.Conversations, _data.Time, options, NullLogger<ConversationMemory>.Instance);
        var asked = memory.Follow(CsBot.Core.Querying.QuestionParser.Parse("how is big co doing"), Dana, AnswerFixture.Today, null, null);
        memory.Remember(Dana, asked.Question, asked.Page);

        _data.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(memory.Follow(CsBot.Core.Querying.QuestionParser.Parse("how come?"), Dana, AnswerFixture.Today, null, null).Reply);

        _data.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = memory.Follow(CsBot.Core.Querying.QuestionParser.Parse("how come?"), Dana, AnswerFixture.Today, null, null);
        Assert.Equal("There's nothing earlier in this conversation for \"how come\" to follow", expired.Reply?.Title);
        Assert.Contains("5 minutes", expired.Reply!.Sections[0].Text);
    }

    [Fact]
    public void By_default_a_question_is_followed_for_thirty_minutes()
    {
        Ask("how is big co doing");
        _data.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.StartsWith("Why Big Co scores", Ask("how come?").Title);

        _data.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.StartsWith("There's nothing earlier", Ask("why?").Title);
    }

    [Fact]
    public void A_question_of_its_own_replaces_the_last_one()
    {
        Ask("how is big co doing");
        Ask("overdue invoices");

        Assert.Equal("\"how come\" doesn't follow from your last question", Ask("how come?").Title);
        Assert.StartsWith("Mid Co: health", Ask("health of mid co").Title);
        Assert.StartsWith("Why Mid Co scores", Ask("why?").Title);
    }

    [Fact]
    public void A_metric_follows_to_another_period_the_one_before_and_a_segment()
    {
        Assert.StartsWith("NRR last quarter:", Ask("nrr last quarter").Title);

        Assert.StartsWith("NRR in Q2 2026:", Ask("and the quarter before?").Title);
        Assert.StartsWith("NRR Q1 2026:", Ask("what about Q1?").Title);
        Assert.StartsWith("NRR for Enterprise Q1 2026:", Ask("and in enterprise?").Title);
    }

    [Fact]
    public void A_list_is_narrowed_to_a_segment_or_to_mine()
    {
        Ask("at risk accounts");

        Assert.Equal("No accounts at risk in SMB", Ask("just smb").Title);
        Assert.StartsWith("1 account at risk in Enterprise", Ask("what about enterprise").Title);
        Assert.StartsWith("1 account at risk for you in Enterprise", Ask("only mine").Title);
    }

    [Fact]
    public void A_follow_up_is_refused_like_the_question_it_means()
    {
        _data.Access.RestrictOtherBooks = true;
        Assert.StartsWith("Big Co: health", Ask("how is big co doing").Title);

        Assert.Equal("Accounts owned by Marcus Oyelaran are visible to their owner and to managers only.", Ask("and mid co?").Title);
    }

    [Fact]
    public void A_long_list_shows_a_page_with_n_more_and_a_button_that_shows_the_next()
    {
        AddPoorAccounts(25);

        var first = Ask("at risk accounts");
        Assert.Equal("26 accounts at risk", first.Title);
        Assert.Equal(10, first.Sections.Count);
        Assert.Contains("and 16 more", first.Context);
        var more = Assert.Single(first.Actions);
        Assert.Equal(ActionKind.ShowMore, more.Kind);
        Assert.Equal("Show 10 more", more.Label);

        var second = Ask("show more");
        Assert.Equal(10, second.Sections.Count);
        Assert.Contains("rows 11-20 of 26", second.Context);
        Assert.Contains("and 6 more", second.Context);
        Assert.Empty(second.Sections.Select(s => s.Heading).Intersect(first.Sections.Select(s => s.Heading)));

        var pressed = Buttons().Handle(new ButtonPress(ActionKind.ShowMore, more.Value, Dana));
        Assert.Equal("show more", pressed.Question);
        Assert.Equal(6, pressed.Reply.Sections.Count);
        Assert.Contains("rows 21-26 of 26", pressed.Reply.Context);
        Assert.Empty(pressed.Reply.Actions);

        Assert.StartsWith("That's all of them", Ask("more").Title);
        // A new list starts again at its first page.
        Assert.Equal(10, Ask("at risk accounts").Sections.Count);
    }

    [Fact]
    public void Show_more_after_anything_but_a_list_does_not_follow()
    {
        Ask("how is big co doing");

        Assert.Equal("\"show more\" doesn't follow from your last question", Ask("show more").Title);
    }

    private ButtonPressHandler Buttons()
    {
        var service = _data.Service();
        return new ButtonPressHandler(service, _data.Actions, new PortfolioView(_data.Stores, _data.Stores, _data.Stores, new DataVersions()),
            new Access.AccessPolicy(_data.Access), NullLogger<ButtonPressHandler>.Instance);
    }

    private void AddPoorAccounts(int count)
    {
        var accounts = Enumerable.Range(1, count).Select(i => new AccountSignals
        {
            Account = new Account
            {
                Id = $"poor-{i:00}", ExternalId = $"CRM-poor-{i:00}", Name = $"Poor Co {i:00}", Segment = "SMB", Owner = AnswerFixture.Dana,
                Manager = AnswerFixture.Elena, Mrr = 1_000m + i, StartDate = new(2025, 1, 1),
            },
        }).ToList();
        _data.Stores.Save(accounts);
        _data.Stores.SaveScores([.. accounts.Select((a, i) => AnswerFixture.Score(a.Account.Id, 10 + i, HealthBand.Poor))]);
    }
}
