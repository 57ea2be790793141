using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;

namespace CsBot.Application.Ingestion.Reading;

/// <summary>An account as the read API shows it: CRM fields, with money in <see cref="Currency"/>.</summary>
public sealed record AccountView(
    string ExternalId, string Id, string Name, IReadOnlyList<string> Aliases, string? Domain, string Segment, string Plan,
    decimal Mrr, string Currency, ContractKind ContractKind, DateOnly StartDate, DateOnly? RenewalDate, bool AutoRenew,
    int NoticePeriodDays, Person Owner, Person? Manager, DateOnly? ChurnedOn)
{
    /// <summary>Months one contract term runs, as sent; null when not sent.</summary>
    public int? ContractTermMonths { get; init; }

    public static AccountView Of(Account a, string currency) => new(
        a.ExternalId, a.Id, a.Name, a.Aliases, a.Domain, a.Segment, a.Plan, a.Mrr, currency, a.ContractKind, a.StartDate,
        a.RenewalDate, a.AutoRenew, a.NoticePeriodDays, a.Owner, a.Manager, a.ChurnedOn) { ContractTermMonths = a.ContractTermMonths };
}

/// <summary>An open alert, without its internal history.</summary>
public sealed record AlertView(string Id, string RuleId, Severity Severity, AlertState State, string Reason, DateTimeOffset FirstFiredAt, DateTimeOffset LastEvaluatedAt)
{
    public static AlertView Of(Alert a) => new(a.Id, a.RuleId, a.Severity, a.State, a.Reason, a.FirstFiredAt, a.LastEvaluatedAt);
}

/// <summary>One account with its current health (null before its first scoring) and its open alerts.</summary>
public sealed record AccountDetail(AccountView Account, HealthScore? Health, IReadOnlyList<AlertView> OpenAlerts);

/// <summary>One line of the account list.</summary>
public sealed record AccountSummary(string ExternalId, string Id, string Name, string Segment, string OwnerName, string OwnerEmail, decimal Mrr, int? Score, HealthBand? Band, int OpenAlerts);

/// <summary>A page of the account list; <see cref="Total"/> counts every match, not just this page.</summary>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Page, int PageSize, int Total);

/// <summary>Filters of the account list; null filters match everything.</summary>
public sealed record AccountFilter(HealthBand? Band = null, string? OwnerEmail = null, string? Segment = null, int Page = 1, int PageSize = 50);
