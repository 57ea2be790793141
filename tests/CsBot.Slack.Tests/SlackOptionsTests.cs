using CsBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CsBot.Slack.Tests;

public class SlackOptionsTests
{
    private static IReadOnlyList<string> Errors(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        try
        {
            SettingsLoader.Load(configuration);
            return [];
        }
        catch (ConfigurationException ex)
        {
            return ex.Errors;
        }
    }

    [Fact]
    public void Without_slack_settings_slack_is_off_and_nothing_is_required()
    {
        Assert.Empty(Errors());
        Assert.False(SlackOptions.Read(new ConfigurationBuilder().Build(), []).IsConfigured);
    }

    [Fact]
    public void A_user_token_is_refused_naming_the_key_and_the_right_kind()
    {
        var error = Assert.Single(Errors(("Slack:BotToken", "xoxp-123"), ("Slack:SigningSecret", "s")));
        Assert.Contains("Slack:BotToken", error);
        Assert.Contains("xoxb-", error);
    }

    [Fact]
    public void A_token_without_a_signing_secret_is_refused()
    {
        var error = Assert.Single(Errors(("Slack:BotToken", "xoxb-1")));
        Assert.StartsWith("Slack:SigningSecret is missing", error);
    }

    [Fact]
    public void A_signing_secret_without_a_token_is_refused()
    {
        var error = Assert.Single(Errors(("Slack:SigningSecret", "s")));
        Assert.StartsWith("Slack:BotToken is missing", error);
    }

    [Fact]
    public void An_unknown_answer_mode_and_a_bad_address_are_refused()
    {
        var errors = Errors(("Slack:BotToken", "xoxb-1"), ("Slack:SigningSecret", "s"), ("Slack:SlashCommandResponse", "public"), ("Slack:ApiBaseUrl", "slack.com"));
        Assert.Contains(errors, e => e.Contains("Slack:SlashCommandResponse") && e.Contains("in_channel"));
        Assert.Contains(errors, e => e.Contains("Slack:ApiBaseUrl"));
    }

    [Fact]
    public void Allowed_teams_can_be_a_list_or_a_comma_separated_environment_variable()
    {
        var list = new ConfigurationBuilder().AddInMemoryCollection([new("Slack:AllowedTeamIds:0", "T1"), new("Slack:AllowedTeamIds:1", "T2")]).Build();
        var csv = new ConfigurationBuilder().AddInMemoryCollection([new("Slack:AllowedTeamIds", "T1, T2")]).Build();

        Assert.Equal(["T1", "T2"], SlackOptions.Read(list, []).AllowedTeamIds);
        Assert.Equal(["T1", "T2"], SlackOptions.Read(csv, []).AllowedTeamIds);
    }

    [Fact]
    public void Environment_variables_configure_slack()
    {
        Environment.SetEnvironmentVariable("CSBOT_TEST_Slack__BotToken", "xoxb-env");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("CSBOT_TEST_").Build();
            Assert.Equal("xoxb-env", SlackOptions.Read(configuration, []).BotToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CSBOT_TEST_Slack__BotToken", null);
        }
    }
}
