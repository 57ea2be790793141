using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core.Ports;
using CsBot.Host.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;

namespace CsBot.Host.Tests.Ingestion;

/// <summary>
/// `import` while CsBot runs on the same database file: the running host holds the file, so the command checks the CSV
/// itself and sends the rows to the host's /api/v1 with an API key; the host writes, rescores and answers from the new
/// data at once.
/// </summary>
public sealed class CsvImportWhileRunningTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-csv-live-").FullName;

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private const string Accounts =
        "externalId,name,segment,mrr,startDate,ownerName,ownerEmail\n" +
        "CRM-1,Acme,Enterprise,5000,2024-01-15,Dana Whitfield,dana@example.com\n" +
        "CRM-2,Initech,SMB,300,2024-03-01,Ben Kowalski,ben@example.com\n";

    private const string UsageHeader = "accountExternalId,date,activeUsers,monthlyActiveUsers,licensedSeats,logins,keyFeatureUses\n";

    /// <summary>A host on loopback, as an operator runs it, and its address.</summary>
    private (CsBotHost Host, string Url) Running(Action<IServiceCollection>? services = null)
    {
        var host = ApiHost.Create(services: services);
        _owned.Add(host);
        return (host, host.StartOnLoopback());
    }

    /// <summary>The command as an operator types it on the machine CsBot runs on: the same settings file (database, Urls).</summary>
    private static (int Code, string Output) Import(CsBotHost host, string url, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var plain = new StringWriter();
        var code = CsBotCommandLine.Run(["import", .. args, "--Storage:DatabasePath", host.Settings["Storage:DatabasePath"]!, "--Urls", url],
            new CommandConsole(plain, plain, console));
        return (code, console.Output + plain);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static HttpClient Client(string url, string? key = ApiHost.ReadKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> Ask(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/local/ask", new { text, session = "import-live" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("title").GetString() + "\n" + body.GetRawText();
    }

    [Fact]
    public async Task An_import_runs_while_CsBot_answers_questions_and_the_answers_change_after_it()
    {
        var (host, url) = Running();
        using var client = Client(url);
        var before = await Ask(client, "how is acme doing");
        Assert.False(before.StartsWith("Acme: health", StringComparison.Ordinal), before);

        // Questions keep coming while the import runs; every one is answered.
        using var stop = new CancellationTokenSource();
        var answered = 0;
        var asking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Ask(client, "which accounts are at risk");
                Interlocked.Increment(ref answered);
            }
        });
        var accounts = Import(host, url, "accounts", File("accounts.csv", Accounts), "--Import:ApiKey", ApiHost.WriteKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var usage = new System.Text.StringBuilder(UsageHeader);
        for (var i = 0; i < 42; i++)
        {
            var active = i < 35 ? 100 : 40; // the last 7 days 60% lower: a usage cliff
            usage.Append($"CRM-1,{today.AddDays(-41 + i):yyyy-MM-dd},{active},120,120,{active * 2},{active * 3}\n");
        }
        var afterAccounts = await Ask(client, "how is acme doing");
        var cliff = Import(host, url, "usage", File("usage.csv", usage.ToString()), "--Import:ApiKey", ApiHost.WriteKey, "--batch-size", "10");
        stop.Cancel();
        await asking;

        Assert.True(accounts.Code == 0, accounts.Output);
        Assert.Contains("Imported into the running CsBot", accounts.Output);
        Assert.Contains("Sent 2 of 2 accounts rows (100%)", accounts.Output);
        Assert.DoesNotContain(ApiHost.WriteKey, accounts.Output);
        Assert.True(cliff.Code == 0, cliff.Output);
        Assert.Contains("Sent 10 of 42 usage rows (23%)", cliff.Output);
        Assert.Contains("Rescored the changed accounts of each of 5 batches", cliff.Output);
        Assert.True(answered > 0, "questions were answered while the import ran");

        Assert.StartsWith("Acme: health", afterAccounts);
        var afterUsage = await Ask(client, "how is acme doing");
        Assert.NotEqual(afterAccounts, afterUsage);
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/v1/accounts/CRM-1");
        Assert.Contains(detail.GetProperty("openAlerts").EnumerateArray(), a => a.GetRawText().Contains("usage-cliff", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_an_invalid_row_names_line_and_column_and_sends_nothing()
    {
        var (host, url) = Running();
        var path = File("accounts.csv", Accounts + "CRM-3,Globex,SMB,lots,2024-02-01,Aisha Karim,aisha@example.com\n");

        var (code, output) = Import(host, url, "accounts", path, "--Import:ApiKey", ApiHost.WriteKey);

        Assert.Equal(1, code);
        Assert.Contains("line 4, column mrr: 'lots' is not a number", output);
        Assert.Contains("Nothing was sent to CsBot", output);
        using var client = Client(url);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/accounts/CRM-1")).StatusCode);
    }

    [Fact]
    public void A_key_given_twice_in_a_file_sent_in_batches_is_an_error_not_a_silent_overwrite_by_the_later_batch()
    {
        var (host, url) = Running();
        Assert.Equal(0, Import(host, url, "accounts", File("accounts.csv", Accounts), "--Import:ApiKey", ApiHost.WriteKey).Code);
        // Lines 2 and 4 are the same account and day with different figures, in different batches of two rows.
        var usage = UsageHeader + "CRM-1,2026-01-01,5,8,10,6,9\nCRM-2,2026-01-01,5,8,10,6,9\nCRM-1,2026-01-01,1,2,10,1,1\n";

        var rejected = Import(host, url, "usage", File("usage.csv", usage), "--Import:ApiKey", ApiHost.WriteKey, "--batch-size", "2");
        var skipped = Import(host, url, "usage", File("usage.csv", usage), "--Import:ApiKey", ApiHost.WriteKey, "--batch-size", "2", "--skip-invalid");

        Assert.Equal(1, rejected.Code);
        Assert.Contains("line 4, column date: '2026-01-01' is also on line 2 for account 'CRM-1'; give each one once", rejected.Output);
        Assert.Contains("Nothing was sent to CsBot", rejected.Output);
        Assert.Equal(ExitCodes.PartlyImported, skipped.Code);
        // The first line's figures are kept, as a batch with a key twice keeps its first record.
        var store = host.Services.GetRequiredService<IPortfolioStore>();
        var acme = store.FindByExternalId("CRM-1")!.Id;
        Assert.Equal(5, Assert.Single(store.LoadSignalsOf([acme])[acme].Usage).ActiveUsers);
    }

    [Theory]
    [InlineData("not-a-key-of-this-host", "401", "Missing or unknown API key")]
    [InlineData(ApiHost.ReadKey, "403", "This key is read-only")]
    public async Task A_key_the_running_CsBot_refuses_is_named_with_its_fix_and_writes_nothing(string key, string status, string reason)
    {
        var (host, url) = Running();

        var (code, output) = Import(host, url, "accounts", File("accounts.csv", Accounts), "--api-key", key);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains($"refused the import with {status}", output);
        Assert.Contains(reason, output);
        Assert.Contains("--api-key or Import:ApiKey", output);
        Assert.DoesNotContain(key, output);
        using var client = Client(url);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/accounts/CRM-1")).StatusCode);
    }

    [Fact]
    public void Without_a_key_an_import_while_CsBot_runs_says_how_to_give_one()
    {
        var (host, url) = Running();

        var (code, output) = Import(host, url, "accounts", File("accounts.csv", Accounts));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("in use by another CsBot process", output);
        Assert.Contains("give its API key (Access ReadWrite) with --api-key or the setting Import:ApiKey", output);
    }

    [Fact]
    public async Task A_busy_answer_from_the_running_CsBot_is_retried_and_the_import_completes()
    {
        var busy = new BusyOnce();
        var (host, url) = Running(s => s.AddSingleton<IStartupFilter>(busy));

        var (code, output) = Import(host, url, "accounts", File("accounts.csv", Accounts), "--Import:ApiKey", ApiHost.WriteKey);

        Assert.True(code == 0, output);
        Assert.Equal(2, busy.Requests);
        Assert.Contains("CsBot answered 503 (Service Unavailable); retrying in 0 s.", output);
        using var client = Client(url);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/accounts/CRM-1")).StatusCode);
    }

    [Fact]
    public void A_batch_the_running_CsBot_rejects_stops_the_import_says_what_was_written_and_a_rerun_after_the_fix_is_safe()
    {
        var (host, url) = Running();
        Assert.Equal(0, Import(host, url, "accounts", File("accounts.csv", Accounts), "--Import:ApiKey", ApiHost.WriteKey).Code);
        // Which accounts exist only the running CsBot knows: the third row's account is unknown to it.
        var usage = UsageHeader + "CRM-1,2026-01-01,5,8,10,6,9\nCRM-2,2026-01-01,5,8,10,6,9\nCRM-9,2026-01-01,5,8,10,6,9\n";

        var failed = Import(host, url, "usage", File("usage.csv", usage), "--Import:ApiKey", ApiHost.WriteKey, "--batch-size", "2");
        var fixedRun = Import(host, url, "usage", File("usage.csv", usage.Replace("CRM-9", "CRM-1").Replace("CRM-1,2026-01-01,5,8,10,6,9\nCRM-2", "CRM-1,2026-01-02,5,8,10,6,9\nCRM-2")),
            "--Import:ApiKey", ApiHost.WriteKey, "--batch-size", "2");

        Assert.Equal(1, failed.Code);
        Assert.Contains("line 4, column accountExternalId:", failed.Output);
        Assert.Contains("The import stopped after 2 rows (up to line 3); those were written, the rest were not.", failed.Output);
        Assert.True(fixedRun.Code == 0, fixedRun.Output);
        // Rows, inserted, updated, unchanged, rejected: the two rows the failed run wrote are left as they were.
        Assert.Matches(@"3\s+│\s+1\s+│\s+0\s+│\s+2\s+│\s+0", fixedRun.Output);
    }

    [Fact]
    public async Task Every_csv_kind_is_sent_to_an_endpoint_the_running_CsBot_serves()
    {
        var (_, url) = Running();
        using var client = Client(url, ApiHost.WriteKey);

        foreach (var (name, layout) in CsvLayout.ByName)
        {
            var response = await client.PostAsJsonAsync(RunningHostImport.PathOf(layout.Kind), Array.Empty<object>());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {RunningHostImport.PathOf(layout.Kind)} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://*:5080;https://*:5443", "http://localhost:5080/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://+:80", "http://localhost/")]
    public void A_running_CsBot_is_reached_at_the_first_of_its_urls_with_a_wildcard_read_as_localhost(string urls, string expected) =>
        Assert.Equal(expected, ImportCommand.RunningHostAddress(urls)!.ToString());

    /// <summary>The host answering its first ingestion request 503 with Retry-After, as under load or behind a restarting proxy.</summary>
    private sealed class BusyOnce : IStartupFilter
    {
        public int Requests;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/v1") && Interlocked.Increment(ref Requests) == 1)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "0";
                    return;
                }
                await nextMiddleware();
            });
            next(app);
        };
    }
}
