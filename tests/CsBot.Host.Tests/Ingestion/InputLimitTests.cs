using System.Net;
using System.Net.Http.Json;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Ingestion;

/// <summary>Oversized text and out-of-range dates get a 4xx naming what is wrong, never a 500, and write nothing.</summary>
public sealed class InputLimitTests : IDisposable
{
    private readonly CsBotHost _factory = ApiHost.Create();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string, int> OversizedAccountFields => new()
    {
        { "segment", "segment", 100 },
        { "domain", "domain", 253 },
        { "plan", "plan", 100 },
        { "name", "name", 200 },
        { "alias", "aliases[1]", 200 },
        { "ownerName", "owner.name", 200 },
        { "ownerEmail", "owner.email", 254 },
        { "ownerTimeZone", "owner.timeZone", 64 },
        { "ownerSlackUserId", "owner.slackUserId", 64 },
    };

    [Theory]
    [MemberData(nameof(OversizedAccountFields))]
    public async Task An_account_field_longer_than_its_limit_gets_422_naming_the_field_and_the_limit(string which, string field, int limit)
    {
        var text = new string('x', 2_000);
        var owner = new
        {
            name = which == "ownerName" ? text : "Dana Whitfield",
            email = which == "ownerEmail" ? text + "@example.com" : "dana@example.com",
            timeZone = which == "ownerTimeZone" ? text : null,
            slackUserId = which == "ownerSlackUserId" ? text : null,
        };
        var account = new
        {
            externalId = "CRM-1",
            name = which == "name" ? text : "Acme",
            segment = which == "segment" ? text : "Enterprise",
            domain = which == "domain" ? text : "acme.example",
            plan = which == "plan" ? text : "Business",
            aliases = new[] { "Acme Co", which == "alias" ? text : "ACME" },
            mrr = 5000,
            startDate = "2024-01-15",
            owner,
        };

        var response = await _factory.Client(ApiHost.WriteKey).PostAsJsonAsync("/api/v1/accounts", new[] { account });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("reason").GetString()!.Contains($"at most {limit}"));
        Assert.True(_factory.Services.GetRequiredService<IPortfolioStore>().IsEmpty(), "nothing of a rejected batch is written");
    }

    [Fact]
    public async Task A_survey_respondent_longer_than_its_limit_gets_422_and_the_account_keeps_no_survey()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme") });

        var response = await client.PostAsJsonAsync("/api/v1/surveys", new[]
        {
            new { externalId = "S-1", accountExternalId = "CRM-1", kind = "Nps", score = 9, date = "2026-01-05", respondent = new string('r', 5_000) },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Json()).GetProperty("errors").EnumerateArray());
        Assert.Equal("respondent", error.GetProperty("field").GetString());
        Assert.Empty(_factory.Services.GetRequiredService<IPortfolioStore>().LoadAllSignals().Single().Surveys);
    }

    [Fact]
    public async Task More_aliases_than_allowed_get_422()
    {
        var account = new
        {
            externalId = "CRM-1", name = "Acme", mrr = 5000, startDate = "2024-01-15",
            aliases = Enumerable.Range(0, 500).Select(i => $"Acme {i}").ToArray(),
            owner = new { name = "Dana Whitfield", email = "dana@example.com" },
        };

        var response = await _factory.Client(ApiHost.WriteKey).PostAsJsonAsync("/api/v1/accounts", new[] { account });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 20", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("from=0001-01-01&to=2025-03-31", "from")]
    [InlineData("from=2025-01-01&to=9999-12-31", "to")]
    [InlineData("from=0001-01-01&to=9999-12-31", "from")]
    public async Task Metric_dates_outside_the_supported_range_get_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _factory.Client(ApiHost.ReadKey).GetAsync("/api/v1/metrics/nrr?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Json()).GetProperty("detail").GetString()!;
        Assert.StartsWith(parameter + " ", detail);
        Assert.Contains("1900-01-01", detail);
    }
}
