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
    /// <summary>
    /// Months one contract term runs, e.g. 36 for a three-year contract; null when the CRM does not say. Annual
    /// contracts without it run 12 months. After a renewal the next renewal date is the last one plus the term, so
    /// it rolls forward without a CRM update (see <see cref="NextRenewalOn"/>).
    /// </summary>
    public int? ContractTermMonths { get; init; }
    public bool AutoRenew { get; init; }
    public int NoticePeriodDays { get; init; }
    public required Person Owner { get; init; }
    public Person? Manager { get; init; }
    /// <summary>Set when the account has churned; churned accounts are kept for metrics but not scored.</summary>
    public DateOnly? ChurnedOn { get; init; }

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (ChurnedOn is null || ChurnedOn > day);

    /// <summary>The contract term in months: <see cref="ContractTermMonths"/>, else 12 for annual contracts; null for monthly ones and multi-year ones of unknown term.</summary>
    public int? TermMonths => ContractKind == ContractKind.Monthly ? null : ContractTermMonths ?? (ContractKind == ContractKind.Annual ? 12 : null);

    /// <summary>
    /// The renewal date on or after <paramref name="day"/>: <see cref="RenewalDate"/> while it is still ahead, then
    /// rolled forward by whole terms, since a contract whose date passed while the account stayed a customer renewed.
    /// Without a known term, or once the account churned, it stays <see cref="RenewalDate"/>.
    /// </summary>
    public DateOnly? NextRenewalOn(DateOnly day)
    {
        if (RenewalDate is not { } renewal || renewal >= day || TermMonths is not { } term || ChurnedOn is not null) return RenewalDate;
        // Each date from the original one, so a renewal on the 31st stays on month ends rather than drifting.
        var terms = ((day.Year - renewal.Year) * 12 + day.Month - renewal.Month) / term;
        var next = renewal.AddMonths(terms * term);
        while (next < day) next = renewal.AddMonths(++terms * term);
        return next;
    }

    /// <summary>The last day the customer can give notice on an auto-renewing contract.</summary>
    public DateOnly? NoticeDeadline => AutoRenew && RenewalDate is { } renewal ? renewal.AddDays(-NoticePeriodDays) : null;

    /// <summary>The notice deadline of the renewal on or after <paramref name="day"/> (see <see cref="NextRenewalOn"/>).</summary>
    public DateOnly? NoticeDeadlineOn(DateOnly day) => AutoRenew && NextRenewalOn(day) is { } renewal ? renewal.AddDays(-NoticePeriodDays) : null;
}
