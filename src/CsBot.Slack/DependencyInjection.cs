using CsBot.Application.Settings;
using CsBot.Core.Ports;
using CsBot.Slack.Api;
using CsBot.Slack.Inbound;
using CsBot.Slack.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CsBot.Slack;

public static class DependencyInjection
{
    /// <summary>How long one Slack Web API call may take before it counts as a (transient) timeout.</summary>
    public static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers the Slack app when Slack:BotToken or Slack:SigningSecret is set (<see cref="SlackOptions"/>);
    /// otherwise does nothing, and the host has no /slack endpoints. Registers the Web API client, the startup token
    /// check, the inbound handlers, the background work queue, and under the key <see cref="SlackChatSender.PlatformName"/>
    /// its IChatSender and the IRecipientTimeZones of its user directory, for the host to pick. Needs the Application.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var options = SettingsReader.ReadValid(builder.Configuration, SlackOptions.Read);
        if (!options.IsConfigured) return builder;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddHttpClient<SlackApiClient>(http =>
            {
                http.BaseAddress = new Uri(options.ApiBaseUrl.EndsWith('/') ? options.ApiBaseUrl : options.ApiBaseUrl + "/");
                http.Timeout = ApiTimeout;
            })
            // Long-lived singletons hold this client; pooled connections are recycled so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // SlackApiClient logs each failure with what to do; a line per request would drown those out.
            .RemoveAllLoggers();

        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackChannelDirectory>();
        // Quiet hours can use a CSM's Slack time zone when the CRM gave none.
        services.AddKeyedSingleton<IRecipientTimeZones>(SlackChatSender.PlatformName, (sp, _) => sp.GetRequiredService<SlackUserDirectory>());
        services.AddSingleton<SlackSentMessages>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackChatSender>();
        services.AddKeyedSingleton<IChatSender>(SlackChatSender.PlatformName, (sp, _) => sp.GetRequiredService<SlackChatSender>());
        // First of all hosted services, so a rejected token stops startup before data is seeded or jobs run.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SlackStartupCheck>());

        services.AddSingleton<IQuestionAnswerer, AskServiceAnswerer>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackSignatureFilter>();
        services.AddSingleton<TeamAllowList>();
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton<SlackAskers>();
        services.AddSingleton<SlackMentions>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddHostedService<SlackWorkQueueService>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        return builder;
    }

    /// <summary>
    /// Maps POST /slack/commands, /slack/events and /slack/interactions, guarded as a group by the signature check,
    /// when <see cref="AddSlack"/> registered the app; otherwise does nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<SlackOptions>() is null) return app;
        var slack = app.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>();
        slack.MapPost("/commands", (HttpContext http, SlackCommandHandler handler) =>
            handler.HandleAsync(SlackSignatureFilter.VerifiedBody(http), http.RequestAborted));
        slack.MapPost("/events", (HttpContext http, SlackEventHandler handler) =>
            handler.Handle(SlackSignatureFilter.VerifiedBody(http), http.Request.Headers));
        slack.MapPost("/interactions", (HttpContext http, SlackInteractionHandler handler) =>
            handler.Handle(SlackSignatureFilter.VerifiedBody(http)));
        return app;
    }
}
