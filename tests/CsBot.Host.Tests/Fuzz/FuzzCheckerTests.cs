using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Application.Actions;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Host.Tests.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Fuzz;

/// <summary>The fuzz test can fail: its checker finds a handler that breaks on bad input, and its snapshot sees a write.</summary>
public sealed class FuzzCheckerTests
{
    [Fact]
    public async Task The_fuzzer_reports_each_request_a_fragile_endpoint_answers_with_a_server_error()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        // Deliberately broken as real handlers break: it trusts that every array element is an object.
        app.MapPost("/fragile", async (HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            var count = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Sum(e => e.EnumerateObject().Count())
                : 0;
            return Results.Ok(count);
        });
        await app.StartAsync();
        var payloads = new FuzzPayloads(new Random(7));

        var findings = await new SurfaceFuzzer(app.GetTestClient())
            .RunAsync(Enumerable.Range(0, 200).Select(_ => new FuzzRequest("fragile", HttpMethod.Post, "/fragile", payloads.Body(["a", "b"]))));

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(500, f.Status));
        Assert.Contains(findings, f => f.ToString().Contains("fragile: 500 for POST /fragile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_snapshot_sees_an_accepted_batch_and_an_acknowledged_alert()
    {
        using var host = ApiHost.Create(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:AccountCount"] = "30", ["Demo:HistoryDays"] = "40" });
        var client = ApiHost.Client(host, ApiHost.WriteKey);
        await host.Services.GetRequiredService<CsBot.Application.Evaluation.RiskEvaluationService>().RunAsync(CancellationToken.None);
        var first = StoreSnapshot.Take(host.Services);

        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-NEW", "Newco") });
        var second = StoreSnapshot.Take(host.Services);
        var alert = host.Services.GetRequiredService<IAlertStore>().GetOpen().First();
        host.Services.GetRequiredService<ButtonPressHandler>().Handle(new ButtonPress(ActionKind.Acknowledge, alert.Id, Asker.Local("Dana Whitfield")));
        var third = StoreSnapshot.Take(host.Services);

        Assert.NotEqual(first, second);
        Assert.Equal(first.Accounts + 1, second.Accounts);
        Assert.NotEqual(second.AlertsHash, third.AlertsHash);
    }
}
