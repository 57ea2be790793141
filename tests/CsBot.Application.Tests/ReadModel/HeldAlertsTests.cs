using CsBot.Application.ReadModel;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// The read model holds some 100k open alerts at 100k accounts, each read from the store with its own copy of every
/// recipient and its lists built by queries: they are held with one copy of each recipient and their lists as arrays,
/// and stay the same alerts to everyone who reads them.
/// </summary>
public class HeldAlertsTests
{
    private static readonly DateTimeOffset Fired = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    // As a store read gives it: new recipient objects per alert, lists from queries.
    private static Alert AsRead(string account, string rule) => new()
    {
        Id = Alert.KeyFor(account, rule), AccountId = account, RuleId = rule, Severity = Severity.High, State = AlertState.Notified,
        Reason = "active users down 62%", FirstFiredAt = Fired, LastEvaluatedAt = Fired,
        History = Enumerable.Range(0, 2).Select(i => new AlertEvent(Fired.AddHours(i), i == 0 ? "fired" : "notified")).ToList(),
        NotifiedRecipients = new[] { "U_DANA", "C_CS" }.Select(key => new Recipient(key[0] == 'U' ? RecipientKind.User : RecipientKind.Channel, key, "Dana")).ToList(),
        Announcements = new[] { "k1" }.Select(key => new AlertAnnouncement(key, new Recipient(RecipientKind.User, "U_DANA", "Dana"), Fired)).ToList(),
    };

    [Fact]
    public void Alerts_read_apart_share_their_recipients_and_keep_every_field()
    {
        var first = AsRead("a", "usage-cliff");
        var second = AsRead("b", "usage-cliff");

        var held = new AlertSnapshot([first, second]);
        var a = held.ForAccount("a").Single();
        var b = held.ForAccount("b").Single();

        Assert.Same(a.NotifiedRecipients[0], b.NotifiedRecipients[0]);
        Assert.Same(a.NotifiedRecipients[0], b.Announcements[0].Recipient);
        Assert.IsType<AlertEvent[]>(a.History);
        Assert.IsType<Recipient[]>(a.NotifiedRecipients);
        Assert.Equal(first.History, a.History);
        Assert.Equal(first.NotifiedRecipients, a.NotifiedRecipients);
        Assert.Equal(first.Announcements, a.Announcements);
        Assert.Equal(first with { History = [], NotifiedRecipients = [], Announcements = [] }, a with { History = [], NotifiedRecipients = [], Announcements = [] });
    }

    [Fact]
    public void Alerts_written_later_share_the_recipients_held_before_and_a_held_alert_is_kept_as_it_is()
    {
        var held = new AlertSnapshot([AsRead("a", "usage-cliff")]);
        var a = held.ForAccount("a").Single();

        var patched = held.Patch(["a", "b"], new Dictionary<string, Alert[]> { ["a"] = [a], ["b"] = [AsRead("b", "renewal-at-risk")] });

        Assert.Same(a, patched.ForAccount("a").Single());
        Assert.Same(a.NotifiedRecipients[1], patched.ForAccount("b").Single().NotifiedRecipients[1]);
    }

    [Fact]
    public void Texts_repeated_across_alerts_read_apart_are_held_once_and_read_the_same()
    {
        // As a store read gives them: every alert's rule, reason, history and message keys in strings of their own.
        static string Copy(string text) => new(text.AsSpan());
        Alert Read(string account) => AsRead(account, Copy("no-login")) with
        {
            Reason = Copy("no login for 17 days (last on 2026-11-16)"),
            History = [new AlertEvent(Fired, Copy("fired: no login for 17 days (last on 2026-11-16)")), new AlertEvent(Fired, Copy("acknowledged"), Copy("Dana"), Copy("slack"))],
            Announcements = [new AlertAnnouncement(Copy("alert-batch-2026-11-25"), new Recipient(RecipientKind.User, "U_DANA", "Dana"), Fired)],
            AcknowledgedBy = Copy("Dana"),
        };
        var first = Read("a");
        var second = Read("b");
        Assert.NotSame(first.Reason, second.Reason);

        var held = new AlertSnapshot([first, second]);
        var a = held.ForAccount("a").Single();
        var b = held.ForAccount("b").Single();

        Assert.Same(a.RuleId, b.RuleId);
        Assert.Same(a.Reason, b.Reason);
        Assert.Same(a.History[0].What, b.History[0].What);
        Assert.Same(a.History[1].By, b.History[1].By);
        Assert.Same(a.History[1].By, b.AcknowledgedBy);
        Assert.Same(a.Announcements[0].MessageKey, b.Announcements[0].MessageKey);
        Assert.Equal(first with { History = [], Announcements = [], NotifiedRecipients = [] }, a with { History = [], Announcements = [], NotifiedRecipients = [] });
        Assert.Equal(first.History, a.History);
        Assert.Equal(first.Announcements, a.Announcements);
    }

    [Fact]
    public void A_message_key_is_held_once_even_when_its_recipient_already_is()
    {
        var held = new AlertSnapshot([AsRead("a", "usage-cliff") with { Announcements = [new AlertAnnouncement(new string("alert-batch-2026-11-25".AsSpan()), new Recipient(RecipientKind.User, "U_DANA", "Dana"), Fired)] }]);
        var a = held.ForAccount("a").Single();
        // Written later as an array whose recipient is the one held, with a key of its own (as a store read gives it).
        AlertAnnouncement[] announcements = [new AlertAnnouncement(new string("alert-batch-2026-11-25".AsSpan()), a.Announcements[0].Recipient, Fired)];

        var patched = held.Patch(["b"], new Dictionary<string, Alert[]> { ["b"] = [AsRead("b", "renewal-at-risk") with { Announcements = announcements }] });

        var b = patched.ForAccount("b").Single();
        Assert.Same(a.Announcements[0].MessageKey, b.Announcements[0].MessageKey);
        Assert.Equal(announcements, b.Announcements);
    }
}
