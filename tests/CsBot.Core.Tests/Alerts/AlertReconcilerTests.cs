using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Rules;

namespace CsBot.Core.Tests.Alerts;

public class AlertReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Evaluated = ["acc-1", "acc-2"];

    private static RuleHit Hit(string account, string rule, Severity severity = Severity.High, string reason = "usage down 42%") =>
        new(rule, RuleKind.UsageDrop, severity, account, reason, 42);

    private static Alert Open(string account, string rule, Severity severity = Severity.High) => new()
    {
        Id = Alert.KeyFor(account, rule),
        AccountId = account,
        RuleId = rule,
        Severity = severity,
        State = AlertState.Notified,
        Reason = "old reason",
        FirstFiredAt = Now.AddDays(-2),
        LastEvaluatedAt = Now.AddHours(-1),
        History = [new AlertEvent(Now.AddDays(-2), "fired: old reason")],
    };

    [Fact]
    public void A_new_hit_starts_a_firing_alert_keyed_by_account_and_rule()
    {
        var changes = AlertReconciler.Reconcile([], [Hit("acc-1", "usage-cliff")], Evaluated, Now);

        var alert = Assert.Single(changes.Started);
        Assert.Equal("acc-1:usage-cliff", alert.Id);
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal("usage down 42%", alert.Reason);
        Assert.Equal(Now, alert.FirstFiredAt);
        Assert.Empty(changes.Resolved);
    }

    [Fact]
    public void A_hit_on_an_open_alert_refreshes_it_instead_of_starting_another()
    {
        var changes = AlertReconciler.Reconcile([Open("acc-1", "usage-cliff")], [Hit("acc-1", "usage-cliff", reason: "usage down 50%")], Evaluated, Now);

        Assert.Empty(changes.Started);
        var refreshed = Assert.Single(changes.Refreshed);
        Assert.Equal(AlertState.Notified, refreshed.State);
        Assert.Equal("usage down 50%", refreshed.Reason);
        Assert.Equal(Now.AddDays(-2), refreshed.FirstFiredAt);
    }

    [Fact]
    public void Rising_severity_is_recorded_in_the_history()
    {
        var changes = AlertReconciler.Reconcile([Open("acc-1", "usage-cliff", Severity.Warning)], [Hit("acc-1", "usage-cliff", Severity.Critical)], Evaluated, Now);

        var refreshed = Assert.Single(changes.Refreshed);
        Assert.Equal(Severity.Critical, refreshed.Severity);
        Assert.Contains(refreshed.History, e => e.What.Contains("severity rose from Warning to Critical"));
    }

    [Fact]
    public void An_open_alert_whose_rule_no_longer_fires_resolves()
    {
        var changes = AlertReconciler.Reconcile([Open("acc-1", "usage-cliff")], [], Evaluated, Now);

        var resolved = Assert.Single(changes.Resolved);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(Now, resolved.ResolvedAt);
        Assert.Contains(resolved.History, e => e.What.StartsWith("resolved"));
    }

    [Fact]
    public void Alerts_of_accounts_not_evaluated_this_run_stay_open()
    {
        var changes = AlertReconciler.Reconcile([Open("acc-9", "usage-cliff")], [], Evaluated, Now);

        Assert.Empty(changes.Resolved);
    }

    [Fact]
    public void The_same_hit_twice_in_one_run_starts_one_alert()
    {
        var changes = AlertReconciler.Reconcile([], [Hit("acc-1", "usage-cliff"), Hit("acc-1", "usage-cliff")], Evaluated, Now);

        Assert.Single(changes.Started);
    }
}
