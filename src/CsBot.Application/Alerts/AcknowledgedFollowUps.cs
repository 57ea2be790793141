using CsBot.Application.Asking;
using CsBot.Application.Notifications;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Rules;

namespace CsBot.Application.Alerts;

/// <summary>
/// What can follow an acknowledgement (the buttons of a nudge): "Handled" closes the alert by hand with a note, and
/// "Hand over" gives it to another CSM, who is then the one reminded. Both are recorded in the alert's history with
/// who and from where; access was decided by <see cref="AlertActionService"/> before either is reached.
/// </summary>
internal static class AcknowledgedFollowUps
{
    public static AlertActionOutcome Handled(IAlertStore alerts, Alert alert, string name, Asker asker, DateTimeOffset now)
    {
        var closed = alert with
        {
            State = AlertState.Resolved,
            ResolvedAt = now,
            SnoozedUntil = null,
            History = [.. alert.History, new AlertEvent(now, AlertStatusLines.Handled + ": closed by hand, the CSM dealt with it", By(asker), asker.Platform)],
        };
        alerts.Upsert([closed]);
        return new AlertActionOutcome(true,
            Reply($"Closed: {name} ({RuleNames.Words(alert.RuleId)})",
                $"Thanks, {asker.DisplayName}. I noted that you handled it; if the condition still holds at the next evaluation it fires anew."),
            null, closed);
    }

    public static AlertActionOutcome HandOver(IAlertStore alerts, Alert alert, string name, Asker asker, string email, IReadOnlyList<Person> csms, DateTimeOffset now)
    {
        var to = csms.FirstOrDefault(p => p.Email.Equals(email, StringComparison.OrdinalIgnoreCase));
        if (to is null)
            return new AlertActionOutcome(false, Reply("I can't hand it over", $"'{email}' is not a CSM I know; hand it to someone who owns accounts."), null, alert);
        if (HolderEmail(alert) is { } holder && holder.Equals(to.Email, StringComparison.OrdinalIgnoreCase))
            return new AlertActionOutcome(false, Reply($"{to.Name} already has it", $"{name} ({RuleNames.Words(alert.RuleId)}) is already with {to.Name}."), null, alert);
        var handed = alert with
        {
            State = AlertState.Acknowledged,
            SnoozedUntil = null,
            AcknowledgedBy = to.Name,
            AcknowledgedAt = now,
            AcknowledgedPlatform = asker.Platform,
            History = [.. alert.History, new AlertEvent(now, $"{AlertStatusLines.HandedOverTo}{to.Name} <{to.Email}>", By(asker), asker.Platform)],
        };
        alerts.Upsert([handed]);
        return new AlertActionOutcome(true,
            Reply($"Handed over: {name} ({RuleNames.Words(alert.RuleId)})", $"{to.Name} has it now; I'll remind them, not you, while it keeps firing."),
            null, handed);
    }

    /// <summary>Who holds an acknowledged alert now: the last to acknowledge it or to be handed it; null when no email was recorded.</summary>
    public static string? HolderEmail(Alert alert) => Holder(alert) is { } holder ? holder.Email : null;

    /// <summary>The holder's name and email (email may be null) and since when.</summary>
    public static (string Name, string? Email, DateTimeOffset Since)? Holder(Alert alert)
    {
        for (var i = alert.History.Count - 1; i >= 0; i--)
        {
            var e = alert.History[i];
            if (e.What.StartsWith(AlertStatusLines.HandedOverTo, StringComparison.Ordinal))
            {
                var who = e.What[AlertStatusLines.HandedOverTo.Length..];
                return (AlertStatusLines.NameOf(who), AlertStatusLines.EmailOf(who), e.At);
            }
            if (e.What == "acknowledged" && e.By is { } by) return (AlertStatusLines.NameOf(by), AlertStatusLines.EmailOf(by), e.At);
        }
        return null;
    }

    private static ChatMessage Reply(string title, string text) =>
        new() { Title = title, FallbackText = title, Sections = [new MessageSection { Text = text }] };

    private static string By(Asker asker) => asker.Email is { } email ? $"{asker.DisplayName} <{email}>" : asker.DisplayName;
}
