using CsBot.Application.ReadModel;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Application.Ingestion.Reading;

/// <summary>
/// The read side of the API: one account with its health and alerts, a filtered page of accounts, a metric over a
/// period. Answered from the read model questions use (<see cref="PortfolioView"/>), kept current after every write,
/// so a page costs a walk over memory rather than a read of the whole store.
/// </summary>
public sealed class PortfolioReader(PortfolioView view, MetricsCalculator calculator, MetricsOptions metrics)
{
    public const int MaxPageSize = 500;

    public AccountDetail? GetAccount(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        var account = view.Portfolio.FindByExternalId(externalId);
        if (account is null) return null;
        var open = view.Alerts.ForAccount(account.Id).Where(a => a.IsOpen).OrderByDescending(a => a.Severity).ThenBy(a => a.RuleId, StringComparer.Ordinal);
        return new AccountDetail(AccountView.Of(account, metrics.Currency), view.Scores.Latest.GetValueOrDefault(account.Id), [.. open.Select(AlertView.Of)]);
    }

    /// <summary>Accounts matching <paramref name="filter"/>, ordered by name then external id.</summary>
    public AccountPage ListAccounts(AccountFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.PageSize, MaxPageSize);

        var portfolio = view.Portfolio;
        var scores = view.Scores;
        var latest = scores.Latest;
        var alerts = view.Alerts;
        // The band filter reads an array by position; the score is looked up by id only for the page's rows.
        var bands = filter.Band is null ? null : view.Bands(portfolio, scores);
        var owner = string.IsNullOrWhiteSpace(filter.OwnerEmail) ? null : filter.OwnerEmail.Trim();
        var segment = string.IsNullOrWhiteSpace(filter.Segment) ? null : filter.Segment.Trim();
        // Walked in name order, counting every match but keeping only the page's rows.
        var skip = (long)(filter.Page - 1) * filter.PageSize;
        var total = 0;
        var items = new List<AccountSummary>(filter.PageSize);
        foreach (var at in portfolio.NameOrder)
        {
            var account = portfolio.Accounts[at];
            if (owner is not null && !string.Equals(account.Owner.Email, owner, StringComparison.OrdinalIgnoreCase)) continue;
            if (segment is not null && !string.Equals(account.Segment, segment, StringComparison.OrdinalIgnoreCase)) continue;
            if (bands is not null && bands.Band(at) != filter.Band) continue;
            if (total++ < skip || items.Count == filter.PageSize) continue;
            var score = latest.GetValueOrDefault(account.Id);
            items.Add(new AccountSummary(account.ExternalId, account.Id, account.Name, account.Segment, account.Owner.Name,
                account.Owner.Email, account.Mrr, score?.Score, score?.Band, alerts.ForAccount(account.Id).Count));
        }
        return new AccountPage([.. items], filter.Page, filter.PageSize, total);
    }

    public MetricView Metric(MetricKind metric, DateRange period, string? segment)
    {
        // The snapshot keeps each result, as for chat answers: a metric walks (and unpacks) every account.
        var portfolio = view.Portfolio;
        var current = portfolio.Metric(calculator, metric, period, segment);
        var previous = portfolio.Metric(calculator, metric, period.Previous(), segment);
        decimal? change = current.Value is { } now && previous.Value is { } before ? now - before : null;
        return new MetricView(metric, MetricNames.Name(metric), MetricNames.Description(metric), MetricNames.Unit(metric), metrics.Currency,
            current.Segment, MetricPeriodValue.Of(current), MetricPeriodValue.Of(previous), change);
    }
}
