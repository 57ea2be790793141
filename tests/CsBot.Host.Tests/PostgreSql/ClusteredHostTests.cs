using System.Text.RegularExpressions;
using CsBot.Testing.PostgreSql;

namespace CsBot.Host.Tests.PostgreSql;

/// <summary>
/// Two CsBot hosts given the same PostgreSQL database form one Quartz cluster: each creates Quartz's tables if
/// missing, joins with an instance id of its own, and /healthz?verbose on either lists both as members.
/// </summary>
public sealed partial class ClusteredHostTests
{
    [PostgreSqlFact]
    public async Task Two_hosts_on_one_database_each_report_a_clustered_scheduler_with_both_members()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var first = Host(database);
        using var second = Host(database);

        var reports = await Eventually.Until(
            async () => new[] { await Verbose(first), await Verbose(second) },
            bodies => bodies.All(b => Members(b).Count == 2),
            "both hosts to see both members", bodies => string.Join(" | ", bodies));

        var ids = reports.Select(b => InstancePattern().Match(b).Groups[1].Value).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        Assert.All(reports, b => Assert.Equal(ids.Order(StringComparer.Ordinal), Members(b)));
        Assert.All(reports, b => Assert.Contains("scheduler: Healthy: Scheduler running, clustered, instance ", b));
    }

    private static CsBotHost Host(TestDatabase database) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["Scheduling:Cluster:CheckinIntervalSeconds"] = "1",
        ["Demo:Enabled"] = "false",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
    });

    private static Task<string> Verbose(CsBotHost host) => host.CreateClient().GetStringAsync("/healthz?verbose");

    private static List<string> Members(string body) =>
        MembersPattern().Match(body) is { Success: true } m ? [.. m.Groups[1].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries)] : [];

    [GeneratedRegex(@"clustered, instance (\S+);")]
    private static partial Regex InstancePattern();

    [GeneratedRegex(@"members seen in the last check-in window: ([^\n]*)")]
    private static partial Regex MembersPattern();
}
