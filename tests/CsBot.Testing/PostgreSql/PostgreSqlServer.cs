using Npgsql;

namespace CsBot.Testing.PostgreSql;

/// <summary>
/// Where the PostgreSQL tests find their server, and what happens without one. CSBOT_TEST_POSTGRES holds a connection
/// string to a server the tests may create and drop databases on (`.ci/with-postgres` starts a throwaway one and sets
/// it). On a developer's machine without it the tests are skipped with the line that provides one; in CI (the CI
/// variable set) a missing server is a broken machine, so they run and fail saying the same.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "CSBOT_TEST_POSTGRES";
    public const string InstallHint =
        "install PostgreSQL (apt-get install -y postgresql) and run the tests through .ci/with-postgres " +
        "(.ci/with-postgres dotnet test CsBot.sln), or set CSBOT_TEST_POSTGRES to a connection string of a server the tests may create databases on";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run.</summary>
    public static string? SkipReason() => SkipReason(ConnectionString is not null, Environment.GetEnvironmentVariable("CI"));

    /// <summary>Null (run) when a server is configured or this is CI; otherwise the reason, naming how to get one.</summary>
    public static string? SkipReason(bool configured, string? ci) =>
        configured || IsCi(ci) ? null : $"The PostgreSQL tests need a server: {InstallHint}";

    /// <summary>The configured connection string; throws, naming how to get a server, when there is none.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"The PostgreSQL tests need a server and {Variable} is not set: {InstallHint}");

    /// <summary>A connection string to the same server with another database.</summary>
    public static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(RequireConnectionString()) { Database = database }.ConnectionString;

    // CI systems set CI=true (ours does in .ci/run's environment); "false" or "0" is someone switching it off by hand.
    private static bool IsCi(string? ci) => ci is { Length: > 0 } && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);
}
