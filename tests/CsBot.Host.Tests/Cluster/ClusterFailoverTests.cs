using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsBot.Scheduling;
using CsBot.Testing.PostgreSql;
using Npgsql;
using Xunit.Abstractions;

namespace CsBot.Host.Tests.Cluster;

/// <summary>Runs alone: three CsBot processes and a PostgreSQL server already fill the machine's two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcessesCollection
{
    public const string Name = "CsBot processes in a cluster";
}

/// <summary>
/// Issue 16's cluster test: three CsBot processes (the built host, started as an operator would, configured by
/// environment variables) on one PostgreSQL database, delivering to a fake Slack on 127.0.0.1. The demo portfolio
/// raises a few hundred alerts; the host sending the fourth alert message is killed with SIGKILL while Slack holds
/// that message unanswered (accepted but never confirmed: the crash-after-accept case). Shown: every alert message
/// is delivered, none twice beyond the messages the killed host had in flight (counted and printed), every evaluation
/// slot ran once across the cluster, every subscribed channel got one digest; then every host is stopped, a digest
/// falls due while none runs, and three fresh hosts send it once.
/// </summary>
[Collection(ClusterProcessesCollection.Name)]
public sealed partial class ClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Board = "cs-board";
    private static readonly string[] EveryFiveSeconds = ["cs-leadership", "cs-enterprise-weekly"];

    // The same for every host of the test (a changed cron would replace the stored trigger at a restart).
    private readonly string _boardCron = WeeklyCron(DateTimeOffset.UtcNow.AddDays(-1));
    private readonly List<HostProcess> _processes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-cluster-").FullName;
    private TestDatabase _database = null!;
    private ClusterSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Each chat.postMessage answered after 300 ms: ten-odd alert messages take seconds to send, so one is in flight at the kill.
        _slack = await ClusterSlack.StartAsync(TimeSpan.FromMilliseconds(300),
            ["cs-enterprise", "cs-midmarket", "cs-alerts", Board, .. EveryFiveSeconds]);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        await _slack.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    [PostgreSqlFact]
    public async Task Three_hosts_deliver_every_alert_once_through_a_SIGKILL_run_each_slot_once_and_send_a_digest_missed_while_all_were_down()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(ex.Message + "\n\n" + string.Join("\n\n", _processes.Select(p => p.Output())), ex);
        }
    }

    private async Task RunAsync()
    {
        // The database is created and given the demo portfolio by the commands an operator has: migrate, then a
        // digest preview (which loads the demo into a fresh database). The bots then start together on it.
        Assert.Equal(0, await Command("migrate"));
        Assert.Equal(0, await Command("digest", "preview"));

        // Phase 1: three hosts. The fourth alert message is held unanswered and its sender killed.
        var held = _slack.HoldNextPost(p => IsAlertText(p.Key) && _slack.Posts.Count(q => IsAlertText(q.Key)) >= 4);
        var first = new[] { StartHost("h1"), StartHost("h2"), StartHost("h3") };
        await WaitForMembers(first, 3);
        var victimPost = await held.WaitAsync(TimeSpan.FromSeconds(120));
        var victim = first.Single(h => h.Name == victimPost.Host);
        victim.Kill();
        var inFlight = await Keys("state = 'Delivering'");
        var acceptedBeforeKill = _slack.Posts.Where(p => IsAlertText(p.Key)).Select(p => p.Key!).Distinct().Count();
        _slack.Release();
        var survivors = first.Where(h => h != victim).ToArray();

        var week = await Eventually.Until(() => Snapshot(survivors), s => s.Done, "every queued message delivered (alerts, their pictures, each channel's digest) and evaluations run after the kill",
            s => s.Describe, TimeSpan.FromSeconds(150));

        var alertTexts = week.AlertTexts;
        var posts = PostsByKey();
        var duplicates = alertTexts.Sum(k => Math.Max(0, posts.GetValueOrDefault(k) - 1));
        var duplicated = alertTexts.Where(k => posts.GetValueOrDefault(k) > 1).ToList();
        var slots = EvaluationSlots();
        output.WriteLine($"{week.Alerts} alerts in {alertTexts.Count} alert messages (+{week.Pictures} pictures); {acceptedBeforeKill} accepted before " +
                         $"{victim.Name} was killed holding {victimPost.Key}; in flight on it at the kill: {inFlight.Count} ({string.Join(", ", inFlight)}); " +
                         $"posted twice: {duplicates} ({string.Join(", ", duplicated)})");
        output.WriteLine("Evaluation slots: " + string.Join("; ", slots.Select(s => $"{s.Key} on {string.Join(", ", s.Value)}")));

        Assert.InRange(week.Alerts, 200, 1000);
        Assert.InRange(acceptedBeforeKill, 1, alertTexts.Count - 1);
        Assert.Contains(victimPost.Key!, inFlight);
        Assert.All(alertTexts, key => Assert.True(posts.GetValueOrDefault(key) >= 1, $"alert message {key} was never posted"));
        Assert.All(week.AnnouncedKeys, key => Assert.True(posts.GetValueOrDefault(key) >= 1, $"an alert was announced in {key}, which was never posted"));
        Assert.All(duplicated, key => Assert.Contains(key, inFlight));
        Assert.InRange(duplicates, 0, inFlight.Count);
        // On Slack the gap is closed for a message like the held one: the next instance finds its key in the channel.
        Assert.Equal(1, posts[victimPost.Key!]);
        Assert.True(slots.Count >= 2, $"{slots.Count} evaluation slot(s) ran");
        Assert.All(slots, slot => Assert.True(slot.Value.Count == 1, $"Evaluation slot {slot.Key} finished {slot.Value.Count} times: on {string.Join(", ", slot.Value)}"));
        Assert.All(EveryFiveSeconds, channel => Assert.Equal(1, DigestPosts(channel)));
        Assert.Equal(0, DigestPosts(Board));

        // Phase 2: every host stopped. Board's weekly digest (next due in days) is moved to fall due while none runs,
        // which is what a downtime across its time leaves in Quartz's table; then three fresh hosts start.
        foreach (var host in survivors) await host.StopAsync();
        var due = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.Equal(1, await Execute($"UPDATE qrtz_triggers SET next_fire_time = {due.UtcTicks} WHERE trigger_name = '{BoardTrigger}'"));
        await Eventually.Until(() => DateTimeOffset.UtcNow > due.AddSeconds(1), "the digest's time to pass while every host is stopped");

        var restarted = new[] { StartHost("h4"), StartHost("h5"), StartHost("h6") };
        await WaitForMembers(restarted, 3);
        await Eventually.Until(async () => (Board: DigestPosts(Board), Next: await NextFireTime(BoardTrigger), Slots: EvaluationSlots(), Pending: await Keys("state <> 'Delivered'")),
            s => s.Board >= 1 && s.Next > DateTimeOffset.UtcNow.AddDays(1) && s.Pending.Count == 0 && s.Slots.Values.Any(ran => ran.Any(h => restarted.Any(r => r.Name == h))),
            "the missed digest to be sent, its trigger to move on to next week, and an evaluation on the restarted hosts",
            s => $"{s.Board} board digest(s), next fire {s.Next:O}, undelivered {string.Join(", ", s.Pending)}, {s.Slots.Count} slots", TimeSpan.FromSeconds(120));

        Assert.Equal(1, DigestPosts(Board));
        Assert.All(EveryFiveSeconds, channel => Assert.Equal(1, DigestPosts(channel)));
        Assert.All(EvaluationSlots(), slot => Assert.True(slot.Value.Count == 1, $"Evaluation slot {slot.Key} finished {slot.Value.Count} times: on {string.Join(", ", slot.Value)}"));
        // No alert message was posted again after the restart.
        Assert.Equal(posts.Where(p => IsAlertText(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal),
            PostsByKey().Where(p => IsAlertText(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static readonly string BoardTrigger = ScheduledDigestSubscriptions.TriggerKeyFor(Board).Name;

    /// <summary>The settings every host gets: the shared database, a fake Slack of its own address, schedules that fire within the test.</summary>
    private Dictionary<string, string> Settings(string host)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = _database.ConnectionString,
            ["Demo:AccountCount"] = "800",
            ["Demo:HistoryDays"] = "35",
            ["Demo:UsageDays"] = "180",
            ["Prediction:Enabled"] = "false",
            ["Scheduling:TrainChurnModelAtStartup"] = "false",
            ["Scheduling:EvaluateAtStartup"] = "false",
            // An "hour" every 20 seconds: several evaluation slots fire during the test.
            ["Scheduling:RiskEvaluationCron"] = "0/20 * * * * ?",
            ["Scheduling:Cluster:CheckinIntervalSeconds"] = "1",
            ["Reminders:Enabled"] = "false",
            ["Alerting:QuietHours:Enabled"] = "false",
            ["Delivery:PollCron"] = "0/2 * * * * ?",
            ["Delivery:LeaseSeconds"] = "10",
            ["Chat:Platform"] = "Slack",
            ["Slack:BotToken"] = "xoxb-cluster-test",
            ["Slack:SigningSecret"] = "cluster-test-signing-secret",
            ["Slack:ApiBaseUrl"] = _slack.ApiUrlFor(host),
            ["LocalChat:ConsolePrompt"] = "false",
            ["LocalChat:WriteToConsole"] = "false",
            ["LocalChat:LogFile"] = "",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Warning",
        };
        // Two channels whose digest trigger fires every five seconds on whichever host takes it: each still gets this
        // week's digest once. The board's is weekly, due again only in six days (yesterday's weekday, this time).
        for (var i = 0; i < EveryFiveSeconds.Length; i++)
        {
            settings[$"Digest:Subscriptions:{i}:Channel"] = EveryFiveSeconds[i];
            settings[$"Digest:Subscriptions:{i}:Cron"] = "0/5 * * * * ?";
        }
        settings["Digest:Subscriptions:1:Segment"] = "Enterprise";
        settings["Digest:Subscriptions:2:Channel"] = Board;
        settings["Digest:Subscriptions:2:Cron"] = _boardCron;
        settings["Digest:Subscriptions:2:TimeZone"] = "UTC";
        return settings;
    }

    private static string WeeklyCron(DateTimeOffset at) => $"0 {at.Minute} {at.Hour} ? * {at.DayOfWeek.ToString()[..3].ToUpperInvariant()}";

    private HostProcess StartHost(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var host = HostProcess.Start(name, folder, Settings(name));
        _processes.Add(host);
        return host;
    }

    private async Task<int> Command(params string[] command)
    {
        var process = HostProcess.Start(string.Join(' ', command), _folder, Settings("cli"), command);
        _processes.Add(process);
        return await process.ExitCodeAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Waits until every host answers /healthz?verbose naming <paramref name="count"/> cluster members.</summary>
    private static async Task WaitForMembers(IReadOnlyList<HostProcess> hosts, int count)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.Until(async () =>
        {
            var seen = new List<int>();
            foreach (var host in hosts)
            {
                if (host.HasExited) throw new InvalidOperationException($"{host.Name} exited while starting");
                if (host.Url is not { } url) return seen;
                try
                {
                    var body = await http.GetStringAsync(url + "/healthz?verbose");
                    seen.Add(MembersPattern().Match(body) is { Success: true } m ? m.Groups[1].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Length : 0);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not up yet, or too busy starting to answer within the client's timeout on a loaded machine.
                    return seen;
                }
            }
            return seen;
        }, seen => seen.Count == hosts.Count && seen.All(n => n == count), $"{hosts.Count} hosts up, each seeing {count} cluster members",
            seen => string.Join(", ", seen), TimeSpan.FromSeconds(120));
    }

    private sealed record Week(bool Done, int Alerts, IReadOnlyList<string> AlertTexts, int Pictures, IReadOnlyList<string> AnnouncedKeys, string Describe);

    /// <summary>What the database and Slack show now; done when nothing waits, every digest went out and evaluation went on after the kill.</summary>
    private async Task<Week> Snapshot(IReadOnlyList<HostProcess> survivors)
    {
        var alertTexts = (await Keys("idempotency_key LIKE 'alert-%'")).Where(IsAlertText).ToList();
        var pictures = (await Keys("idempotency_key LIKE '%:picture:%'")).Count;
        var pending = await Keys("state <> 'Delivered'");
        var announced = new List<string>();
        var alerts = 0;
        foreach (var json in await Column("SELECT alert_json FROM alerts"))
        {
            alerts++;
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("Announcements", out var announcements))
                announced.AddRange(announcements.EnumerateArray().Select(a => a.GetProperty("MessageKey").GetString()!));
        }
        var posts = PostsByKey();
        var slots = EvaluationSlots();
        var survivorRuns = slots.Values.SelectMany(v => v).Count(host => survivors.Any(s => s.Name == host));
        // At least two slots, so "each slot ran once" is shown over more than one firing even when delivery is quick.
        var done = alertTexts.Count > 0 && pending.Count == 0 && alertTexts.All(posts.ContainsKey)
                   && EveryFiveSeconds.All(c => DigestPosts(c) >= 1) && survivorRuns >= 1 && slots.Count >= 2;
        return new Week(done, alerts, alertTexts, pictures, [.. announced.Distinct()],
            $"{alerts} alerts, {alertTexts.Count} alert messages of which {alertTexts.Count(posts.ContainsKey)} posted, undelivered: {string.Join(", ", pending)}; " +
            $"digests {string.Join(", ", EveryFiveSeconds.Select(c => $"{c} {DigestPosts(c)}"))}; evaluations finished on survivors: {survivorRuns}, slots run: {slots.Count}");
    }

    /// <summary>An alert message posted as a Slack message (not a picture after it, not a redraw through chat.update).</summary>
    private static bool IsAlertText(string? key) => key is not null && key.StartsWith("alert-", StringComparison.Ordinal)
        && !key.StartsWith("alert-update:", StringComparison.Ordinal) && !key.Contains(":picture:", StringComparison.Ordinal);

    private Dictionary<string, int> PostsByKey() =>
        _slack.Posts.Where(p => p.Key is not null).GroupBy(p => p.Key!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private int DigestPosts(string channel) => _slack.Posts.Count(p => p.Key is { } key && key.StartsWith($"digest:{channel}:", StringComparison.Ordinal));

    /// <summary>Per evaluation slot (trigger and scheduled time), the hosts whose log says they finished it.</summary>
    private SortedDictionary<string, List<string>> EvaluationSlots()
    {
        var slots = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var host in _processes)
            foreach (var match in host.Lines.Select(l => EvaluationPattern().Match(l)).Where(m => m.Success))
            {
                var slot = $"{match.Groups[1].Value} {match.Groups[2].Value}";
                if (!slots.TryGetValue(slot, out var hosts)) slots[slot] = hosts = [];
                hosts.Add(host.Name);
            }
        return slots;
    }

    private async Task<List<string>> Keys(string where) => await Column($"SELECT idempotency_key FROM outbox WHERE {where} ORDER BY created_seq");

    private async Task<List<string>> Column(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private async Task<int> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<DateTimeOffset?> NextFireTime(string trigger)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = '{trigger}'", connection);
        return await command.ExecuteScalarAsync() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    // "Risk evaluation of the 2026-12-01T21:00:00.0000000+00:00 slot of risk-evaluation-cron finished on instance ..."
    [GeneratedRegex(@"Risk evaluation of the (\S+) slot of (\S+) finished on instance")]
    private static partial Regex EvaluationPattern();

    [GeneratedRegex(@"members seen in the last check-in window: ([^\n]*)")]
    private static partial Regex MembersPattern();
}
