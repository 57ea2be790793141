namespace CsBot.Core.Alerts;

public enum AlertState
{
    Firing,
    Notified,
    Acknowledged,
    Snoozed,
    Resolved,
}
