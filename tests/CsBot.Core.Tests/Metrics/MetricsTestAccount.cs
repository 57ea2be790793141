using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;

namespace CsBot.Core.Tests.Metrics;

/// <summary>Builds the signals of one account for metric tests, with only what the metrics read.</summary>
internal sealed class MetricsTestAccount(string id, string segment = "SMB")
{
    /// <summary>Q3 2026, the period most tests use.</summary>
    public static readonly DateRange Q3 = new(D(2026, 7, 1), D(2026, 9, 30));
    /// <summary>A day well before <see cref="Q3"/>, when starting accounts were signed.</summary>
    public static readonly DateOnly LongAgo = D(2025, 1, 15);

    private readonly List<RevenueEvent> _revenue = [];
    private readonly List<SurveyResponse> _surveys = [];
    private readonly List<RenewalOutcome> _renewals = [];
    private readonly List<UsageDay> _usage = [];
    private DateOnly _start = LongAgo;
    private DateOnly? _churnedOn;

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public MetricsTestAccount Revenue(RevenueEventKind kind, decimal delta, DateOnly date)
    {
        _revenue.Add(new RevenueEvent($"{id}-rev-{_revenue.Count}", id, kind, delta, date));
        return this;
    }

    /// <summary>A new logo with <paramref name="mrr"/>; the account starts that day.</summary>
    public MetricsTestAccount New(decimal mrr, DateOnly? on = null)
    {
        _start = on ?? LongAgo;
        return Revenue(RevenueEventKind.New, mrr, _start);
    }

    public MetricsTestAccount Expand(decimal by, DateOnly on) => Revenue(RevenueEventKind.Expansion, by, on);
    public MetricsTestAccount Contract(decimal by, DateOnly on) => Revenue(RevenueEventKind.Contraction, -by, on);
    public MetricsTestAccount Reactivate(decimal mrr, DateOnly on)
    {
        _churnedOn = null;
        return Revenue(RevenueEventKind.Reactivation, mrr, on);
    }

    /// <summary>Churns the account's whole MRR at the time.</summary>
    public MetricsTestAccount Churn(DateOnly on)
    {
        var mrr = _revenue.Where(e => e.Date < on).Sum(e => e.MrrDelta);
        _churnedOn = on;
        return Revenue(RevenueEventKind.Churn, -mrr, on);
    }

    public MetricsTestAccount Survey(SurveyKind kind, int score, DateOnly on)
    {
        _surveys.Add(new SurveyResponse($"{id}-survey-{_surveys.Count}", id, kind, score, on));
        return this;
    }

    public MetricsTestAccount Surveys(SurveyKind kind, int score, int count, DateOnly on)
    {
        for (var i = 0; i < count; i++)
            Survey(kind, score, on);
        return this;
    }

    public MetricsTestAccount Renewal(DateOnly on, RenewalResult result, decimal mrrBefore = 1_000m)
    {
        var after = result == RenewalResult.Renewed ? mrrBefore : 0m;
        _renewals.Add(new RenewalOutcome($"{id}-renewal-{_renewals.Count}", id, on, result, mrrBefore, after));
        return this;
    }

    /// <summary>The same usage every day from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public MetricsTestAccount Usage(DateOnly from, DateOnly to, int dau, int mau, int seats, int keyFeatureUses)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            _usage.Add(new UsageDay(day, dau, mau, seats, Logins: dau, keyFeatureUses));
        return this;
    }

    public MetricsTestAccount ChurnedOn(DateOnly day)
    {
        _churnedOn = day;
        return this;
    }

    public AccountSignals Build() => new()
    {
        Account = new Account
        {
            Id = id,
            ExternalId = $"crm-{id}",
            Name = $"Account {id}",
            Segment = segment,
            Mrr = _revenue.Sum(e => e.MrrDelta),
            StartDate = _start,
            ChurnedOn = _churnedOn,
            Owner = new Person("Casey Owner", "casey@example.com"),
        },
        RevenueEvents = [.. _revenue],
        Surveys = [.. _surveys],
        RenewalOutcomes = [.. _renewals],
        Usage = [.. _usage.OrderBy(u => u.Date)],
    };
}
