using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Ingestion;

public sealed class IngestionApiTests : IDisposable
{
    private readonly CsBotHost _factory = ApiHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_the_api_answers_401()
    {
        var none = await _factory.Client(null).GetAsync("/api/v1/accounts");
        var wrong = await _factory.Client("not-a-configured-key-at-all").GetAsync("/api/v1/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_read_only_key_reads_but_cannot_write()
    {
        var reader = _factory.Client(ApiHost.ReadKey);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/accounts")).StatusCode);
        var write = await reader.PostAsJsonAsync("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme") });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.True(_factory.Services.GetRequiredService<IPortfolioStore>().IsEmpty());
    }

    [Fact]
    public async Task The_same_batch_twice_reports_all_unchanged_the_second_time_and_leaves_the_store_equal()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        var accounts = new[] { ApiHost.Account("CRM-1", "Acme"), ApiHost.Account("CRM-2", "Initech") };
        var usage = Enumerable.Range(0, 5).Select(i => new
        {
            accountExternalId = "CRM-1", date = Today().AddDays(-i).ToString("yyyy-MM-dd"),
            activeUsers = 40, monthlyActiveUsers = 60, licensedSeats = 80, logins = 50, keyFeatureUses = 90,
        }).ToArray();

        var first = await client.PostOk("/api/v1/accounts", accounts);
        await client.PostOk("/api/v1/usage", usage);
        var store = _factory.Services.GetRequiredService<IPortfolioStore>();
        var before = store.LoadAllSignals().Select(s => (s.Account, Usage: s.Usage.ToArray())).ToList();

        var again = await client.PostOk("/api/v1/accounts", accounts);
        var usageAgain = await client.PostOk("/api/v1/usage", usage);

        Assert.Equal(2, first.GetProperty("inserted").GetInt32());
        Assert.Equal((0, 0, 2), (again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(5, usageAgain.GetProperty("unchanged").GetInt32());
        var after = store.LoadAllSignals().ToList();
        Assert.Equal(before.Select(b => b.Account.Id), after.Select(a => a.Account.Id));
        Assert.Equal(before.SelectMany(b => b.Usage), after.SelectMany(a => a.Usage));
        Assert.Equal("acc-crm-1", store.FindByExternalId("CRM-1")!.Id);
    }

    [Fact]
    public async Task A_changed_account_is_updated_and_keeps_its_internal_id()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme") });

        var changed = await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme Corp", mrr: 7000) });

        Assert.Equal(1, changed.GetProperty("updated").GetInt32());
        var account = _factory.Services.GetRequiredService<IPortfolioStore>().FindByExternalId("CRM-1")!;
        Assert.Equal(("acc-crm-1", "Acme Corp", 7000m), (account.Id, account.Name, account.Mrr));
    }

    [Fact]
    public async Task An_invalid_batch_is_rejected_whole_with_each_error_naming_index_and_field()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        var batch = new object[]
        {
            ApiHost.Account("CRM-1", "Acme"),
            new { externalId = "CRM-2", name = "Initech", mrr = 100, startDate = "15/01/2024", owner = new { name = "Dana" } },
        };

        var response = await client.PostAsJsonAsync("/api/v1/accounts", batch);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((1, "startDate"), errors);
        Assert.Contains((1, "owner.email"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == 0);
        Assert.True(_factory.Services.GetRequiredService<IPortfolioStore>().IsEmpty(), "nothing of a rejected batch is written");
    }

    [Fact]
    public async Task Signals_for_an_unknown_account_are_an_error_not_a_silent_drop()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme") });

        var response = await client.PostAsJsonAsync("/api/v1/tickets", new object[]
        {
            new { externalId = "T-1", accountExternalId = "CRM-1", severity = "High", opened = "2026-01-05T10:00:00Z" },
            new { externalId = "T-2", accountExternalId = "CRM-404", severity = "High", opened = "2026-01-05T10:00:00Z" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Json()).GetProperty("errors").EnumerateArray());
        Assert.Equal((1, "accountExternalId"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Contains("CRM-404", error.GetProperty("reason").GetString());
        Assert.Empty(_factory.Services.GetRequiredService<IPortfolioStore>().LoadSignals("acc-crm-1")!.Tickets);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_saying_where_it_broke()
    {
        var client = _factory.Client(ApiHost.WriteKey);

        var response = await client.PostAsync("/api/v1/accounts", new StringContent("[\n  {\"externalId\": \"CRM-1\",\n   \"name\": }\n]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
        Assert.Contains("line 3", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_misspelt_field_is_a_400_naming_it()
    {
        var response = await _factory.Client(ApiHost.WriteKey).PostAsJsonAsync("/api/v1/usage", new[] { new { accountExternalId = "CRM-1", activeUser = 3 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("activeUser", (await response.Json()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_usage_cliff_posted_through_the_api_raises_its_alert_for_that_account_only()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme"), ApiHost.Account("CRM-2", "Initech") });
        var today = Today();
        var usage = Enumerable.Range(0, 42).Select(i =>
        {
            var day = today.AddDays(-41 + i);
            var active = i < 35 ? 100 : 40; // the last 7 days 60% lower
            return new { accountExternalId = "CRM-1", date = day.ToString("yyyy-MM-dd"), activeUsers = active, monthlyActiveUsers = 120, licensedSeats = 120, logins = active * 2, keyFeatureUses = active * 3 };
        }).ToArray();

        var result = await client.PostOk("/api/v1/usage", usage);

        Assert.Equal(1, result.GetProperty("accountsRescored").GetInt32());
        var open = _factory.Services.GetRequiredService<IAlertStore>().GetOpen();
        var cliff = Assert.Single(open, a => a.RuleId == "usage-cliff");
        Assert.Equal("acc-crm-1", cliff.AccountId);
        Assert.Contains("60%", cliff.Reason);

        var detail = await (await client.GetAsync("/api/v1/accounts/CRM-1")).Json();
        Assert.Contains(detail.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "usage-cliff");
        Assert.True(detail.GetProperty("health").GetProperty("components").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Reads_list_filter_and_page_accounts_with_a_total()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[]
        {
            ApiHost.Account("CRM-1", "Acme", "dana@example.com"), ApiHost.Account("CRM-2", "Bravo", "dana@example.com"),
            ApiHost.Account("CRM-3", "Charlie", "sam@example.com", segment: "SMB"),
        });
        var reader = _factory.Client(ApiHost.ReadKey);

        var page = await (await reader.GetAsync("/api/v1/accounts?owner=DANA@example.com&page=2&pageSize=1")).Json();
        var smb = await (await reader.GetAsync("/api/v1/accounts?segment=smb")).Json();
        var badBand = await reader.GetAsync("/api/v1/accounts?band=Terrible");
        var missing = await reader.GetAsync("/api/v1/accounts/CRM-404");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("Bravo", page.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("Charlie", Assert.Single(smb.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badBand.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_metric_is_read_by_its_short_or_full_name_with_formula_and_previous_period()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme", mrr: 1000) });
        await client.PostOk("/api/v1/revenue-events", new object[]
        {
            new { externalId = "R-1", accountExternalId = "CRM-1", kind = "New", mrrDelta = 1000, date = "2024-01-15" },
            new { externalId = "R-2", accountExternalId = "CRM-1", kind = "Expansion", mrrDelta = 100, date = "2025-02-10" },
        });

        var nrr = await (await client.GetAsync("/api/v1/metrics/nrr?from=2025-01-01&to=2025-03-31")).Json();
        var full = await (await client.GetAsync("/api/v1/metrics/NetRevenueRetention?from=2025-01-01&to=2025-03-31")).Json();
        var unknown = await client.GetAsync("/api/v1/metrics/happiness?from=2025-01-01&to=2025-03-31");

        Assert.Equal("NetRevenueRetention", nrr.GetProperty("metric").GetString());
        Assert.Equal(110.0m, nrr.GetProperty("current").GetProperty("value").GetDecimal());
        Assert.Contains("NRR", nrr.GetProperty("current").GetProperty("formula").GetString());
        Assert.Equal("2024-10-01", nrr.GetProperty("previous").GetProperty("from").GetString());
        Assert.Equal(nrr.GetProperty("current").GetProperty("value").GetDecimal(), full.GetProperty("current").GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_metric_carries_its_unrounded_value_next_to_the_rounded_one_and_the_text_chat_shows()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme", mrr: 3100) });
        await client.PostOk("/api/v1/revenue-events", new object[]
        {
            new { externalId = "R-1", accountExternalId = "CRM-1", kind = "New", mrrDelta = 3000, date = "2024-01-15" },
            new { externalId = "R-2", accountExternalId = "CRM-1", kind = "Expansion", mrrDelta = 100, date = "2025-02-10" },
        });

        var nrr = await (await client.GetAsync("/api/v1/metrics/nrr?from=2025-01-01&to=2025-03-31")).Json();

        // 3,100 / 3,000 = 103.333...%: chat shows 103.3%, a client computing with it gets every digit.
        var current = nrr.GetProperty("current");
        Assert.Equal(103.3m, current.GetProperty("value").GetDecimal());
        Assert.Equal("103.3%", current.GetProperty("text").GetString());
        Assert.Equal(103.333m, Math.Round(current.GetProperty("exactValue").GetDecimal(), 3));
        Assert.NotEqual(current.GetProperty("value").GetDecimal(), current.GetProperty("exactValue").GetDecimal());
        Assert.Equal(100m, nrr.GetProperty("previous").GetProperty("exactValue").GetDecimal());
        Assert.Equal(3.333m, Math.Round(nrr.GetProperty("exactChange").GetDecimal(), 3));
        Assert.Equal("+3.3 pts", nrr.GetProperty("changeText").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_unrounded_metric_value()
    {
        var doc = await _factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"exactValue\"", doc);
        Assert.Contains("\"exactChange\"", doc);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var doc = await _factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/usage", doc);
        Assert.Contains("/api/v1/metrics/{metric}", doc);
    }

    private DateOnly Today() => _factory.Services.GetRequiredService<BusinessClock>().Today;
}
