using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.Configuration;

namespace CsBot.Scheduling.Tests;

/// <summary>Which scheduler store the settings choose, and the lines an admin reads when they are wrong.</summary>
public sealed class SchedulerStoreSettingsTests
{
    private static (SchedulerStore Store, List<string> Errors) Read(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var errors = new List<string>();
        return (SchedulerStore.Read(configuration, errors), errors);
    }

    [Fact]
    public void Without_a_store_setting_the_schedule_is_kept_in_memory()
    {
        var (store, errors) = Read();

        Assert.Empty(errors);
        Assert.False(store.Clustered);
        Assert.Equal("in memory", store.ToString());
    }

    [Fact]
    public void PostgreSql_with_a_connection_string_is_clustered_with_the_configured_check_in_and_never_prints_the_password()
    {
        var (store, errors) = Read(("Storage:Provider", "postgresql"), ("Storage:ConnectionString", "Host=db;Database=csbot;Username=csbot;Password=s3cret"),
            ("Scheduling:Cluster:CheckinIntervalSeconds", "4"));

        Assert.Empty(errors);
        Assert.True(store.Clustered);
        Assert.Equal(TimeSpan.FromSeconds(4), store.CheckinInterval);
        Assert.DoesNotContain("s3cret", store.ToString());
    }

    [Theory]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider is 'Oracle', not a known store; use one of LiteDb, PostgreSql.")]
    [InlineData("Storage:Provider", "PostgreSql", "Storage:ConnectionString is empty while Storage:Provider is PostgreSql;")]
    [InlineData("Scheduling:Cluster:CheckinIntervalSeconds", "0", "Scheduling:Cluster:CheckinIntervalSeconds is 0; use 1 to 300 seconds")]
    public void A_wrong_value_is_reported_with_its_key_and_fix(string key, string value, string expected)
    {
        var (_, errors) = Read((key, value));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_string_postgresql_cannot_read_is_reported()
    {
        var (store, errors) = Read(("Storage:Provider", "PostgreSql"), ("Storage:ConnectionString", "Hots=db;;=="));

        Assert.False(store.Clustered);
        Assert.Contains(errors, e => e.StartsWith("Storage:ConnectionString is not a PostgreSQL connection string", StringComparison.Ordinal));
    }
}
