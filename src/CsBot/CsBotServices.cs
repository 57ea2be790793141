using System.Text.Json.Serialization;
using CsBot.Chat.Local;
using CsBot.Host.Composition;
using CsBot.Host.Api;
using CsBot.Host.Configuration;
using CsBot.Host.Endpoints;
using CsBot.Host.Playground;
using CsBot.Host.Security;
using CsBot.Host.Startup;
using CsBot.Slack;
using CsBot.Teams;

namespace CsBot.Host;

/// <summary>Composition root: every CsBot service, wired from validated settings.</summary>
public static class CsBotServices
{
    public static WebApplicationBuilder AddCsBot(this WebApplicationBuilder builder)
    {
        var settings = SettingsLoader.Load(builder.Configuration);
        var services = builder.Services;

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var slack = SlackOptions.Read(builder.Configuration);
        var platform = NotificationPlatform.Choose(settings.Chat.Platform, slack.IsConfigured, settings.Teams.HasCredentials);
        services.AddCsBotDomain(settings);
        services.AddCsBotAlerting(settings, platform);
        builder.AddCsBotSurfaces(settings, slack, platform);
        return builder;
    }

    public static WebApplication MapCsBot(this WebApplication app)
    {
        app.UseLoopbackOnly("/api/local", app.Services.GetRequiredService<LocalChatOptions>().AllowRemote, "LocalChat:AllowRemote");
        // The browser playground at "/", on every platform: asking and buttons use the same services as Slack and Teams.
        app.UsePlayground();
        app.MapHealthChecks("/healthz");
        app.MapLocalChatEndpoints();
        app.MapCsBotApi();
        app.MapLocalAlertEndpoints();
        app.MapOutboxEndpoints();
        app.MapDigestEndpoints();
        if (app.Services.GetService<SlackOptions>() is not null) app.MapSlack();
        app.MapTeams();
        return app;
    }
}
