using CsBot.Core;
using CsBot.Core.Alerts;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class AlertStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Alerts_round_trip_every_field()
    {
        var store = new LiteDbAlertStore(_db.Open());
        var firing = TestData.Alert("acc-001", "usage-cliff");
        var resolved = TestData.Alert("acc-001", "no-login", AlertState.Resolved);
        var bare = TestData.Alert("acc-002", "health-critical") with { History = [], Severity = Severity.Critical, Reason = "" };

        store.Upsert([firing, resolved, bare]);

        Asserts.SameAlert(firing, store.Get("acc-001:usage-cliff"));
        Asserts.SameAlert(resolved, store.Get("acc-001:no-login"));
        Asserts.SameAlert(bare, store.Get("acc-002:health-critical"));
        Assert.Null(store.Get("acc-001:contraction"));
    }

    [Fact]
    public void A_file_with_the_earlier_index_on_alert_state_loses_it_on_open_and_still_tells_open_alerts_apart()
    {
        using (var writer = _db.Open())
        {
            new LiteDbAlertStore(writer).Upsert([TestData.Alert("acc-001", "usage-cliff"), TestData.Alert("acc-002", "no-login", AlertState.Resolved)]);
            writer.Database.GetCollection(LiteDbContext.Alerts).EnsureIndex("state", "$.State");
        }

        using var context = _db.Open();
        var indexes = context.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", LiteDbContext.Alerts)).Select(i => i["name"].AsString);

        Assert.Equal(["_id", "account_id"], indexes.Order(StringComparer.Ordinal));
        Assert.Equal(["acc-001:usage-cliff"], new LiteDbAlertStore(context).GetOpen().Select(a => a.Id));
        Assert.Equal(["acc-001:usage-cliff"], new LiteDbAlertStore(context).GetOpenFor(["acc-001", "acc-002"]).Select(a => a.Id));
    }

    [Fact]
    public void Upserting_the_same_alert_replaces_it()
    {
        var context = _db.Open();
        var store = new LiteDbAlertStore(context);
        var alert = TestData.Alert("acc-001", "usage-cliff");
        store.Upsert([alert]);

        var acknowledged = alert with
        {
            State = AlertState.Acknowledged,
            LastEvaluatedAt = TestData.Instant(0, offsetHours: 1),
            History = [.. alert.History, new AlertEvent(TestData.Instant(0), "acknowledged", "max@csbot.example", "slack")],
        };
        store.Upsert([acknowledged]);

        Asserts.SameAlert(acknowledged, store.Get(alert.Id));
        Assert.Single(store.GetForAccount("acc-001"));
        Assert.Equal(1, context.Database.GetCollection(LiteDbContext.Alerts).Count());
    }

    [Fact]
    public void Open_alerts_and_alerts_per_account_are_filtered()
    {
        var store = new LiteDbAlertStore(_db.Open());
        store.Upsert(
        [
            TestData.Alert("acc-001", "usage-cliff", AlertState.Firing),
            TestData.Alert("acc-001", "no-login", AlertState.Resolved),
            TestData.Alert("acc-002", "nps-detractor", AlertState.Notified),
            TestData.Alert("acc-002", "low-csat", AlertState.Acknowledged),
            TestData.Alert("acc-003", "contraction", AlertState.Snoozed),
            TestData.Alert("acc-003", "invoice-overdue", AlertState.Resolved),
        ]);

        Assert.Equal(["acc-001:usage-cliff", "acc-002:low-csat", "acc-002:nps-detractor", "acc-003:contraction"], store.GetOpen().Select(a => a.Id));
        Assert.Equal(["acc-001:no-login", "acc-001:usage-cliff"], store.GetForAccount("acc-001").Select(a => a.Id));
        Assert.Empty(store.GetForAccount("acc-404"));

        store.Upsert([TestData.Alert("acc-001", "usage-cliff", AlertState.Resolved)]);
        Assert.DoesNotContain("acc-001:usage-cliff", store.GetOpen().Select(a => a.Id));
    }

    [Fact]
    public void A_failed_upsert_keeps_the_previous_alerts()
    {
        var store = new LiteDbAlertStore(_db.Open());
        var before = TestData.Alert("acc-001", "usage-cliff");
        store.Upsert([before]);

        Assert.Throws<ArgumentException>(() => store.Upsert([before with { State = AlertState.Resolved }, TestData.Alert("acc-002", "no-login"), null!]));

        Asserts.SameAlert(before, store.Get(before.Id));
        Assert.Null(store.Get("acc-002:no-login"));
    }

    [Fact]
    public void More_alerts_than_a_transaction_writes_are_all_stored_and_a_bad_one_anywhere_stores_none()
    {
        var store = new LiteDbAlertStore(_db.Open());
        var many = Enumerable.Range(0, 2 * LiteDbAlertStore.WriteSize + 5).Select(i => TestData.Alert($"acc-{i:D5}", "usage-cliff")).ToList();

        Assert.Throws<ArgumentException>(() => store.Upsert([.. many, null!]));
        Assert.Empty(store.GetOpen());

        store.Upsert(many);
        Assert.Equal(many.Select(a => a.Id), store.GetOpen().Select(a => a.Id));
    }

    [Fact]
    public void Lifecycle_fields_round_trip_and_documents_written_without_them_still_read()
    {
        var context = _db.Open();
        var store = new LiteDbAlertStore(context);
        var full = TestData.Alert("acc-001", "usage-cliff", AlertState.Acknowledged) with
        {
            Severity = Severity.Critical,
            NotifiedAt = TestData.Instant(2),
            NotifiedSeverity = Severity.High,
            NotifiedRecipients = [Core.Messaging.Recipient.Person("dana@csbot.example", "Dana", "America/New_York"), Core.Messaging.Recipient.Channel("cs-alerts")],
            Announcements = [new AlertAnnouncement("alert-alert:user:dana@csbot.example:2026031309:abc", Core.Messaging.Recipient.Person("dana@csbot.example", "Dana", "America/New_York"), new DateTimeOffset(2026, 3, 13, 9, 30, 15, TimeSpan.Zero))],
            CriticalNotifiedAt = TestData.Instant(2, offsetHours: -5),
            SnoozedUntil = TestData.Instant(-1),
            AcknowledgedBy = "Dana Whitfield",
            AcknowledgedAt = TestData.Instant(1),
            AcknowledgedPlatform = "slack",
            EscalatedAt = TestData.Instant(1, offsetHours: 0),
        };
        store.Upsert([full]);
        Asserts.SameAlert(full, store.Get(full.Id));

        // A document stored before the lifecycle fields existed.
        var old = new LiteDB.BsonDocument
        {
            ["_id"] = "acc-009:no-login",
            ["AccountId"] = "acc-009",
            ["RuleId"] = "no-login",
            ["Severity"] = "High",
            ["State"] = "Notified",
            ["Reason"] = "no login for 15 days",
            ["FirstFiredAt"] = new LiteDB.BsonDocument { ["UtcTicks"] = TestData.Instant(3).UtcTicks, ["OffsetMinutes"] = 0 },
            ["LastEvaluatedAt"] = new LiteDB.BsonDocument { ["UtcTicks"] = TestData.Instant(0).UtcTicks, ["OffsetMinutes"] = 0 },
        };
        context.Database.GetCollection(LiteDbContext.Alerts).Insert(old);

        var read = store.Get("acc-009:no-login");
        Assert.NotNull(read);
        Assert.Equal(AlertState.Notified, read.State);
        Assert.Null(read.NotifiedAt);
        Assert.Empty(read.NotifiedRecipients);
        Assert.Null(read.AcknowledgedBy);
    }
}
