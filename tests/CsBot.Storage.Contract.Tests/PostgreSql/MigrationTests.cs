using CsBot.Storage.PostgreSql;
using CsBot.Testing.PostgreSql;
using Npgsql;

namespace CsBot.Storage.Contract.Tests.PostgreSql;

/// <summary>The schema comes from numbered migrations, applied once each, also when several CsBots start together.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Migrations_are_numbered_with_gaps_and_0100_creates_the_scheduler_tables()
    {
        var versions = SchemaMigrator.Known.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(), versions);
        Assert.All(versions, v => Assert.Equal(0, v % 10));
        Assert.Equal("quartz_tables", SchemaMigrator.Known.Single(m => m.Version == 100).Name);
    }

    [PostgreSqlFact]
    public async Task A_fresh_database_migrated_once_has_the_scheduler_tables_at_schema_version_0100()
    {
        await using var test = await TestDatabase.CreateAsync();
        using var database = new PostgreSqlDatabase(test.ConnectionString);
        SchemaMigrator.Migrate(database);

        Assert.Contains(100, SchemaMigrator.Applied(database));
        await using var connection = new NpgsqlConnection(test.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('qrtz_job_details', 'qrtz_triggers', 'qrtz_fired_triggers', 'qrtz_scheduler_state', 'qrtz_locks')", connection);
        Assert.Equal(5L, await tables.ExecuteScalarAsync());
        // Applying the migrations again finds nothing to do.
        Assert.Empty(SchemaMigrator.Migrate(database));
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
