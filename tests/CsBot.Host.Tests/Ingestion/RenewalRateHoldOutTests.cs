using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Application.Asking;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Ingestion;

/// <summary>
/// A 40-account portfolio sent through /api/v1 over HTTP, then the renewal rate for several periods: first with no
/// renewal outcomes sent (all derived from revenue data), then with outcomes sent for some periods. Today is fixed
/// at 2026-12-01. The portfolio, all started 2025-06-01 at 1,000 MRR unless said otherwise:
/// <list type="bullet">
/// <item>12 annual contracts renewing in Q1 2026 that kept paying: 11 weekly from 2026-01-01 (the quarter's first
/// day) and one on 2026-03-31 (its last day).</item>
/// <item>4 annual contracts renewing in Q1 2026 that churned on, 1, 10 and 30 days after their renewal date (churn
/// events only: the CRM sends no churnedOn).</item>
/// <item>2 annual contracts renewing in Q1 2026 that churned in October 2025, before coming due.</item>
/// <item>2 annual contracts renewing in Q2 2026 at 600 instead of 1,000 MRR (a contraction on the renewal date).</item>
/// <item>6 monthly contracts with renewal dates in Q1 2026: not renewals.</item>
/// <item>4 three-year contracts (contractTermMonths 36) whose CRM date, 2024-03-15, was never updated: next due 2027-03-15.</item>
/// <item>10 annual contracts renewing in Q3 2026; 2 of them churned 5 days after.</item>
/// </list>
/// So Q1 2026: 12 of 16 renewed (75.0%); Q2: 2 of 2, both downgraded; Q3: 8 of 10 (80.0%); H1: 14 of 18 (77.8%).
/// </summary>
public sealed class RenewalRateHoldOutTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private const string WrongReason = "No contracts came up for renewal in the period";

    private readonly CsBotHost _host = ApiHost.CreateAt(Now);
    private readonly HttpClient _client;

    public RenewalRateHoldOutTests() => _client = _host.Client(ApiHost.WriteKey);

    public void Dispose() => _host.Dispose();

    private sealed record Contract(string Id, string Kind, string Renewal, int? Term = null, string Start = "2025-06-01", (string Kind, decimal Delta, string Date)[]? Events = null);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<Contract> Portfolio()
    {
        var q1 = new DateOnly(2026, 1, 1);
        var list = new List<Contract>();
        for (var i = 0; i < 11; i++) list.Add(new($"R{i:D2}", "Annual", Day(q1.AddDays(7 * i))));
        list.Add(new("R11", "Annual", "2026-03-31"));
        foreach (var (after, n) in new[] { (0, 0), (1, 1), (10, 2), (30, 3) })
        {
            var renewal = new DateOnly(2026, 2, 10).AddDays(n);
            list.Add(new($"C{n}", "Annual", Day(renewal), Events: [("Churn", -1_000m, Day(renewal.AddDays(after)))]));
        }
        for (var i = 0; i < 2; i++) list.Add(new($"E{i}", "Annual", "2026-02-01", Events: [("Churn", -1_000m, "2025-10-01")]));
        for (var i = 0; i < 2; i++) list.Add(new($"D{i}", "Annual", $"2026-05-1{i}", Events: [("Contraction", -400m, $"2026-05-1{i}")]));
        for (var i = 0; i < 6; i++) list.Add(new($"M{i}", "Monthly", $"2026-0{1 + i % 3}-15"));
        for (var i = 0; i < 4; i++) list.Add(new($"Y{i}", "MultiYear", "2024-03-15", Term: 36, Start: "2021-03-15"));
        for (var i = 0; i < 10; i++)
        {
            var renewal = new DateOnly(2026, 7, 6).AddDays(8 * i);
            list.Add(new($"Q{i}", "Annual", Day(renewal), Events: i < 2 ? [("Churn", -1_000m, Day(renewal.AddDays(5)))] : null));
        }
        return list;
    }

    private async Task SendPortfolio()
    {
        var portfolio = Portfolio();
        Assert.Equal(40, portfolio.Count);
        var accounts = portfolio.Select(c => new
        {
            externalId = c.Id, name = "Account " + c.Id, segment = "Enterprise", mrr = 1_000m, contractKind = c.Kind, startDate = c.Start,
            renewalDate = c.Renewal, contractTermMonths = c.Term, owner = new { name = "Dana Whitfield", email = "dana@example.com" },
        });
        var events = portfolio.SelectMany(c => new[] { (Kind: "New", Delta: 1_000m, Date: c.Start) }.Concat(c.Events ?? [])
            .Select((e, n) => new { externalId = $"{c.Id}-{n}", accountExternalId = c.Id, kind = e.Kind, mrrDelta = e.Delta, date = e.Date }));
        await _client.PostOk("/api/v1/accounts", accounts);
        await _client.PostOk("/api/v1/revenue-events", events);
    }

    private async Task<JsonElement> Rate(string from, string to) =>
        (await (await _client.GetAsync($"/api/v1/metrics/renewal-rate?from={from}&to={to}")).Json()).GetProperty("current");

    private static decimal Input(JsonElement current, string name) =>
        current.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name).GetProperty("value").GetDecimal();

    [Fact]
    public async Task Without_sent_outcomes_the_rate_is_derived_for_each_period_with_its_inputs_and_the_contracts_named()
    {
        await SendPortfolio();

        var q1 = await Rate("2026-01-01", "2026-03-31");
        var q2 = await Rate("2026-04-01", "2026-06-30");
        var q3 = await Rate("2026-07-01", "2026-09-30");
        var h1 = await Rate("2026-01-01", "2026-06-30");
        var q1Next = await Rate("2027-01-01", "2027-03-31");
        var march2027 = await Rate("2027-03-01", "2027-03-31");

        Assert.Equal(75.0m, q1.GetProperty("value").GetDecimal());
        Assert.Equal("Renewal rate 75.0% = renewed 12 / up for renewal 16", q1.GetProperty("formula").GetString());
        Assert.Equal((12m, 4m, 16m, 16_000m, 12_000m, 0m, 16m),
            (Input(q1, "renewed"), Input(q1, "not renewed"), Input(q1, "up for renewal"), Input(q1, "MRR up for renewal"), Input(q1, "MRR after renewal"),
             Input(q1, "outcomes sent"), Input(q1, "outcomes derived")));
        var note = q1.GetProperty("note").GetString()!;
        Assert.StartsWith("12 renewed of 16 due. No renewal outcomes were sent for these contracts, so all were derived from the account data.", note);
        Assert.Contains("Account R00 (2026-01-01: renewed)", note);
        Assert.Contains("Account C1 (2026-02-11: not renewed, churned 2026-02-12)", note);
        Assert.Contains("and 6 more", note);
        Assert.DoesNotContain("Account M", note);
        Assert.DoesNotContain("Account E", note);
        Assert.DoesNotContain("Account Y", note);

        Assert.Equal((100.0m, 2m, 2_000m, 1_200m), (q2.GetProperty("value").GetDecimal(), Input(q2, "of which downgraded"), Input(q2, "MRR up for renewal"), Input(q2, "MRR after renewal")));
        Assert.Equal(80.0m, q3.GetProperty("value").GetDecimal());
        Assert.Equal("Renewal rate 77.8% = renewed 14 / up for renewal 18", h1.GetProperty("formula").GetString());

        // Q1 2027 has not started: the three-year contracts and the rolled-forward annual ones come due later in it.
        Assert.Equal(JsonValueKind.Null, q1Next.GetProperty("value").ValueKind);
        Assert.StartsWith("No contract has come up for renewal in the period yet; 16 contracts come due later in it: Account R00 (2027-01-01),", q1Next.GetProperty("note").GetString());
        // The three-year contracts come due in March 2027 only, not every March.
        Assert.Equal("No contract has come up for renewal in the period yet; 7 contracts come due later in it: Account R09 (2027-03-05), Account R10 (2027-03-12), " +
                     "Account Y0 (2027-03-15), Account Y1 (2027-03-15), Account Y2 (2027-03-15), Account Y3 (2027-03-15), Account R11 (2027-03-31).",
            march2027.GetProperty("note").GetString());
        Assert.DoesNotContain("Account Y", (await Rate("2026-03-01", "2026-03-31")).GetProperty("note").GetString());
        var renewals = _host.Services.GetRequiredService<AskService>().Ask("renewals in March 2027", Asker.Local());
        Assert.StartsWith("7 renewals in March 2027", renewals.Title);
        Assert.Contains(renewals.Sections, r => r.Heading == "Account Y0 renews 2027-03-15 (in 104 days)");
        Assert.Contains(renewals.Sections, r => r.Heading == "Account R11 renews 2027-03-31 (in 120 days)");
        var health = _host.Services.GetRequiredService<AskService>().Ask("health of Account Y0", Asker.Local());
        Assert.Contains(health.Sections.SelectMany(x => x.Fields), f => f.Value.StartsWith("2027-03-15 (104 days", StringComparison.Ordinal));
        Assert.DoesNotContain(WrongReason, q1Next.GetProperty("note").GetString());
        Assert.Equal(new DateOnly(2026, 2, 10), _host.Services.GetRequiredService<IPortfolioStore>().FindByExternalId("C0")!.ChurnedOn);
    }

    [Fact]
    public async Task Sent_outcomes_win_where_present_a_resend_changes_nothing_and_the_chat_answer_says_which_were_used()
    {
        await SendPortfolio();
        var q1Outcomes = Portfolio().Where(c => c.Id[0] is 'R' or 'C').Select(c => new
        {
            accountExternalId = c.Id, renewalDate = c.Renewal,
            outcome = c.Id[0] == 'C' ? "Churned" : c.Id == "R00" ? "Downgraded" : "Renewed",
            mrrBefore = 1_000m, mrrAfter = c.Id[0] == 'C' ? 0m : c.Id == "R00" ? 700m : 1_000m,
        }).ToList();
        var q3Outcomes = Portfolio().Where(c => c.Id[0] == 'Q').Take(7).Select(c => new
        {
            accountExternalId = c.Id, renewalDate = c.Renewal, outcome = c.Id is "Q0" or "Q1" ? "Churned" : "Renewed",
            mrrBefore = 1_000m, mrrAfter = c.Id is "Q0" or "Q1" ? 0m : 1_000m,
        }).ToList();

        var sent = await _client.PostOk("/api/v1/renewal-outcomes", q1Outcomes.Cast<object>().Concat(q3Outcomes));
        var q1 = await Rate("2026-01-01", "2026-03-31");
        var resent = await _client.PostOk("/api/v1/renewal-outcomes", q1Outcomes.Cast<object>().Concat(q3Outcomes));
        var q1Again = await Rate("2026-01-01", "2026-03-31");
        var q3 = await Rate("2026-07-01", "2026-09-30");
        var answer = _host.Services.GetRequiredService<AskService>().Ask("renewal rate in Q3 2026", Asker.Local());

        Assert.Equal(23, sent.GetProperty("inserted").GetInt32());
        Assert.Equal((0, 0, 23, 0), (resent.GetProperty("inserted").GetInt32(), resent.GetProperty("updated").GetInt32(),
            resent.GetProperty("unchanged").GetInt32(), resent.GetProperty("accountsRescored").GetInt32()));
        Assert.Equal("12 renewed of 16 due (1 downgraded). From the renewal outcomes sent.", q1.GetProperty("note").GetString());
        Assert.Equal((16m, 0m, 11_700m), (Input(q1, "outcomes sent"), Input(q1, "outcomes derived"), Input(q1, "MRR after renewal")));
        Assert.Equal(q1.GetRawText(), q1Again.GetRawText());

        Assert.Equal(80.0m, q3.GetProperty("value").GetDecimal());
        Assert.Contains("From 7 renewal outcomes sent and 3 derived from the account data.", q3.GetProperty("note").GetString());
        Assert.Contains("Came due without an outcome, so derived: Account Q7 (2026-08-31: renewed), Account Q8 (2026-09-08: renewed), Account Q9 (2026-09-16: renewed).",
            q3.GetProperty("note").GetString());

        Assert.Equal("Renewal rate in Q3 2026: 80.0%", answer.Title);
        Assert.Equal("Renewal rate 80.0% = renewed 8 / up for renewal 10", answer.FallbackText);
        Assert.Contains(answer.Context, c => c.Contains("From 7 renewal outcomes sent and 3 derived", StringComparison.Ordinal) && c.Contains("Account Q9", StringComparison.Ordinal));
        Assert.Contains(answer.Sections[0].Fields, f => f.Label == "MRR up for renewal");
    }

    [Fact]
    public async Task Renewal_outcomes_are_validated_with_422_naming_the_field_and_nothing_is_written()
    {
        await SendPortfolio();

        var response = await _client.PostAsJsonAsync("/api/v1/renewal-outcomes", new object[]
        {
            new { accountExternalId = "R00", renewalDate = "2026-01-01", outcome = "Renewed", mrrBefore = 1_000m, mrrAfter = 1_000m },
            new { accountExternalId = "R01", renewalDate = "2026-01-08", outcome = "Churned", mrrBefore = 1_000m, mrrAfter = 50m },
            new { accountExternalId = "R02", renewalDate = "08/01/2026", outcome = "Renewed", mrrBefore = 1_000m, mrrAfter = 1_000m, currency = "GBP" },
        });

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(1, "mrrAfter"), (2, "renewalDate"), (2, "currency")], errors);
        Assert.All(_host.Services.GetRequiredService<IPortfolioStore>().LoadAllSignals(), s => Assert.Empty(s.RenewalOutcomes));
    }

    [Fact]
    public async Task An_account_mrr_that_disagrees_with_its_revenue_events_is_a_warning_in_the_response()
    {
        await SendPortfolio();

        var response = await _client.PostOk("/api/v1/revenue-events", new[]
        {
            new { externalId = "R00-x", accountExternalId = "R00", kind = "Expansion", mrrDelta = 250m, date = "2026-11-20" },
        });

        var warning = Assert.Single(response.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("R00", "mrr"), (warning.GetProperty("accountExternalId").GetString(), warning.GetProperty("field").GetString()));
        Assert.Contains("revenue events add up to 1,250", warning.GetProperty("reason").GetString());
        var doc = await _host.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/renewal-outcomes", doc);
        Assert.Contains("Revenue metrics (NRR, GRR, churn, expansion, quick ratio, CLV) use only the revenue events", doc);
    }
}
