using CsBot.Application.Settings;
using CsBot.Chat.Local.Endpoints;
using CsBot.Chat.Local.Playground;
using CsBot.Core.Ports;

namespace CsBot.Chat.Local;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the local chat platform (<see cref="LocalChatOptions"/>): the console sender under the key
    /// <see cref="ConsoleChatSender.PlatformName"/> for the host to pick, its transcript, and the console prompt.
    /// Always on: it is how CsBot is tried without any chat workspace. Needs the Application.
    /// </summary>
    public static IHostApplicationBuilder AddLocalChat(this IHostApplicationBuilder builder)
    {
        var options = SettingsReader.ReadValid(builder.Configuration, LocalChatOptions.Read);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<LocalChatTranscript>();
        services.AddSingleton<ConsoleChatSender>();
        services.AddKeyedSingleton<IChatSender>(ConsoleChatSender.PlatformName, (sp, _) => sp.GetRequiredService<ConsoleChatSender>());
        services.AddHostedService<ConsolePrompt>();
        return builder;
    }

    /// <summary>
    /// Maps the local surface as one group behind one guard (this machine only, unless LocalChat:AllowRemote):
    /// POST /api/local/ask, GET /api/local/messages, POST /api/local/actions, GET /api/local/alerts, GET /api/local/pictures and the
    /// browser playground at "/", which uses the same services as Slack and Teams.
    /// </summary>
    public static IEndpointRouteBuilder MapLocalChat(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("").LocalOnly();
        local.MapLocalChatEndpoints();
        local.MapLocalAlertEndpoints();
        local.MapLocalPictureEndpoints();
        local.MapPlayground();
        return app;
    }
}
