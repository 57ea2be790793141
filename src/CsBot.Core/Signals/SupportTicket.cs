namespace CsBot.Core.Signals;

public sealed record SupportTicket(string Id, string AccountId, TicketSeverity Severity, DateTimeOffset Opened, DateTimeOffset? Closed = null)
{
    public bool IsOpenAt(DateTimeOffset at) => Opened <= at && (Closed is null || Closed > at);
}
