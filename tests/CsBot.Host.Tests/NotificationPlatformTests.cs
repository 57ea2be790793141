using CsBot.Host.Configuration;
using CsBot.Host.Startup;

namespace CsBot.Host.Tests;

public class NotificationPlatformTests
{
    [Theory]
    [InlineData(ChatPlatform.Auto, false, false, ChatPlatform.Local)]
    [InlineData(ChatPlatform.Auto, true, false, ChatPlatform.Slack)]
    [InlineData(ChatPlatform.Auto, false, true, ChatPlatform.Teams)]
    [InlineData(ChatPlatform.Auto, true, true, ChatPlatform.Slack)]
    [InlineData(ChatPlatform.Teams, true, true, ChatPlatform.Teams)]
    [InlineData(ChatPlatform.Local, true, true, ChatPlatform.Local)]
    public void Auto_prefers_slack_then_teams_then_the_local_sink(ChatPlatform wanted, bool slack, bool teams, ChatPlatform expected)
    {
        Assert.Equal(expected, NotificationPlatform.Choose(wanted, slack, teams));
    }

    [Fact]
    public void Naming_a_platform_that_is_not_configured_is_a_configuration_error_naming_the_keys()
    {
        Assert.Contains("Slack:BotToken", NotificationPlatform.Problem(ChatPlatform.Slack, slackConfigured: false, teamsEnabled: true));
        Assert.Contains("Teams:MicrosoftAppId", NotificationPlatform.Problem(ChatPlatform.Teams, slackConfigured: true, teamsEnabled: false));
        Assert.Null(NotificationPlatform.Problem(ChatPlatform.Auto, false, false));
    }
}
