using CsBot.Core.Accounts;

namespace CsBot.DemoData.Internal;

/// <summary>Everything decided about one account before its signals are simulated.</summary>
internal sealed record AccountPlan
{
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required string[] Aliases { get; init; }
    public required string Domain { get; init; }
    public required string Segment { get; init; }
    public required string PlanName { get; init; }
    public required DemoScenarioKind Kind { get; init; }
    public required Person Owner { get; init; }

    public required ContractKind Contract { get; init; }
    /// <summary>Length of one contract term in months: 1 for monthly, 12 for annual, 24 or 36 for multi-year.</summary>
    public required int TermMonths { get; init; }
    public required DateOnly StartDate { get; init; }
    public DateOnly? ChurnedOn { get; init; }
    public required bool AutoRenew { get; init; }
    public required int NoticePeriodDays { get; init; }

    public required decimal StartMrr { get; init; }
    public required int StartSeats { get; init; }

    /// <summary>Target 7-day average of active users / licensed seats.</summary>
    public required double Utilization { get; init; }
    public required double LoginsPerActiveUser { get; init; }
    public required double KeyFeatureUsesPerActiveUser { get; init; }
    /// <summary>MAU as a multiple of average DAU.</summary>
    public required double MauRatio { get; init; }

    /// <summary>Whether random mid-term expansions and renewal up/downsells are drawn (off for tightly scripted accounts).</summary>
    public bool RandomRevenueChanges { get; init; } = true;

    /// <summary>The hidden churn risk shaping the account's signals; null for scripted scenarios (their story is the script).</summary>
    public LatentRisk? Risk { get; init; }
    /// <summary>Days before its churn over which a leaving customer's usage fades (0: used to the last day).</summary>
    public int WindDownDays { get; init; }

    // Scenario knobs; only the scenario's own are read.
    public double CliffFactor { get; init; } = 0.4;
    public int DarkDays { get; init; } = 18;
    public double ContractionShare { get; init; } = 0.3;
    public DateOnly? ContractionDate { get; init; }
    /// <summary>Invoices due on or after this day (and already due) stay unpaid.</summary>
    public DateOnly? UnpaidDueFrom { get; init; }
    public int DetractorDaysAgo { get; init; } = 9;
    public int DetractorScore { get; init; } = 3;
    public int[] CriticalTicketDaysAgo { get; init; } = [3, 1];

    public string Id => $"acc-{Number:D4}";
    public string ExternalId => $"CRM-{10000 + Number}";
}
