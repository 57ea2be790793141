using CsBot.Core.Accounts;

namespace CsBot.Core.Signals;

/// <summary>
/// Everything known about one account: the input of scoring and rule evaluation, which are pure functions of it.
/// Usage is sorted by date ascending, at most one entry per day.
/// </summary>
public sealed record AccountSignals
{
    public required Account Account { get; init; }
    public UsageDay[] Usage { get; init; } = [];
    public IReadOnlyList<SupportTicket> Tickets { get; init; } = [];
    public IReadOnlyList<SurveyResponse> Surveys { get; init; } = [];
    public IReadOnlyList<Invoice> Invoices { get; init; } = [];
    public IReadOnlyList<RevenueEvent> RevenueEvents { get; init; } = [];
    public IReadOnlyList<RenewalOutcome> RenewalOutcomes { get; init; } = [];
}
