using System.Text.Json.Nodes;
using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Slack.Tests.Host;
using CsBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Slack.Tests.Delivery;

/// <summary>
/// One living message per alert, end to end against the fake Slack: the alert's DM and channel post are redrawn with
/// chat.update (same channel and ts) when it is acknowledged and when it recovers, and the "recovered" note is a
/// reply in each message's thread rather than a new post.
/// </summary>
public sealed class LivingAlertMessageTests : IDisposable
{
    private static readonly Person Priya = new("Priya Raman", FakeSlack.UserEmail);
    private readonly FakeSlack _slack = new() { DistinctTs = true };
    private readonly SlackOutbox _outbox;
    private readonly InMemoryStores _stores = new();
    private readonly AlertNotifier _notifier;
    private readonly IAlertActions _actions;
    private readonly Dictionary<string, Account> _accounts;

    public LivingAlertMessageTests()
    {
        _outbox = new SlackOutbox(_slack);
        var account = new Account { Id = "acc-1", ExternalId = "CRM-1", Name = "Initech", Segment = "Enterprise", Mrr = 5_000m, Owner = Priya };
        _accounts = new Dictionary<string, Account> { [account.Id] = account };
        _stores.Save([new AccountSignals { Account = account }]);
        var clock = new BusinessClock(_outbox.Time, TimeZoneInfo.Utc);
        var options = new AlertingOptions().WithoutQuietHours();
        var updates = new AlertMessageUpdates(_outbox.Outbox, _stores, NullLogger<AlertMessageUpdates>.Instance);
        _notifier = new AlertNotifier(_outbox.Outbox, _stores, new NotificationPlanner(options, TimeZoneInfo.Utc, new NoRecipientTimeZones()), new MetricsOptions(), clock,
            NullLogger<AlertNotifier>.Instance, new AlertThreads(options), updates);
        var view = new PortfolioView(_stores, _stores, _stores, new DataVersions());
        _actions = new LivingAlertActions(new AlertActionService(_stores, _stores, view, new AccessPolicy(new AccessOptions()), clock), updates, _outbox.Outbox, _stores, clock,
            NullLogger<LivingAlertActions>.Instance);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task Acknowledging_and_recovering_update_the_dm_and_channel_post_in_place_and_recovery_replies_in_their_threads()
    {
        Evaluate(new RuleHit("usage-cliff", RuleKind.UsageDrop, Severity.High, "acc-1", "active users down 62%", 62));
        await _outbox.Delivery.DeliverDueAsync(default);
        var posts = _slack.Bodies("/api/chat.postMessage");
        Assert.Equal(["#cs-enterprise", "D0PRIYA01"], posts.Select(p => (string)p["channel"]!).Order(StringComparer.Ordinal));
        var dmTs = Ts("D0PRIYA01");
        var channelTs = Ts("C0ENTERP01");

        _outbox.Time.Advance(TimeSpan.FromMinutes(5));
        var outcome = _actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", new Asker("U0PRIYA01", "Priya Raman", "slack", FakeSlack.UserEmail));
        Assert.True(outcome.Applied);
        await _outbox.Delivery.DeliverDueAsync(default);
        var acknowledged = _slack.Bodies("/api/chat.update");
        Assert.Equal([("C0ENTERP01", channelTs), ("D0PRIYA01", dmTs)], acknowledged.Select(b => ((string)b["channel"]!, (string)b["ts"]!)).Order());
        Assert.All(acknowledged, b => Assert.Contains("Acknowledged by Priya Raman", b.ToJsonString(), StringComparison.Ordinal));
        Assert.All(acknowledged, b => Assert.DoesNotContain("csbot:Acknowledge", b.ToJsonString(), StringComparison.Ordinal));

        _outbox.Time.Advance(TimeSpan.FromHours(2));
        Evaluate();
        await _outbox.Delivery.DeliverDueAsync(default);
        var recovered = _slack.Bodies("/api/chat.update").Skip(2).ToList();
        Assert.Equal([("C0ENTERP01", channelTs), ("D0PRIYA01", dmTs)], recovered.Select(b => ((string)b["channel"]!, (string)b["ts"]!)).Order());
        Assert.All(recovered, b => Assert.Contains("Recovered at", b.ToJsonString(), StringComparison.Ordinal));
        var replies = _slack.Bodies("/api/chat.postMessage").Skip(2).ToList();
        Assert.Equal([("C0ENTERP01", channelTs), ("D0PRIYA01", dmTs)], replies.Select(b => ((string)b["channel"]!, (string?)b["thread_ts"] ?? "(top level)")).Order());
        Assert.All(replies, b => Assert.StartsWith("Recovered: Initech", (string)b["text"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeat_of_a_still_open_alert_replies_in_its_thread_until_the_message_is_older_than_the_setting()
    {
        Evaluate(new RuleHit("usage-cliff", RuleKind.UsageDrop, Severity.Warning, "acc-1", "active users down 62%", 62));
        await _outbox.Delivery.DeliverDueAsync(default);
        var dmTs = Ts("D0PRIYA01");

        // Warning repeats after 7 days: the message from 7 days ago is within the default 168 h, so the repeat is a reply.
        _outbox.Time.Advance(TimeSpan.FromDays(7));
        Evaluate(new RuleHit("usage-cliff", RuleKind.UsageDrop, Severity.Warning, "acc-1", "active users down 70%", 70));
        await _outbox.Delivery.DeliverDueAsync(default);
        var repeat = _slack.Bodies("/api/chat.postMessage")[^1];
        Assert.Equal(("D0PRIYA01", dmTs), ((string)repeat["channel"]!, (string?)repeat["thread_ts"]));
        var update = _slack.Bodies("/api/chat.update")[^1];
        Assert.Equal(("D0PRIYA01", dmTs), ((string)update["channel"]!, (string)update["ts"]!));
        Assert.Contains("Reminded at", update.ToJsonString(), StringComparison.Ordinal);

        // Seven more days: the first message is now 14 days old, past the setting; the repeat is a new top-level post.
        _outbox.Time.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromHours(1)));
        Evaluate(new RuleHit("usage-cliff", RuleKind.UsageDrop, Severity.Warning, "acc-1", "active users down 75%", 75));
        await _outbox.Delivery.DeliverDueAsync(default);
        Assert.Null(_slack.Bodies("/api/chat.postMessage")[^1]["thread_ts"]);
    }

    [Fact]
    public async Task An_escalation_redraws_the_owners_messages_saying_to_whom_it_escalated()
    {
        _accounts["acc-1"] = _accounts["acc-1"] with { Manager = new Person("Elena Novak", "elena@csbot.example") };
        Evaluate(new RuleHit("usage-cliff", RuleKind.UsageDrop, Severity.Critical, "acc-1", "active users down 90%", 90));
        await _outbox.Delivery.DeliverDueAsync(default);
        var dmTs = Ts("D0PRIYA01");
        var channelTs = Ts("C0ENTERP01");

        _outbox.Time.Advance(TimeSpan.FromHours(25));
        Evaluate(new RuleHit("usage-cliff", RuleKind.UsageDrop, Severity.Critical, "acc-1", "active users down 90%", 90));
        await _outbox.Delivery.DeliverDueAsync(default);

        Assert.StartsWith("Escalation: Initech", (string)_slack.Bodies("/api/chat.postMessage")[^1]["text"]!, StringComparison.Ordinal);
        var updates = _slack.Bodies("/api/chat.update");
        Assert.Equal([("C0ENTERP01", channelTs), ("D0PRIYA01", dmTs)], updates.Select(b => ((string)b["channel"]!, (string)b["ts"]!)).Order());
        Assert.All(updates, b => Assert.Contains("Escalated to Elena Novak at", b.ToJsonString(), StringComparison.Ordinal));
    }

    private string Ts(string channel) =>
        _slack.Calls("/api/chat.postMessage").Select(c => JsonNode.Parse(c.ResponseMessage!.BodyData!.BodyAsString!)!)
            .Where(r => (string?)r["channel"] == channel).Select(r => (string)r["ts"]!).First();

    private void Evaluate(params RuleHit[] hits)
    {
        var changes = AlertReconciler.Reconcile(_stores.GetOpen(), hits, _accounts.Keys.ToHashSet(), _outbox.Time.GetUtcNow());
        _stores.Upsert(changes.All);
        _notifier.NotifyAsync(changes, _accounts, _ => null, default).GetAwaiter().GetResult();
    }
}
