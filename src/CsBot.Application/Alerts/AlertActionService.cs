using CsBot.Application.Access;
using CsBot.Application.Asking;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Rules;

namespace CsBot.Application.Alerts;

/// <summary>
/// Acknowledge and snooze from any platform: records who, when and where in the alert's history, answers the
/// person who pressed, and gives back the original message with that alert marked and its buttons gone. Whoever may
/// not see the alert's account (<see cref="AccessPolicy.AlertActionRefusal"/>) gets a reply saying why, and nothing
/// is written: typed commands, buttons, cards and the API all end here, so a forged press is refused like any other.
/// </summary>
public sealed class AlertActionService(IAlertStore alerts, IPortfolioStore portfolio, PortfolioView view, AccessPolicy access, BusinessClock clock) : IAlertActions
{
    public AlertActionOutcome Apply(ActionKind kind, string alertId, Asker asker, ChatMessage? original = null)
    {
        ArgumentNullException.ThrowIfNull(asker);
        if (kind is not (ActionKind.Acknowledge or ActionKind.Snooze1Day or ActionKind.Snooze7Days or ActionKind.SnoozeUntilRenewal or ActionKind.Handled or ActionKind.HandOver))
            return Refused($"{kind} is not something I can do to an alert", "Alerts can be acknowledged or snoozed for 1 day, 7 days or until renewal.", null, original);
        string? handTo = null;
        if (kind == ActionKind.HandOver)
        {
            // The button carries "alert id|email of the CSM to hand it to".
            var cut = alertId.LastIndexOf('|');
            handTo = cut < 0 ? "" : alertId[(cut + 1)..].Trim();
            alertId = cut < 0 ? alertId : alertId[..cut];
        }

        var alert = string.IsNullOrWhiteSpace(alertId) ? null : alerts.Get(alertId);
        if (alert is null)
            return Refused("I couldn't find that alert", $"There is no alert '{alertId}'. It may come from an older message; ask \"why is <account> at risk?\" for the current ones.", null, original);
        var account = portfolio.GetAccount(alert.AccountId);
        // Decided before anything about the alert is told: its state, who acknowledged it and its reason are the
        // account's data too. The refusal carries neither the alert nor the original message back.
        if (access.AlertActionRefusal(account, access.RoleOf(asker, view.Portfolio.ManagerEmails), asker) is { } refusal && !HoldsIt(alert, asker))
            return Refused($"You can't {Verb(kind)} that alert", refusal, null, null);
        var name = account?.Name ?? alert.AccountId;
        var now = clock.Now;

        if (alert.State == AlertState.Resolved)
        {
            var line = $"Resolved at {Format.Instant(alert.ResolvedAt ?? alert.LastEvaluatedAt)}: the condition no longer holds.";
            return Refused($"{name} ({RuleNames.Words(alert.RuleId)}) has already recovered", $"Nothing to {Verb(kind)}: {line[0..1].ToLowerInvariant()}{line[1..]}", alert, Mark(original, alert, name, line));
        }
        if (kind == ActionKind.Acknowledge && alert.State == AlertState.Acknowledged)
            return Refused($"{name} ({RuleNames.Words(alert.RuleId)}) is already acknowledged", AcknowledgedLine(alert), alert, Mark(original, alert, name, AcknowledgedLine(alert)));

        if (kind == ActionKind.Acknowledge)
        {
            var acknowledged = alert with
            {
                State = AlertState.Acknowledged,
                SnoozedUntil = null,
                AcknowledgedBy = asker.DisplayName,
                AcknowledgedAt = now,
                AcknowledgedPlatform = asker.Platform,
                History = [.. alert.History, new AlertEvent(now, "acknowledged", By(asker), asker.Platform)],
            };
            alerts.Upsert([acknowledged]);
            return new AlertActionOutcome(true,
                Reply($"Acknowledged: {name} ({RuleNames.Words(alert.RuleId)})", $"Thanks, {asker.DisplayName}. I won't remind anyone about it again unless it clears and fires anew."),
                Mark(original, acknowledged, name, AcknowledgedLine(acknowledged)), acknowledged);
        }

        if (kind == ActionKind.Handled) return AcknowledgedFollowUps.Handled(alerts, alert, name, asker, now);
        if (kind == ActionKind.HandOver) return AcknowledgedFollowUps.HandOver(alerts, alert, name, asker, handTo!, view.Portfolio.Owners, now);

        var until = SnoozeEnd(kind, account, now);
        if (until is null)
            return Refused($"{name} has no upcoming renewal date", "I can't snooze it until renewal; snooze it for 1 or 7 days instead.", alert, original);
        var snoozed = alert with
        {
            State = AlertState.Snoozed,
            SnoozedUntil = until,
            // The escalation clock restarts when the snooze ends: a snooze is an answer, not silence.
            CriticalNotifiedAt = null,
            History = [.. alert.History, new AlertEvent(now, $"snoozed until {Format.Instant(until.Value)}", By(asker), asker.Platform)],
        };
        alerts.Upsert([snoozed]);
        var snoozeLine = $"Snoozed until {Format.Instant(until.Value)} by {asker.DisplayName} ({asker.Platform})";
        return new AlertActionOutcome(true,
            Reply($"Snoozed: {name} ({RuleNames.Words(alert.RuleId)})", $"{snoozeLine}. I'll tell you again then if it still fires."),
            Mark(original, snoozed, name, snoozeLine), snoozed);
    }

    private DateTimeOffset? SnoozeEnd(ActionKind kind, Account? account, DateTimeOffset now)
    {
        if (kind == ActionKind.Snooze1Day) return now.AddDays(1);
        if (kind == ActionKind.Snooze7Days) return now.AddDays(7);
        // Until the start of the renewal day in the business zone: the CSM hears about it again on the day itself.
        if (account?.NextRenewalOn(clock.Today) is not { } renewal || renewal <= clock.Today) return null;
        var start = renewal.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, clock.Zone.GetUtcOffset(start)).ToUniversalTime();
    }

    private static string AcknowledgedLine(Alert alert) =>
        $"Acknowledged by {alert.AcknowledgedBy} at {Format.Instant(alert.AcknowledgedAt ?? alert.LastEvaluatedAt)} ({alert.AcknowledgedPlatform})";

    /// <summary>The original message with the alert's section marked and its buttons removed; unchanged when the alert is not in it.</summary>
    private static ChatMessage? Mark(ChatMessage? original, Alert alert, string accountName, string line)
    {
        if (original is null) return null;
        var heading = $"{accountName}: {RuleNames.Words(alert.RuleId)}";
        var found = false;
        var sections = original.Sections.Select(section =>
        {
            var isIt = section.Actions.Any(a => a.Value == alert.Id) || (section.Heading == heading && section.Account?.AccountId == alert.AccountId);
            if (!isIt) return section;
            found = true;
            var text = string.Join("\n", (section.Text ?? "").Split('\n').Where(l => !IsStatusLine(l)).Append(line));
            return section with { Text = text.TrimStart('\n'), Actions = [] };
        }).ToList();
        return found ? original with { Sections = sections } : original;
    }

    // A second action on the same message replaces the earlier status line rather than stacking them.
    private static bool IsStatusLine(string line) =>
        line.StartsWith("Acknowledged by ", StringComparison.Ordinal) || line.StartsWith("Snoozed until ", StringComparison.Ordinal) || line.StartsWith("Resolved at ", StringComparison.Ordinal);

    private static AlertActionOutcome Refused(string title, string text, Alert? alert, ChatMessage? updated) =>
        new(false, Reply(title, text), updated, alert);

    private static ChatMessage Reply(string title, string text) =>
        new() { Title = title, FallbackText = title, Sections = [new MessageSection { Text = text }] };

    private static string By(Asker asker) => asker.Email is { } email ? $"{asker.DisplayName} <{email}>" : asker.DisplayName;

    private static string Verb(ActionKind kind) => kind switch
    {
        ActionKind.Acknowledge => "acknowledge",
        ActionKind.Handled => "close",
        ActionKind.HandOver => "hand over",
        _ => "snooze",
    };

    /// <summary>
    /// Whoever an acknowledged alert was handed over to acts on it like its owner: they were asked to, by the owner
    /// or a manager (and only those may hand it over).
    /// </summary>
    private static bool HoldsIt(Alert alert, Asker asker) =>
        alert.State == AlertState.Acknowledged && asker.Email is { Length: > 0 } email
        && AcknowledgedFollowUps.HolderEmail(alert) is { } holder && holder.Equals(email, StringComparison.OrdinalIgnoreCase);
}
