using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Core.Tests.Builders;

/// <summary>
/// Builds one account's signals relative to a fixed "as of" day, for scoring and rule tests:
/// <c>new ScoringSignalsBuilder().DailyUsage(35, active: 20, seats: 50).Nps(9, daysAgo: 3).Build()</c>.
/// </summary>
public sealed class ScoringSignalsBuilder
{
    public static readonly DateOnly AsOf = new(2026, 11, 26);

    private readonly SortedDictionary<DateOnly, UsageDay> _usage = [];
    private readonly List<SupportTicket> _tickets = [];
    private readonly List<SurveyResponse> _surveys = [];
    private readonly List<Invoice> _invoices = [];
    private readonly List<RevenueEvent> _revenue = [];
    private decimal _mrr = 10_000m;
    private DateOnly? _renewal;
    private DateOnly? _churnedOn;
    private int _ids;

    public static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    /// <summary>One usage row per day for the <paramref name="days"/> days ending <paramref name="endDaysAgo"/> days before AsOf.</summary>
    public ScoringSignalsBuilder DailyUsage(int days, int active, int seats = 50, int logins = 0, int endDaysAgo = 0)
    {
        for (var i = 0; i < days; i++)
        {
            var date = DaysAgo(endDaysAgo + i);
            _usage[date] = new UsageDay(date, active, active, seats, logins, 0);
        }
        return this;
    }

    /// <summary>28 baseline days at <paramref name="baseline"/> active users, then the last 7 days at <paramref name="recent"/>.</summary>
    public ScoringSignalsBuilder UsageTrend(int baseline, int recent, int seats = 50) =>
        DailyUsage(28, baseline, seats, endDaysAgo: 7).DailyUsage(7, recent, seats);

    public ScoringSignalsBuilder UsageOn(DateOnly date, int active, int seats = 50, int logins = 0)
    {
        _usage[date] = new UsageDay(date, active, active, seats, logins, 0);
        return this;
    }

    public ScoringSignalsBuilder Ticket(TicketSeverity severity, int openedDaysAgo, int? closedDaysAgo = null)
    {
        var opened = new DateTimeOffset(DaysAgo(openedDaysAgo).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        DateTimeOffset? closed = closedDaysAgo is { } c ? new DateTimeOffset(DaysAgo(c).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero) : null;
        _tickets.Add(new SupportTicket($"T-{++_ids}", "acc-1", severity, opened, closed));
        return this;
    }

    public ScoringSignalsBuilder Nps(int score, int daysAgo, string? respondent = null)
    {
        _surveys.Add(new SurveyResponse($"S-{++_ids}", "acc-1", SurveyKind.Nps, score, DaysAgo(daysAgo), respondent));
        return this;
    }

    public ScoringSignalsBuilder Csat(int score, int daysAgo)
    {
        _surveys.Add(new SurveyResponse($"S-{++_ids}", "acc-1", SurveyKind.Csat, score, DaysAgo(daysAgo)));
        return this;
    }

    public ScoringSignalsBuilder Invoice(string id, decimal amount, int dueDaysAgo, int? paidDaysAgo = null)
    {
        var due = DaysAgo(dueDaysAgo);
        _invoices.Add(new Invoice(id, "acc-1", amount, due.AddDays(-30), due, paidDaysAgo is { } p ? DaysAgo(p) : null));
        return this;
    }

    public ScoringSignalsBuilder Revenue(RevenueEventKind kind, decimal delta, int daysAgo)
    {
        _revenue.Add(new RevenueEvent($"R-{++_ids}", "acc-1", kind, delta, DaysAgo(daysAgo)));
        return this;
    }

    public ScoringSignalsBuilder Mrr(decimal mrr)
    {
        _mrr = mrr;
        return this;
    }

    public ScoringSignalsBuilder RenewsOn(DateOnly renewal)
    {
        _renewal = renewal;
        return this;
    }

    public ScoringSignalsBuilder ChurnedOn(DateOnly day)
    {
        _churnedOn = day;
        return this;
    }

    public AccountSignals Build() => new()
    {
        Account = new Account
        {
            Id = "acc-1",
            ExternalId = "crm-1",
            Name = "Acme",
            Mrr = _mrr,
            StartDate = AsOf.AddYears(-2),
            RenewalDate = _renewal,
            ChurnedOn = _churnedOn,
            Owner = new Person("Jane Owner", "jane.owner@example.com"),
        },
        Usage = [.. _usage.Values],
        Tickets = [.. _tickets],
        Surveys = [.. _surveys],
        Invoices = [.. _invoices],
        RevenueEvents = [.. _revenue],
    };
}
