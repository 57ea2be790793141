namespace CsBot.Core.Signals;

public enum TicketSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
