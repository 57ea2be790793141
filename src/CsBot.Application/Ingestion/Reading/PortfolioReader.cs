using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;

namespace CsBot.Application.Ingestion.Reading;

/// <summary>The read side of the API: one account with its health and alerts, a filtered page of accounts, a metric over a period.</summary>
public sealed class PortfolioReader(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, MetricsCalculator calculator, MetricsOptions metrics)
{
    public const int MaxPageSize = 500;

    public AccountDetail? GetAccount(string externalId)
    {
        var account = portfolio.FindByExternalId(externalId);
        if (account is null) return null;
        var open = alerts.GetForAccount(account.Id).Where(a => a.IsOpen).OrderByDescending(a => a.Severity).ThenBy(a => a.RuleId, StringComparer.Ordinal);
        return new AccountDetail(AccountView.Of(account, metrics.Currency), scores.GetLatest(account.Id), [.. open.Select(AlertView.Of)]);
    }

    /// <summary>Accounts matching <paramref name="filter"/>, ordered by name then external id.</summary>
    public AccountPage ListAccounts(AccountFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.PageSize, MaxPageSize);

        var latest = scores.GetAllLatest();
        var openCounts = alerts.GetOpen().GroupBy(a => a.AccountId).ToDictionary(g => g.Key, g => g.Count());
        var matches = portfolio.GetAccounts()
            .Select(a => (Account: a, Score: latest.GetValueOrDefault(a.Id)))
            .Where(x => filter.Band is null || x.Score?.Band == filter.Band)
            .Where(x => string.IsNullOrWhiteSpace(filter.OwnerEmail) || string.Equals(x.Account.Owner.Email, filter.OwnerEmail.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(x => string.IsNullOrWhiteSpace(filter.Segment) || string.Equals(x.Account.Segment, filter.Segment.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Account.Name, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Account.ExternalId, StringComparer.Ordinal)
            .ToList();
        var items = matches
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(x => new AccountSummary(x.Account.ExternalId, x.Account.Id, x.Account.Name, x.Account.Segment, x.Account.Owner.Name,
                x.Account.Owner.Email, x.Account.Mrr, x.Score?.Score, x.Score?.Band, openCounts.GetValueOrDefault(x.Account.Id)));
        return new AccountPage([.. items], filter.Page, filter.PageSize, matches.Count);
    }

    public MetricView Metric(MetricKind metric, DateRange period, string? segment)
    {
        var signals = portfolio.LoadAllSignals().ToList();
        var current = calculator.Compute(metric, signals, period, segment);
        var previous = calculator.Compute(metric, signals, period.Previous(), segment);
        decimal? change = current.Value is { } now && previous.Value is { } before ? now - before : null;
        return new MetricView(metric, MetricNames.Name(metric), MetricNames.Description(metric), MetricNames.Unit(metric), metrics.Currency,
            current.Segment, MetricPeriodValue.Of(current), MetricPeriodValue.Of(previous), change);
    }
}
