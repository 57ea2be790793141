namespace CsBot.Core;

/// <summary>How urgent a rule hit, alert or message is. Ordered: a higher value is more urgent.</summary>
public enum Severity
{
    Info,
    Warning,
    High,
    Critical,
}
