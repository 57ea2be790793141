using CsBot.Application.Asking;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// The health card is the most asked answer. It shows the record, the latest score, its history and the open alerts,
/// all held as they are, so it must not unpack the account's packed signals (tickets, surveys, invoices, usage), whose
/// objects cost the most of any answer under load; only the churn model's section needs them.
/// </summary>
public class HealthCardCostTests
{
    private readonly AnswerFixture _data = new();

    public HealthCardCostTests()
    {
        // An account with a long support history: unpacked, its tickets alone are megabytes of objects.
        var big = _data.Stores.LoadSignals("big")!;
        var opened = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        _data.Stores.Save([big with
        {
            Tickets = [.. Enumerable.Range(0, 20_000).Select(i => new SupportTicket($"tkt-{i:D6}", "big", TicketSeverity.Low, opened.AddMinutes(i), opened.AddMinutes(i + 90)))],
        }]);
    }

    [Fact]
    public void A_health_card_allocates_a_small_part_of_what_unpacking_the_accounts_signals_does()
    {
        var ask = _data.Service();
        var packed = PackedAccountSignals.Of(_data.Stores.LoadSignals("big")!);
        var unpacking = AllocatedBy(() => packed.Unpack());

        Assert.Equal("Big Co: health 35 (Poor)", ask.Ask("health of Big Co", Asker.Local()).Title);
        var card = AllocatedBy(() => ask.Ask("health of Big Co", Asker.Local()));

        Assert.True(card < unpacking / 10, $"the health card allocated {card:N0} bytes; unpacking the account's signals {unpacking:N0}");
    }

    [Fact]
    public void A_why_answer_still_reads_the_accounts_signals()
    {
        var why = _data.Service().Ask("why is Big Co at risk?", Asker.Local());

        Assert.StartsWith("Why Big Co scores", why.Title);
        Assert.Contains(why.Sections, s => s.Text?.Contains("support", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void A_why_asked_again_is_not_worked_out_again_until_the_accounts_signals_change()
    {
        var versions = new CsBot.Application.ReadModel.DataVersions();
        var ask = _data.ObservedService(versions);
        var first = ask.Ask("why is Big Co at risk?", Asker.Local());

        var again = ask.Ask("why is Big Co at risk?", Asker.Local());
        var asTyped = ask.Ask("whats pulling down big co's score", Asker.Local());

        Assert.Equal(1, ask.WhyEvaluations);
        Assert.Equal(Described(first), Described(again));
        Assert.Equal(Described(first), Described(asTyped));
        // A write that changes the account: the next "why" is worked out from what it wrote, not taken from before.
        var big = _data.Stores.LoadSignals("big")!;
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var escalated = Enumerable.Range(0, 6).Select(i => new SupportTicket($"tkt-open-{i}", "big", TicketSeverity.Critical, opened.AddHours(i)));
        new CsBot.Application.ReadModel.ObservedPortfolioStore(_data.Stores, versions).Save([big with { Tickets = [.. big.Tickets, .. escalated] }]);
        var after = ask.Ask("why is Big Co at risk?", Asker.Local());
        Assert.Equal(2, ask.WhyEvaluations);
        Assert.NotEqual(Described(first), Described(after));
    }

    private static string Described(CsBot.Core.Messaging.ChatMessage message) =>
        message.Title + "\n" + string.Join("\n", message.Sections.Select(s => s.Heading + ": " + s.Text));

    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
