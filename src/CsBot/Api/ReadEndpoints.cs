using System.Globalization;
using CsBot.Application.Ingestion.Reading;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Host.Api;

/// <summary>GET /api/v1/accounts/{externalId}, /api/v1/accounts (filtered, paged) and /api/v1/metrics/{metric}.</summary>
public static class ReadEndpoints
{
    public static RouteGroupBuilder MapReadEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{externalId}", (string externalId, PortfolioReader reader) =>
                reader.GetAccount(externalId) is { } detail
                    ? Results.Ok(detail)
                    : Results.Problem(title: "No such account", detail: $"No account has external id '{externalId}'.", statusCode: StatusCodes.Status404NotFound))
            .Produces<AccountDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One account with its current health, breakdown and open alerts.");

        api.MapGet("/accounts", (string? band, string? owner, string? segment, string? page, string? pageSize, PortfolioReader reader) =>
            {
                var errors = new List<string>();
                HealthBand? parsedBand = null;
                if (!string.IsNullOrWhiteSpace(band))
                {
                    if (Enum.TryParse<HealthBand>(band, ignoreCase: true, out var b) && !int.TryParse(band, out _)) parsedBand = b;
                    else errors.Add($"band '{band}' is not one of {string.Join(", ", Enum.GetNames<HealthBand>())}.");
                }
                var pageNumber = Whole(page, "page", 1, 1, int.MaxValue / PortfolioReader.MaxPageSize, errors);
                var size = Whole(pageSize, "pageSize", 50, 1, PortfolioReader.MaxPageSize, errors);
                if (errors.Count > 0) return Results.Problem(title: "Invalid query", detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
                return Results.Ok(reader.ListAccounts(new AccountFilter(parsedBand, owner, segment, pageNumber, size)));
            })
            .Produces<AccountPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Accounts filtered by band, owner email and segment, ordered by name, with the total count.");

        api.MapGet("/metrics/{metric}", (string metric, string? from, string? to, string? segment, PortfolioReader reader, BusinessClock clock) =>
            {
                var errors = new List<string>();
                if (!MetricNameParser.TryParse(metric, out var kind))
                    errors.Add($"'{metric}' is not a metric; use one of {string.Join(", ", MetricNameParser.Known())} (or the full names, e.g. NetRevenueRetention).");
                var start = Day(from, "from", errors);
                var end = Day(to, "to", errors);
                if (start is { } s && end is { } e && e < s) errors.Add($"to {e:yyyy-MM-dd} is before from {s:yyyy-MM-dd}.");
                if (errors.Count > 0) return Results.Problem(title: "Invalid metric query", detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
                return Results.Ok(reader.Metric(kind, new DateRange(start!.Value, end!.Value), segment));
            })
            .Produces<MetricView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("A customer-success metric over a period, with formula, inputs and the previous period.");
        return api;
    }

    private static int Whole(string? text, string name, int fallback, int min, int max, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add($"{name} '{text}' must be a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>
    /// Periods are compared with the period before them, so the dates keep well inside what a date can hold; no
    /// customer data predates 1900 or needs a period past 2200.
    /// </summary>
    private static readonly DateOnly EarliestDay = new(1900, 1, 1), LatestDay = new(2200, 12, 31);

    private static DateOnly? Day(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{name} is required, as yyyy-MM-dd.");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add($"{name} '{text}' is not a date; use yyyy-MM-dd.");
            return null;
        }
        if (day >= EarliestDay && day <= LatestDay) return day;
        errors.Add($"{name} {text} is outside the supported range; use a date from {EarliestDay:yyyy-MM-dd} to {LatestDay:yyyy-MM-dd}.");
        return null;
    }
}
