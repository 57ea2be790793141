namespace CsBot.Core.Signals;

public enum RevenueEventKind
{
    New,
    Expansion,
    Contraction,
    Churn,
    Reactivation,
}
