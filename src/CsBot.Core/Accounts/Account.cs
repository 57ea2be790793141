namespace CsBot.Core.Accounts;

/// <summary>A customer account as the CRM knows it. Money is monthly recurring revenue in the configured currency.</summary>
public sealed record Account
{
    public required string Id { get; init; }
    public required string ExternalId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Domain { get; init; }
    /// <summary>Segment or tier, e.g. "Enterprise", "Mid-Market", "SMB". Used for channel routing and metric filters.</summary>
    public string Segment { get; init; } = "SMB";
    public string Plan { get; init; } = "";
    public decimal Mrr { get; init; }
    public decimal Arr => Mrr * 12m;
    public ContractKind ContractKind { get; init; } = ContractKind.Annual;
    public DateOnly StartDate { get; init; }
    /// <summary>Next renewal date; null for monthly contracts that simply roll over.</summary>
    public DateOnly? RenewalDate { get; init; }
    public bool AutoRenew { get; init; }
    public int NoticePeriodDays { get; init; }
    public required Person Owner { get; init; }
    public Person? Manager { get; init; }
    /// <summary>Set when the account has churned; churned accounts are kept for metrics but not scored.</summary>
    public DateOnly? ChurnedOn { get; init; }

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (ChurnedOn is null || ChurnedOn > day);

    /// <summary>The last day the customer can give notice on an auto-renewing contract.</summary>
    public DateOnly? NoticeDeadline => AutoRenew && RenewalDate is { } renewal ? renewal.AddDays(-NoticePeriodDays) : null;
}
