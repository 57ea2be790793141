namespace CsBot.Core.Rules;

/// <summary>The kinds of churn-risk rule. Which rules exist, with which parameters, is configuration.</summary>
public enum RuleKind
{
    /// <summary>Health score below <c>Threshold</c>.</summary>
    HealthBelow,
    /// <summary>Health fell by at least <c>Points</c> over the last <c>Days</c> days.</summary>
    HealthDrop,
    /// <summary>Average active users over the last <c>RecentDays</c> (7) fell at least <c>Percent</c>% vs the <c>BaselineDays</c> (28) before.</summary>
    UsageDrop,
    /// <summary>Active users / licensed seats (7-day average) below <c>Percent</c>%.</summary>
    SeatUtilizationBelow,
    /// <summary>No login for at least <c>Days</c> days.</summary>
    NoLogin,
    /// <summary>An NPS response of 0-6 in the last <c>Days</c> days.</summary>
    NpsDetractor,
    /// <summary>Average CSAT over the last <c>Days</c> days below <c>Threshold</c>.</summary>
    CsatBelow,
    /// <summary>An unpaid invoice more than <c>Days</c> days past due.</summary>
    InvoiceOverdue,
    /// <summary>At least <c>Count</c> open critical tickets.</summary>
    OpenCriticalTickets,
    /// <summary>Renewal within <c>Days</c> days while the health band is one of <c>Bands</c> (default Poor, Average).</summary>
    RenewalAtRisk,
    /// <summary>Contraction of at least <c>Percent</c>% of MRR within the last <c>Days</c> days.</summary>
    Contraction,
    /// <summary>The churn model's predicted probability of churn (or a deep contraction) is at least <c>Percent</c>%. Fires only while a model that passed its gate is in use.</summary>
    PredictedChurnAbove,
}
