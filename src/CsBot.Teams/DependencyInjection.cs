using System.Runtime.CompilerServices;
using CsBot.Application.Settings;
using CsBot.Core.Ports;
using CsBot.Teams.Inbound;
using CsBot.Teams.Hosting;
using CsBot.Teams.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CsBot.Teams;

/// <summary>
/// The only two calls the host makes for Teams. Everything Bot Framework stays in this project, so moving to its
/// successor SDK changes nothing outside it.
/// </summary>
public static class DependencyInjection
{
    /// <summary>
    /// Registers the Teams bot when Teams:MicrosoftAppId is set or Teams:EnableLocalMode is true; otherwise does
    /// nothing, and the host has no /api/messages. Its IChatSender is registered under the key
    /// <see cref="TeamsOptions.Platform"/>, for the host to pick. Needs the Application and the stores.
    /// </summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var options = SettingsReader.ReadValid(builder.Configuration, TeamsOptions.Read);
        if (!options.IsEnabled) return builder;
        Register(builder, options);
        return builder;
    }

    // Kept out of AddTeams so a host without Teams never JIT-compiles code that loads Bot Framework assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register(IHostApplicationBuilder builder, TeamsOptions options)
    {
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<TeamsMarker>();

        // The Bot Framework reads its keys (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType,
        // MicrosoftAppTenantId, ...) from the "Teams" section itself.
        var section = builder.Configuration.GetSection(TeamsOptions.SectionName);
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ConfigurationBotFrameworkAuthentication(section, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()));
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<CloudAdapter>>();
            return new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), logger) { OnTurnError = TurnErrorHandler.Create(logger) };
        });
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<CloudAdapter>());

        services.AddSingleton<ConversationCapture>();
        services.AddSingleton<PostedCards>();
        services.AddSingleton<TeamsPictureReplies>();
        services.AddSingleton<CardActionHandler>();
        services.AddTransient<IBot, TeamsBot>();
        services.AddSingleton<LocalModeGate>();

        services.AddSingleton<TeamsChannelDirectory>();
        services.AddSingleton<TeamsChannelSettings>();
        services.AddHostedService<ChannelSettingsCheck>();
        services.AddSingleton<TeamsChatSender>();
        services.AddKeyedSingleton<IChatSender>(TeamsOptions.Platform, (sp, _) => sp.GetRequiredService<TeamsChatSender>());
    }

    /// <summary>Maps POST /api/messages when <see cref="AddTeams"/> registered the bot; otherwise does nothing.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<TeamsMarker>() is null) return app;
        Map(app);
        return app;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                try
                {
                    await adapter.ProcessAsync(request, response, bot, cancellationToken);
                }
                catch (Exception ex) when (ex is SecurityTokenException or SecurityTokenArgumentException && !response.HasStarted)
                {
                    // The adapter turns a missing or invalid token into 401 itself, but lets a token that is not
                    // even a JWT escape as an exception; that is just as unauthenticated.
                    response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                catch (MalformedActivityException ex) when (!response.HasStarted)
                {
                    loggers.CreateLogger("CsBot.Teams").LogWarning("Refused a Teams request with 400: {Reason}", ex.Message);
                    await Results.Problem(title: "Malformed activity", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(request.HttpContext);
                }
                catch (Exception ex) when (ChannelKeysUnavailable.Is(ex) && !response.HasStarted)
                {
                    await ChannelKeysUnavailable.AnswerAsync(response, ex, loggers.CreateLogger("CsBot.Teams"));
                }
                catch (Exception ex) when (ex is ArgumentException or UriFormatException && !response.HasStarted)
                {
                    // The turn's own errors are OnTurnError's; what escapes the adapter is an activity it cannot
                    // answer at all, such as one without a usable serviceUrl to send the reply to: a bad request.
                    loggers.CreateLogger("CsBot.Teams").LogWarning("Refused an activity the Bot Framework cannot process: {Reason}", ex.Message);
                    response.StatusCode = StatusCodes.Status400BadRequest;
                }
            })
            .AddEndpointFilter<LocalModeGate>()
            .WithName("TeamsMessages");
    }

    private sealed class TeamsMarker;
}
