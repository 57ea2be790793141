using CsBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CsBot.Host.Tests;

public class ConfigurationValidationTests
{
    private static ConfigurationException Fails(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return Assert.Throws<ConfigurationException>(() => SettingsLoader.Load(configuration));
    }

    [Fact]
    public void A_negative_weight_names_the_key()
    {
        var error = Fails(("Scoring:Components:Nps:Weight", "-5"));

        Assert.Contains(error.Errors, e => e.Contains("Scoring:Components:Nps:Weight"));
    }

    [Fact]
    public void An_unknown_rule_kind_lists_the_known_kinds()
    {
        var error = Fails(("Rules:Definitions:0:Id", "x"), ("Rules:Definitions:0:Kind", "MoonPhase"));

        var message = Assert.Single(error.Errors);
        Assert.Contains("Rules:Definitions:0:Kind", message);
        Assert.Contains("MoonPhase", message);
        Assert.Contains("UsageDrop", message);
    }

    [Fact]
    public void A_cron_that_does_not_parse_names_the_key_and_shows_an_example()
    {
        var error = Fails(("Scheduling:RiskEvaluationCron", "every hour"));

        var message = Assert.Single(error.Errors);
        Assert.Contains("Scheduling:RiskEvaluationCron", message);
        Assert.Contains("0 0 * * * ?", message);
    }

    [Fact]
    public void A_missing_database_path_names_the_key()
    {
        var error = Fails(("Storage:DatabasePath", ""));

        Assert.Contains(error.Errors, e => e.StartsWith("Storage:DatabasePath"));
    }

    [Fact]
    public void An_unknown_time_zone_names_the_key()
    {
        var error = Fails(("Scheduling:TimeZone", "Mars/Olympus"));

        Assert.Contains(error.Errors, e => e.Contains("Scheduling:TimeZone") && e.Contains("Mars/Olympus"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    public void A_conversation_memory_out_of_range_names_the_key_and_the_fix(string minutes)
    {
        var error = Fails(("Conversation:MemoryMinutes", minutes));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith($"Conversation:MemoryMinutes is {minutes}; use 1 to 1440 (default 30)", message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Fails(("Scoring:Components:Nps:Weight", "-5"), ("Scheduling:RiskEvaluationCron", "nope"), ("Metrics:GrossMargin", "7"));

        Assert.True(error.Errors.Count >= 3);
        Assert.Contains("Metrics:GrossMargin", error.Message);
    }

    [Fact]
    public void The_documented_example_file_is_valid_and_matches_the_defaults()
    {
        var example = Path.Combine(RepositoryRoot(), "appsettings.example.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(example).Build();

        var settings = SettingsLoader.Load(configuration);
        var defaults = SettingsLoader.Load(new ConfigurationBuilder().Build());

        Assert.Equal(defaults.Application.Rules.Definitions.Select(r => (r.Id, r.Kind, r.Severity)), settings.Application.Rules.Definitions.Select(r => (r.Id, r.Kind, r.Severity)));
        foreach (var (kind, component) in defaults.Application.Scoring.Components)
        {
            Assert.Equal(component.Weight, settings.Application.Scoring.Components[kind].Weight);
            Assert.Equal(component.Curve, settings.Application.Scoring.Components[kind].Curve);
        }
        Assert.Equal(defaults.Storage.DatabasePath, settings.Storage.DatabasePath);
        Assert.Equal(defaults.Application.Conversation.MemoryMinutes, settings.Application.Conversation.MemoryMinutes);
        Assert.Equal(defaults.Scheduling.Scheduling.RiskEvaluationCron, settings.Scheduling.Scheduling.RiskEvaluationCron);
        Assert.Equal(defaults.Scheduling.Scheduling.NudgeCron, settings.Scheduling.Scheduling.NudgeCron);
        Assert.Equal(defaults.Application.Alerting.RepeatIntervalDays.OrderBy(p => p.Key), settings.Application.Alerting.RepeatIntervalDays.OrderBy(p => p.Key));
        Assert.Equal(defaults.Application.Alerting.Channels.OrderBy(p => p.Key), settings.Application.Alerting.Channels.OrderBy(p => p.Key));
        Assert.Equal(defaults.Application.Alerting.ChannelMinimumSeverity, settings.Application.Alerting.ChannelMinimumSeverity);
        Assert.Equal(defaults.Application.Alerting.EscalateCriticalAfterHours, settings.Application.Alerting.EscalateCriticalAfterHours);
        Assert.Equal((defaults.Application.Alerting.ReplyInThreadWithinHours, defaults.Application.Alerting.AcknowledgedReminderHours),
            (settings.Application.Alerting.ReplyInThreadWithinHours, settings.Application.Alerting.AcknowledgedReminderHours));
        Assert.Equal(
            (defaults.Application.Alerting.QuietHours.Enabled, defaults.Application.Alerting.QuietHours.Start, defaults.Application.Alerting.QuietHours.End, defaults.Application.Alerting.QuietHours.Weekends),
            (settings.Application.Alerting.QuietHours.Enabled, settings.Application.Alerting.QuietHours.Start, settings.Application.Alerting.QuietHours.End, settings.Application.Alerting.QuietHours.Weekends));
    }

    [Theory]
    [InlineData("#", "Alerting:AdminChannel names no channel")]
    [InlineData("CS Admin", "Alerting:AdminChannel is 'CS Admin', which Slack cannot name")]
    public void A_bad_admin_channel_names_the_key_and_the_fix(string channel, string start)
    {
        var error = Fails(("Alerting:AdminChannel", channel), ("Slack:BotToken", "xoxb-1"), ("Slack:SigningSecret", "secret"));

        var message = Assert.Single(error.Errors, e => e.Contains("AdminChannel"));
        Assert.StartsWith(start, message);
        Assert.Contains("e.g. \"cs-admin\"", message);
    }

    [Fact]
    public void The_admin_channel_and_metrics_are_off_by_default_and_read_when_set()
    {
        var defaults = SettingsLoader.Load(new ConfigurationBuilder().Build());
        var set = SettingsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Alerting:AdminChannel", "#cs-admin"), new("Metrics:Enabled", "true")]).Build());

        Assert.Equal((null, false), (defaults.Application.Alerting.AdminChannelName, defaults.Host.MetricsExport.Enabled));
        Assert.Equal(("cs-admin", true), (set.Application.Alerting.AdminChannelName, set.Host.MetricsExport.Enabled));
        Assert.StartsWith("Metrics:Enabled is 'yes'; use true", Assert.Single(Fails(("Metrics:Enabled", "yes")).Errors));
    }

    [Fact]
    public void Bad_alerting_settings_name_each_key_and_the_fix()
    {
        var error = Fails(
            ("Alerting:RepeatIntervalDays:High", "0"),
            ("Alerting:RepeatIntervalDays:Urgent", "3"),
            ("Alerting:QuietHours:Start", "8pm"),
            ("Alerting:QuietHours:End", "25:00"),
            ("Alerting:Channels:Enterprise", ""),
            ("Alerting:EscalateCriticalAfterHours", "-1"),
            ("Alerting:ReplyInThreadWithinHours", "0"),
            ("Alerting:AcknowledgedReminderHours", "three days"),
            ("Alerting:ChannelMinimumSeverity", "Loud"));

        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:RepeatIntervalDays:High is 0") && e.Contains("more than 0"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:RepeatIntervalDays:Urgent is not a severity") && e.Contains("Critical"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:QuietHours:Start is '8pm'") && e.Contains("HH:mm"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:QuietHours:End is '25:00'"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:Channels:Enterprise is empty"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:EscalateCriticalAfterHours is -1"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:ReplyInThreadWithinHours is '0'") && e.Contains("more than 0"));
        Assert.Contains(error.Errors, e => e.StartsWith("Alerting:AcknowledgedReminderHours is 'three days'") && e.Contains("e.g. 72"));
        var severity = Assert.Single(error.Errors, e => e.Contains("Alerting:ChannelMinimumSeverity"));
        Assert.Contains("Loud", severity);
    }

    [Fact]
    public void A_configured_channel_map_replaces_the_default_one()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Alerting:Channels:*", "customer-risk"), new("Alerting:RepeatIntervalDays:critical", "1")])
            .Build();

        var alerting = SettingsLoader.Load(configuration).Application.Alerting;

        Assert.Equal("customer-risk", alerting.ChannelFor("Enterprise"));
        Assert.Equal(TimeSpan.FromDays(1), alerting.RepeatIntervalFor(CsBot.Core.Severity.Critical));
        Assert.Equal(TimeSpan.FromDays(7), alerting.RepeatIntervalFor(CsBot.Core.Severity.High));
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_bad_setting_and_says_which()
    {
        var folder = Directory.CreateTempSubdirectory("csbot-config-").FullName;
        var host = Path.Combine(AppContext.BaseDirectory, "CsBot.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { host, "--Scoring:GoodFrom=30", "--Scoring:AverageFrom=50", "--Scheduling:RiskEvaluationCron=hourly" })
            start.ArgumentList.Add(arg);

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Scoring:GoodFrom", stderr);
        Assert.Contains("Scheduling:RiskEvaluationCron", stderr);
        Assert.False(File.Exists(Path.Combine(folder, "data", "csbot.db")), "nothing is written before the configuration is valid");
        Directory.Delete(folder, recursive: true);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CsBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CsBot.sln not found above the test folder.");
    }
}

public class TeamsConfigurationTests
{
    private static CsBot.Host.Configuration.ConfigurationException Fails(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return Assert.Throws<CsBot.Host.Configuration.ConfigurationException>(() => SettingsLoader.Load(configuration));
    }

    [Fact]
    public void An_app_id_that_is_not_a_guid_names_the_key()
    {
        var error = Fails(("Teams:MicrosoftAppId", "csbot"), ("Teams:MicrosoftAppPassword", "s"));

        Assert.Contains(error.Errors, e => e.StartsWith("Teams:MicrosoftAppId") && e.Contains("GUID"));
    }

    [Fact]
    public void An_app_id_without_a_password_or_a_single_tenant_bot_without_a_tenant_is_refused()
    {
        var error = Fails(("Teams:MicrosoftAppId", "6f1f5a5e-2b7c-4a8e-9d3e-0c1b2a3d4e5f"), ("Teams:MicrosoftAppType", "SingleTenant"));

        Assert.Contains(error.Errors, e => e.StartsWith("Teams:MicrosoftAppPassword"));
        Assert.Contains(error.Errors, e => e.StartsWith("Teams:MicrosoftAppTenantId"));
    }

    [Fact]
    public void A_bad_allowed_tenant_an_unknown_app_type_and_a_host_with_a_scheme_are_each_named()
    {
        var error = Fails(("Teams:AllowedTenants:0", "contoso"), ("Teams:MicrosoftAppType", "Personal"), ("Teams:PublicHost", "https://csbot.example.com/"));

        Assert.Contains(error.Errors, e => e.StartsWith("Teams:AllowedTenants") && e.Contains("contoso"));
        Assert.Contains(error.Errors, e => e.StartsWith("Teams:MicrosoftAppType") && e.Contains("SingleTenant"));
        Assert.Contains(error.Errors, e => e.StartsWith("Teams:PublicHost"));
    }

    [Fact]
    public void By_default_Teams_is_off()
    {
        var settings = SettingsLoader.Load(new ConfigurationBuilder().Build());

        Assert.False(settings.Teams.IsEnabled);
    }
}
