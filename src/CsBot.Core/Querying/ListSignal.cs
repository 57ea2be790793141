namespace CsBot.Core.Querying;

/// <summary>
/// A warning sign a list question asks about ("accounts with open critical tickets", "detractors this month"). Each is
/// what one kind of churn-risk rule looks at, so a list by signal shows the accounts that rule flags.
/// </summary>
public enum ListSignal
{
    /// <summary>Unpaid invoices past their due date ("who is paying late").</summary>
    OverdueInvoices,
    /// <summary>Open critical support tickets.</summary>
    CriticalTickets,
    /// <summary>Nobody has logged in for a while.</summary>
    NoLogin,
    /// <summary>An NPS response of 0-6.</summary>
    NpsDetractor,
    /// <summary>Few of the licensed seats are used.</summary>
    LowSeatUtilization,
    /// <summary>Active users fell sharply against their baseline.</summary>
    UsageCliff,
    /// <summary>MRR contracted.</summary>
    Contraction,
    /// <summary>A renewal coming up while health is poor or average.</summary>
    RenewalAtRisk,
}
