using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.Contracts;

/// <summary>What every <see cref="Core.Ports.IAlertStore"/> does: alerts with their history and offsets, open ones by state.</summary>
public abstract class AlertContract : ContractTest
{
    [StoreFact]
    public void An_alert_reads_back_with_its_history_recipients_and_offsets()
    {
        var alert = TestData.Alert("acc-1", "usage-cliff") with
        {
            NotifiedAt = TestData.Instant(1, offsetHours: -7),
            NotifiedSeverity = Severity.Critical,
            NotifiedRecipients = [Recipient.Person("olivia@csbot.example", "Olivia", "America/Denver"), Recipient.Channel("cs-alerts")],
            SnoozedUntil = new DateTimeOffset(2026, 3, 22, 9, 0, 0, TimeSpan.FromHours(5.5)),
            AcknowledgedBy = "olivia@csbot.example",
        };
        Stores.Alerts.Upsert([alert]);

        var read = Stores.Alerts.Get(alert.Id);
        Asserts.SameAlert(alert, read);
        Assert.Equal(TimeSpan.FromHours(5.5), read!.SnoozedUntil!.Value.Offset);
        Assert.Null(Stores.Alerts.Get("acc-1:other"));
    }

    [StoreFact]
    public void Upserting_by_id_replaces_and_open_alerts_leave_out_resolved_ones_in_id_order()
    {
        var fired = TestData.Alert("acc-2", "nps-drop");
        Stores.Alerts.Upsert([fired, TestData.Alert("acc-1", "usage-cliff"), TestData.Alert("acc-1", "overdue", AlertState.Resolved)]);
        Stores.Alerts.Upsert([fired with { State = AlertState.Acknowledged, History = [.. fired.History, new AlertEvent(TestData.Instant(0), "acknowledged", "max")] }]);

        Assert.Equal(["acc-1:usage-cliff", "acc-2:nps-drop"], Stores.Alerts.GetOpen().Select(a => a.Id));
        Assert.Equal(["acc-1:overdue", "acc-1:usage-cliff"], Stores.Alerts.GetForAccount("acc-1").Select(a => a.Id));
        // Several accounts' open alerts in one call, ordered by id; an account asked twice counts once.
        Assert.Equal(["acc-1:usage-cliff", "acc-2:nps-drop"], Stores.Alerts.GetOpenFor(["acc-2", "acc-1", "acc-none", "acc-1"]).Select(a => a.Id));
        Assert.Equal(AlertState.Acknowledged, Stores.Alerts.GetOpenFor(["acc-2"]).Single().State);
        Assert.Empty(Stores.Alerts.GetOpenFor([]));
        var acknowledged = Stores.Alerts.Get("acc-2:nps-drop")!;
        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
        Assert.Equal(4, acknowledged.History.Count);
    }

    [StoreFact]
    public void Several_alerts_read_by_id_in_one_call_come_back_whole_in_any_state_and_unknown_ids_are_left_out()
    {
        var resolved = TestData.Alert("acc-1", "overdue", AlertState.Resolved) with
        {
            History = [new AlertEvent(TestData.Instant(0), "fired"), new AlertEvent(TestData.Instant(1), "acknowledged", "max")],
        };
        var open = TestData.Alert("acc-2", "nps-drop");
        Stores.Alerts.Upsert([resolved, open, TestData.Alert("acc-3", "usage-cliff")]);

        var read = Stores.Alerts.GetMany(["acc-2:nps-drop", "acc-1:overdue", "acc-none:x", "acc-2:nps-drop"]);

        Assert.Equal(["acc-1:overdue", "acc-2:nps-drop"], read.Keys.Order(StringComparer.Ordinal));
        Asserts.SameAlert(resolved, read["acc-1:overdue"]);
        Asserts.SameAlert(open, read["acc-2:nps-drop"]);
        Assert.Empty(Stores.Alerts.GetMany([]));
    }

    [StoreFact]
    public void A_batch_with_a_bad_alert_writes_nothing()
    {
        Stores.Alerts.Upsert([TestData.Alert("acc-1", "a")]);
        Assert.ThrowsAny<ArgumentException>(() => Stores.Alerts.Upsert([TestData.Alert("acc-1", "a", AlertState.Resolved), TestData.Alert("acc-1", "b"), TestData.Alert("acc-1", "c") with { Id = "" }]));

        Assert.Equal(AlertState.Firing, Stores.Alerts.Get("acc-1:a")!.State);
        Assert.Null(Stores.Alerts.Get("acc-1:b"));
    }

    [StoreFact]
    public void Hostile_reasons_and_history_are_kept_exactly()
    {
        var alerts = Hostile.Strings.Select((text, i) => TestData.Alert($"acc-{i}", "rule") with { Reason = text, History = [new AlertEvent(TestData.Instant(1), text, text, text)] }).ToList();
        Stores.Alerts.Upsert(alerts);
        foreach (var alert in alerts) Asserts.SameAlert(alert, Stores.Alerts.Get(alert.Id));
    }
}
