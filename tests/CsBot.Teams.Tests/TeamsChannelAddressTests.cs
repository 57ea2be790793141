using System.Net.Http.Json;
using CsBot.Application.Delivery;
using CsBot.Application.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Application.Notifications;
using CsBot.Teams.Hosting;
using CsBot.Teams.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// Two teams, each with its own General, replayed as Teams sends them: channels are addressed by conversation id, and
/// a name only within one team, so nothing meant for one team's channel lands in another's.
/// </summary>
public sealed class TeamsChannelAddressTests : IDisposable
{
    private const string TeamA = "19:team-a-general@thread.tacv2";
    private const string TeamB = "19:team-b-general@thread.tacv2";
    private const string AlertsA = "19:team-a-cs-alerts@thread.tacv2";

    private readonly FakeConnector _connector = new();
    private readonly CsBotHost _host;
    private readonly HttpClient _client;

    public TeamsChannelAddressTests()
    {
        _host = TeamsHost.Create(new Dictionary<string, string?>
        {
            ["Chat:Platform"] = "Teams",
            // A bare "General" in settings: ambiguous once two teams have one.
            ["Alerting:Channels:*"] = "General",
            ["Alerting:Channels:Enterprise"] = "Sales/General",
        });
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task Each_subscribed_channel_gets_its_own_digest_and_no_other_teams_General_does()
    {
        await InstallBothTeams();
        await Post(TeamsActivities.MentionIn(_connector.Url, TeamA, "Customer Success", TeamA, null, "subscribe this channel to the weekly digest", "1700000001001"));
        await Post(TeamsActivities.MentionIn(_connector.Url, TeamA, "Customer Success", AlertsA, "cs-alerts", "subscribe this channel to the weekly digest", "1700000001002"));
        await Post(TeamsActivities.MentionIn(_connector.Url, TeamB, "Sales", TeamB, null, "subscribe this channel to the weekly digest", "1700000001003"));

        var subscriptions = _host.Services.GetRequiredService<IDigestSubscriptions>().GetAll();
        Assert.Equal([AlertsA, TeamA, TeamB], subscriptions.Select(s => s.Channel).Order(StringComparer.Ordinal));
        var digests = _host.Services.GetRequiredService<DigestService>();
        foreach (var subscription in subscriptions) Assert.True(digests.Send(subscription.Channel));
        await _host.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);

        var posted = await Eventually.Until(() => Task.FromResult(DigestPosts()), p => p.Count >= 3, "three digests posted");
        Assert.Equal([AlertsA, TeamA, TeamB], posted.Select(p => ConversationOf(p.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Installing_in_General_without_channel_data_remembers_the_channel_by_its_teams_id()
    {
        await InstallBothTeams();

        var store = _host.Services.GetRequiredService<IConversationStore>();
        var general = store.Get("teams", TeamA);
        Assert.NotNull(general);
        Assert.Equal((ConversationScope.Channel, "General", "Customer Success", TeamA), (general.Scope, general.ChannelName, general.TeamName, general.TeamId));
        Assert.Equal(TeamB, store.Get("teams", TeamB)?.TeamId);
    }

    [Fact]
    public async Task A_name_is_resolved_within_one_team_and_refused_when_several_teams_have_it()
    {
        await InstallBothTeams();
        await Post(TeamsActivities.MentionIn(_connector.Url, TeamA, "Customer Success", AlertsA, "cs-alerts", "help", "1700000001004"));
        var sender = _host.Services.GetRequiredService<TeamsChatSender>();

        var bare = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("General"), TeamsEndpointTests.Alert("a-bare"), "k-bare"), default);
        var sales = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("Sales/General"), TeamsEndpointTests.Alert("a-sales"), "k-sales"), default);
        var unique = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("#cs-alerts"), TeamsEndpointTests.Alert("a-unique"), "k-unique"), default);
        var otherTeam = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("Sales/cs-alerts"), TeamsEndpointTests.Alert("a-other"), "k-other"), default);

        Assert.False(bare.Delivered);
        Assert.False(bare.Transient);
        Assert.Contains("More than one team has a Teams channel named 'General' (Customer Success, Sales)", bare.Error);
        Assert.Contains("'Customer Success/General'", bare.Error);
        Assert.Contains("Alerting:Channels:*", bare.Error);
        Assert.True(sales.Delivered, sales.Error);
        Assert.True(unique.Delivered, unique.Error);
        Assert.False(otherTeam.Delivered);
        Assert.Contains("in a team named 'Sales'", otherTeam.Error);
        var posts = _connector.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal) && Title(r) == "Globex is at risk")
            .Select(r => ConversationOf(r.Path));
        Assert.Equal([AlertsA, TeamB], posts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task At_start_up_channel_settings_not_known_yet_are_left_for_first_use_and_ambiguous_ones_are_named_with_the_fix()
    {
        var before = await CheckSettings();
        await InstallBothTeams();
        var after = await CheckSettings();

        // Before any team installed CsBot, nothing can be judged yet: both keys are left for their first use.
        Assert.All(before, l => Assert.Equal(LogLevel.Information, l.Level));
        Assert.Equal(2, before.Count(l => l.Text.Contains("not known in Teams yet") && l.Text.Contains("checked again when a message is first sent there")));
        // Once two teams have a General, the bare name is ambiguous; "Sales/General" names one channel and passes.
        var warning = Assert.Single(after);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("Alerting:Channels:* is 'General', which is ambiguous in Teams", warning.Text);
        Assert.Contains("'Customer Success/General'", warning.Text);
    }

    [Fact]
    public void A_channel_setting_with_an_empty_team_or_channel_stops_start_up_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:EnableLocalMode"] = "true",
            ["Alerting:Channels:Enterprise"] = "Sales/",
            ["Alerting:Channels:*"] = "Customer Success/cs-alerts",
            ["Digest:Subscriptions:0:Channel"] = "/General",
        }).Build();
        var errors = new List<string>();

        TeamsOptions.Read(configuration, errors);

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Alerting:Channels:Enterprise is 'Sales/'; for Teams write 'Team name/Channel name'", errors[0]);
        Assert.StartsWith("Digest:Subscriptions:0:Channel is '/General'", errors[1]);
    }

    private async Task<IReadOnlyList<RecordingLogger.Line>> CheckSettings()
    {
        var recording = new RecordingLogger();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(recording));
        var check = new ChannelSettingsCheck(
            _host.Services.GetRequiredService<TeamsChannelSettings>(),
            _host.Services.GetRequiredService<TeamsChannelDirectory>(),
            _host.Services.GetRequiredService<NotifyingPlatform>(),
            new Logger<ChannelSettingsCheck>(loggers));
        await check.StartAsync(default);
        return recording.Lines;
    }

    private async Task InstallBothTeams()
    {
        await Post(TeamsActivities.TeamInstall(_connector.Url, TeamA, "Customer Success"));
        await Post(TeamsActivities.TeamInstall(_connector.Url, TeamB, "Sales"));
    }

    private async Task Post(System.Text.Json.Nodes.JsonObject activity)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>New posts (not replies) carrying a weekly digest card.</summary>
    private List<FakeConnector.Captured> DigestPosts() =>
    [
        .. _connector.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal)
            && Title(r)?.StartsWith("Weekly health digest", StringComparison.Ordinal) == true),
    ];

    private static string? Title(FakeConnector.Captured request) => request.Card?["body"]?[0]?["items"]?[0]?["text"]?.GetValue<string>();

    private static string ConversationOf(string path) => path["/v3/conversations/".Length..^"/activities".Length];
}
