using CsBot.Core.Outbox;
using CsBot.Host.Cli;
using CsBot.Storage.PostgreSql;
using CsBot.Testing.PostgreSql;
using Spectre.Console.Testing;

namespace CsBot.Host.Tests.PostgreSql;

/// <summary>
/// `import` on PostgreSQL writes the shared database itself, CsBots running or not, so its reply must not send the
/// reader to wait for "the next start" (true of a stopped LiteDB CsBot, see CsvImportTests): the running CsBots
/// deliver from the same outbox on their next delivery run.
/// </summary>
public sealed class PostgreSqlImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-csv-pg-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgreSqlFact]
    public async Task An_import_on_postgresql_says_the_running_csbots_deliver_its_alerts_on_their_next_delivery_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        Run(database, "import", "accounts", File("accounts.csv",
            "externalId,name,segment,mrr,startDate,ownerName,ownerEmail\nCRM-1,Acme,Enterprise,5000,2024-01-15,Dana Whitfield,dana@example.com\n"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var usage = new System.Text.StringBuilder("accountExternalId,date,activeUsers,monthlyActiveUsers,licensedSeats,logins,keyFeatureUses\n");
        for (var i = 0; i < 42; i++)
        {
            var active = i < 35 ? 100 : 40; // the last 7 days 60% lower: a usage cliff
            usage.Append($"CRM-1,{today.AddDays(-41 + i):yyyy-MM-dd},{active},120,120,{active * 2},{active * 3}\n");
        }

        var (code, output) = Run(database, "import", "usage", File("usage.csv", usage.ToString()), "--Scheduling:TimeZone=UTC");

        Assert.Equal(0, code);
        Assert.Contains("Rescored 1 changed accounts", output);
        Assert.Contains("messages wait in the database's outbox; every running CsBot delivers from it on its next delivery run", output);
        Assert.Contains("If no CsBot is running, the first to start delivers them.", output);
        Assert.DoesNotContain("when it next starts", output);
        using var store = new PostgreSqlDatabase(database.ConnectionString);
        Assert.True(new PostgreSqlOutbox(store, TimeProvider.System).Counts()[OutboxState.Pending] > 0, "the alert is queued in the shared outbox");
    }

    private (int Code, string Output) Run(TestDatabase database, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var plain = new StringWriter();
        var code = CsBotCommandLine.Run([.. args, "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", database.ConnectionString],
            new CommandConsole(plain, plain, console));
        return (code, console.Output + plain);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }
}
