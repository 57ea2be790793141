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
    /// Registers the Slack app from validated options: the Web API client, the startup token check, the
    /// <see cref="SlackChatSender"/>, the inbound handlers and the background work queue. Needs a TimeProvider,
    /// AskService and, for buttons, ButtonPressHandler registered by the host.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, SlackOptions options)
    {
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
        // Quiet hours use a CSM's Slack time zone when the CRM gave none.
        services.AddSingleton<CsBot.Core.Ports.IRecipientTimeZones>(sp => sp.GetRequiredService<SlackUserDirectory>());
        services.AddSingleton<SlackSentMessages>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackChatSender>();
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
        return services;
    }

    /// <summary>Maps POST /slack/commands, /slack/events and /slack/interactions, each behind the signature check.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
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
