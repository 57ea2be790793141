using Npgsql;

namespace CsBot.Testing.PostgreSql;

/// <summary>
/// A fresh, empty database on the test server for one test (or one class fixture), dropped again on dispose, so tests
/// never see each other's rows and can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgreSqlServer.ForDatabase(name);
    }

    public string Name { get; }

    /// <summary>The connection string to this database .</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase("csbot_test_" + Guid.NewGuid().ToString("N"));
        await using var admin = new NpgsqlConnection(PostgreSqlServer.RequireConnectionString());
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgreSqlServer.RequireConnectionString());
        await admin.OpenAsync();
        // WITH (FORCE) ends connections a stopped host may still hold, so the drop never waits on them.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
