namespace CsBot.Core.Scoring;

/// <summary>The signals a health score is built from. Each has a weight and a curve in configuration.</summary>
public enum HealthComponentKind
{
    /// <summary>Average daily active users over the last 7 days vs the 28 days before, as a % change.</summary>
    UsageTrend,
    /// <summary>Average daily active users over the last 7 days / licensed seats, in %.</summary>
    SeatUtilization,
    /// <summary>Logins per licensed seat per week over the last 28 days.</summary>
    LoginFrequency,
    /// <summary>Open tickets weighted by severity (low 1, medium 2, high 4, critical 8) and age (x (1 + days open / 30)).</summary>
    SupportBurden,
    /// <summary>The account's NPS (%promoters - %detractors) over the component window (default 180 days).</summary>
    Nps,
    /// <summary>Average CSAT (1-5) over the component window (default 180 days).</summary>
    Csat,
    /// <summary>Worst days overdue among invoices due in the component window (default 365 days); open ones count to today.</summary>
    PaymentTimeliness,
}
