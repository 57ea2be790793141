using CsBot.Chat.Local;
using CsBot.Core.Ports;
using CsBot.Host.Api;
using CsBot.Host.Configuration;
using CsBot.Host.Startup;
using CsBot.Slack;
using CsBot.Slack.Outbound;
using CsBot.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CsBot.Host.Composition;

/// <summary>
/// Everything that talks to the outside: the ingestion API, the local chat and playground, Slack and Teams, and
/// the one platform that delivers notifications. Each open surface is logged at startup with its protection.
/// </summary>
internal static class SurfaceComposition
{
    public static WebApplicationBuilder AddCsBotSurfaces(this WebApplicationBuilder builder, CsBotSettings settings, SlackOptions slack, ChatPlatform platform)
    {
        var services = builder.Services;
        services.AddCsBotApi(settings.Api);
        var keys = settings.Api.Keys;
        services.AddSingleton(new OpenSurface("API /api/v1", keys.Count == 0
            ? "closed: no API keys configured (Api:Keys), every call gets 401"
            : $"{keys.Count} API key(s), {keys.Count(k => string.Equals(k.Access, "ReadWrite", StringComparison.OrdinalIgnoreCase))} read-write; bodies up to {settings.Api.MaxBodyBytes:N0} bytes"));
        var local = settings.LocalChat.AllowRemote
            ? "open to remote clients (LocalChat:AllowRemote=true), no authentication"
            : "loopback clients only (LocalChat:AllowRemote=false)";
        services.AddSingleton(new OpenSurface("Local chat /api/local", local));
        services.AddSingleton(new OpenSurface("Playground /", local));
        services.AddSingleton(new OpenSurface("OpenAPI /openapi/v1.json", "open: describes the API, holds no data"));
        services.AddSingleton(new OpenSurface("Notifications", $"delivered to {platform}{(platform == ChatPlatform.Local ? " (console, log file, /api/local/messages); quiet hours off" : "")}"));
        services.AddHostedService<SurfaceReport>();

        services.AddSingleton<LocalChatTranscript>();
        services.AddSingleton<IChatSender, ConsoleChatSender>();
        // Slack, when a bot token or signing secret is set (SettingsLoader has checked the section), and Teams when
        // configured (credentials, or Teams:EnableLocalMode for the Emulator): their endpoints answer questions.
        if (slack.IsConfigured) services.AddSlack(slack);
        builder.AddTeams(settings.Teams);
        // One platform delivers what the outbox sends (Chat:Platform). Teams registers its own sender when enabled.
        if (platform == ChatPlatform.Slack) services.Replace(ServiceDescriptor.Singleton<IChatSender>(sp => sp.GetRequiredService<SlackChatSender>()));
        else if (platform == ChatPlatform.Local) services.Replace(ServiceDescriptor.Singleton<IChatSender, ConsoleChatSender>());
        return builder;
    }
}
