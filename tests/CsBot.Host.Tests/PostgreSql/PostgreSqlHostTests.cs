using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsBot.Core.Alerts;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Storage.PostgreSql;
using CsBot.Testing.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CsBot.Host.Tests.PostgreSql;

/// <summary>
/// The real host with Storage:Provider=PostgreSql on a fresh database: it migrates the schema, seeds the demo
/// portfolio, delivers the first evaluation's alerts, answers a question, and /healthz reports the database healthy.
/// </summary>
public sealed class PostgreSqlHostTests
{
    [PostgreSqlFact]
    public async Task The_demo_runs_on_postgresql_answers_a_question_delivers_alerts_and_healthz_checks_the_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Alerting:QuietHours:Enabled"] = "false",
        });
        var client = host.CreateClient();

        Assert.IsType<PostgreSqlOutbox>(host.Services.GetRequiredService<IOutboxStore>());
        var messages = await Eventually.Until(
            async () =>
            {
                var open = host.Services.GetRequiredService<IAlertStore>().GetOpen();
                var outbox = host.Services.GetRequiredService<IOutboxStore>().Counts();
                var settled = open.Count > 0 && open.All(a => a.State == AlertState.Notified) && outbox[OutboxState.Pending] == 0 && outbox[OutboxState.Delivering] == 0;
                return (Settled: settled, Messages: await client.SentMessagesAsync());
            },
            state => state.Settled && state.Messages.Length > 0,
            "the first risk evaluation's alerts to be delivered from the PostgreSQL outbox",
            state => $"{state.Messages.Length} messages, settled: {state.Settled}");
        Assert.Contains(messages.Messages, m => Regex.IsMatch(m.GetProperty("text").GetString()!, @"Initech: Usage cliff\s+active users down \d+%"));

        // The data is in the database (the demo portfolio, the delivered outbox), and no LiteDB file was made.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var counts = new NpgsqlCommand("SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM outbox WHERE state = 'Delivered')", connection);
            await using var reader = await counts.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(host.Services.GetRequiredService<IPortfolioStore>().GetAccounts().Count, reader.GetInt64(0));
            Assert.True(reader.GetInt64(1) > 0);
        }
        Assert.False(File.Exists(Path.Combine(host.Folder, "csbot.db")));

        var response = await client.PostAsJsonAsync("/api/local/ask", new { text = "health of Acme Corp" });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^Acme Corp: health \d+ \((Good|Average|Poor)\)$", answer.GetProperty("title").GetString());

        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));

        // A database that stops answering is named by /healthz (without credentials): see MigrationTests in the contract
        // suite. It is not dropped under this host, whose clustered scheduler would then wait on it when the host stops.
    }

    [PostgreSqlFact]
    public async Task The_migrate_command_creates_the_schema_once_and_then_finds_it_up_to_date()
    {
        await using var database = await TestDatabase.CreateAsync();
        string[] args = ["migrate", "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", database.ConnectionString];

        var (code, output) = Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Applied 0010_portfolio.", output);
        Assert.Matches($@"The PostgreSQL database {database.Name} on 127\.0\.0\.1:\d+ is at schema version \d{{4}}\.", output);

        (code, output) = Run(args);
        Assert.Equal(0, code);
        Assert.DoesNotContain("Applied", output);
        Assert.Contains("is up to date", output);
    }

    [Fact]
    public void The_migrate_command_says_litedb_needs_none_and_names_an_unreachable_database()
    {
        Assert.Equal((0, "Storage:Provider is LiteDb: the LiteDB file needs no migrations. Nothing to do."), (Run("migrate").Code, Run("migrate").Output.Trim()));

        var (code, output) = Run("migrate", "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=csbot;Password=s3cret;Timeout=2");
        Assert.Equal(1, code);
        Assert.StartsWith("CsBot cannot prepare the PostgreSQL database csbot on 127.0.0.1:1:", output);
        Assert.DoesNotContain("s3cret", output);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var plain = new StringWriter();
        var code = Host.Cli.CsBotCommandLine.Run(args, new Host.Cli.CommandConsole(plain, plain, new Spectre.Console.Testing.TestConsole()));
        return (code, plain.ToString());
    }

    [Fact]
    public void Storage_provider_and_connection_string_are_checked_naming_the_key_and_the_fix()
    {
        var unknown = Fails(("Storage:Provider", "Oracle"));
        Assert.Contains(unknown.Errors, e => e.StartsWith("Storage:Provider is 'Oracle'") && e.Contains("LiteDb") && e.Contains("PostgreSql"));

        var missing = Fails(("Storage:Provider", "PostgreSql"));
        Assert.Contains(missing.Errors, e => e.StartsWith("Storage:ConnectionString is empty") && e.Contains("Host=") && e.Contains("Storage__ConnectionString"));

        var garbled = Fails(("Storage:Provider", "postgresql"), ("Storage:ConnectionString", "Hots=db;Password=s3cret"));
        var error = Assert.Single(garbled.Errors);
        Assert.StartsWith("Storage:ConnectionString is not a valid PostgreSQL connection string", error);
        Assert.DoesNotContain("s3cret", error);
    }

    [Fact]
    public void Without_a_provider_the_embedded_litedb_file_is_used()
    {
        var settings = Host.Configuration.SettingsLoader.Load(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Assert.Equal(Host.Configuration.StorageProvider.LiteDb, settings.Store.Provider);
    }

    private static Host.Configuration.ConfigurationException Fails(params (string Key, string Value)[] settings)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return Assert.Throws<Host.Configuration.ConfigurationException>(() => Host.Configuration.SettingsLoader.Load(configuration));
    }
}
