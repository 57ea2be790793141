using CsBot.Storage.PostgreSql;
using CsBot.Testing.PostgreSql;
using Npgsql;

namespace CsBot.Storage.Contract.Tests.PostgreSql;

/// <summary>The schema comes from numbered migrations, applied once each, also when several CsBots start together.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Migrations_are_numbered_with_gaps_and_leave_0100_for_the_scheduler_tables()
    {
        var versions = SchemaMigrator.Known.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(), versions);
        Assert.All(versions, v => Assert.Equal(0, v % 10));
        Assert.DoesNotContain(100, versions);
    }

    [PostgreSqlFact]
    public async Task Two_hosts_migrating_at_once_apply_each_migration_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        using var first = new PostgreSqlDatabase(test.ConnectionString);
        using var second = new PostgreSqlDatabase(test.ConnectionString);

        using var start = new Barrier(2);
        var runs = await Task.WhenAll(new[] { first, second }.Select(database => Task.Run(() =>
        {
            start.SignalAndWait();
            return SchemaMigrator.Migrate(database);
        })));

        // One run applied everything, the other found nothing left to do; neither failed on a table the other created.
        Assert.Equal(SchemaMigrator.Known.Count, runs.Sum(r => r.Count));
        Assert.Contains(runs, r => r.Count == 0);
        Assert.Equal(SchemaMigrator.Known.Select(m => m.Version), SchemaMigrator.Applied(first));
        await using var connection = new NpgsqlConnection(test.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {SchemaMigrator.VersionTable}", connection);
        Assert.Equal((long)SchemaMigrator.Known.Count, await count.ExecuteScalarAsync());

        Assert.Empty(SchemaMigrator.Migrate(first));
        Assert.Null(first.CurrentProblem());
    }

    [PostgreSqlFact]
    public async Task A_database_never_migrated_is_reported_with_the_fix()
    {
        await using var test = await TestDatabase.CreateAsync();
        using var database = new PostgreSqlDatabase(test.ConnectionString);

        Assert.Contains("holds no CsBot schema: run 'CsBot migrate'", database.CurrentProblem());
        Assert.Empty(SchemaMigrator.Applied(database));
    }

    [Fact]
    public void An_unreachable_server_is_named_without_its_password()
    {
        using var database = new PostgreSqlDatabase("Host=127.0.0.1;Port=1;Database=csbot;Username=csbot;Password=s3cret;Timeout=2");

        var error = Assert.Throws<DatabaseUnavailableException>(() => SchemaMigrator.Migrate(database));
        Assert.StartsWith("CsBot cannot prepare the PostgreSQL database csbot on 127.0.0.1:1:", error.Message);
        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.StartsWith("The PostgreSQL database csbot on 127.0.0.1:1 does not answer", database.CurrentProblem());
    }
}
