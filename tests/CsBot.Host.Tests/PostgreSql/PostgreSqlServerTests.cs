using CsBot.Testing.PostgreSql;
using Npgsql;

namespace CsBot.Host.Tests.PostgreSql;

/// <summary>What `dotnet test` does about the PostgreSQL tests with and without a server, and that the server CI gives is usable.</summary>
public class PostgreSqlServerTests
{
    [Fact]
    public void Without_a_server_outside_ci_the_postgresql_tests_are_skipped_with_the_way_to_get_one()
    {
        var reason = PostgreSqlServer.SkipReason(configured: false, ci: null);

        Assert.NotNull(reason);
        Assert.Contains("apt-get install -y postgresql", reason);
        Assert.Contains(".ci/with-postgres", reason);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void Without_a_server_in_ci_the_postgresql_tests_run_and_fail_naming_the_way_to_get_one(string ci)
    {
        Assert.Null(PostgreSqlServer.SkipReason(configured: false, ci: ci));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void With_a_server_the_postgresql_tests_run(string? ci) => Assert.Null(PostgreSqlServer.SkipReason(configured: true, ci: ci));

    [PostgreSqlFact]
    public async Task A_test_database_is_created_empty_usable_and_dropped_afterwards()
    {
        string name;
        await using (var database = await TestDatabase.CreateAsync())
        {
            name = database.Name;
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE TABLE probe (id int); INSERT INTO probe VALUES (1); SELECT count(*) FROM probe", connection);
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        await using var admin = new NpgsqlConnection(PostgreSqlServer.RequireConnectionString());
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
