using System.Text.Json.Serialization;
using CsBot.Application;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Charts;
using CsBot.Chat.Local;
using CsBot.Core.Ports;
using CsBot.Host.Api;
using CsBot.Host.Configuration;
using CsBot.Host.Endpoints;
using CsBot.Host.Startup;
using CsBot.Prediction;
using CsBot.Scheduling;
using CsBot.Slack;
using CsBot.Slack.Outbound;
using CsBot.Storage.LiteDb;
using CsBot.Storage.PostgreSql;
using CsBot.Teams;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CsBot.Host;

/// <summary>
/// Composition root: checks every setting, lets each project register itself and map its endpoints, and makes the
/// host's own choices (which platform notifies, the demo portfolio, the ingestion API, what is logged as open).
/// </summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddCsBot(this WebApplicationBuilder builder)
    {
        // Every project's settings are checked first, so an admin sees every problem at once (exit code 2).
        var settings = SettingsLoader.Load(builder.Configuration);
        var notifying = NotificationPlatform.Choose(settings.Host.Chat.Platform, settings.Slack.IsConfigured, settings.Teams.HasCredentials);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // Responses do not name the server (see SecurityHeaders for the headers they do carry).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddSingleton(settings);
        builder.AddStorage(settings.Store.Provider);
        builder.AddApplication();
        builder.AddPrediction();
        builder.AddCharts();
        // Seeding is a hosted service registered before the scheduler, and the scheduler waits for the host to
        // have started, so the first evaluation always sees the demo portfolio.
        builder.AddDemoData(settings.Host.Demo);
        // After the demo seeder, which fills an empty store in its start, so the read model is read with the data in it.
        builder.Services.AddHostedService<ReadModelWarmUp>();
        builder.AddScheduling();
        builder.AddLocalChat();
        builder.AddSlack();
        builder.AddTeams();
        builder.AddNotifyingPlatform(notifying, settings.Slack.IsConfigured);
        builder.AddApi(settings.Host.Api);
        builder.AddMetricsExport(settings.Host.MetricsExport);
        builder.AddOpenSurfaces(settings, notifying);
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox").AddCheck<AdminChannelHealthCheck>("admin-channel");
        return builder;
    }

    public static WebApplication MapCsBot(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapMetricsExport();
        app.MapLocalChat();
        // The outbox and the digest preview are for whoever runs CsBot: the same guard as the local chat.
        app.MapGroup("").LocalOnly().MapOutboxEndpoints().MapDigestEndpoints();
        app.MapApi();
        app.MapSlack();
        app.MapTeams();
        return app;
    }

    /// <summary>
    /// The store every project's ports are served from (Storage:Provider): the LiteDB file by default, or a PostgreSQL
    /// database several CsBot processes share. /healthz checks it as "store".
    /// </summary>
    private static void AddStorage(this IHostApplicationBuilder builder, StorageProvider provider)
    {
        if (provider == StorageProvider.PostgreSql)
        {
            builder.AddPostgreSqlStorage();
            builder.Services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("store");
            // Other instances' writes refresh this one's cached answers, but only once polled.
            builder.Services.AddSingleton(new DataVersions { SharedStore = true });
            builder.Services.AddSingleton(sp => new DataChangeFeed(sp.GetRequiredService<PostgreSqlDatabase>(), TimeProvider.System));
            builder.Services.AddHostedService<SharedReadModelRefresh>();
        }
        else
        {
            builder.AddLiteDbStorage();
            builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        }
    }

    private static void AddDemoData(this IHostApplicationBuilder builder, DemoOptions demo)
    {
        builder.Services.AddSingleton(demo);
        builder.Services.AddHostedService<DemoDataSeeder>();
    }

    /// <summary>
    /// The one platform alerts, reminders and digests are delivered to (Chat:Platform, see <see cref="NotificationPlatform"/>).
    /// Each platform registered its sender under its name; this picks one. Questions are answered on every configured platform.
    /// </summary>
    private static void AddNotifyingPlatform(this IHostApplicationBuilder builder, ChatPlatform platform, bool slackConfigured)
    {
        var services = builder.Services;
        var name = platform switch
        {
            ChatPlatform.Slack => SlackChatSender.PlatformName,
            ChatPlatform.Teams => TeamsOptions.Platform,
            _ => ConsoleChatSender.PlatformName,
        };
        services.AddSingleton<IChatSender>(sp => sp.GetRequiredKeyedService<IChatSender>(name));
        services.AddSingleton(new NotifyingPlatform(name, KeepsQuietHours: platform != ChatPlatform.Local));
        // Quiet hours use a CSM's Slack time zone when the CRM gave none, whichever platform notifies.
        if (slackConfigured)
            services.AddSingleton<IRecipientTimeZones>(sp => sp.GetRequiredKeyedService<IRecipientTimeZones>(SlackChatSender.PlatformName));
        else
            services.AddSingleton<IRecipientTimeZones, NoRecipientTimeZones>();
    }

    private static void AddApi(this IHostApplicationBuilder builder, ApiOptions api)
    {
        var services = builder.Services;
        services.AddSingleton(api);
        services.AddSingleton(new ApiKeyAuthenticator(api));
        services.AddSingleton(sp => new JsonBatchReader(sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions, api.MaxBodyBytes));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Description = ApiDescription.Document;
            return Task.CompletedTask;
        }));
    }

    /// <summary>Each open surface is logged at startup with its protection, so an admin sees what is open.</summary>
    private static void AddOpenSurfaces(this IHostApplicationBuilder builder, CsBotSettings settings, ChatPlatform platform)
    {
        var services = builder.Services;
        var api = settings.Host.Api;
        services.AddSingleton(new OpenSurface("API /api/v1", api.Keys.Count == 0
            ? "closed: no API keys configured (Api:Keys), every call gets 401"
            : $"{api.Keys.Count} API key(s), {api.Keys.Count(k => string.Equals(k.Access, "ReadWrite", StringComparison.OrdinalIgnoreCase))} read-write; bodies up to {api.MaxBodyBytes:N0} bytes"));
        var local = settings.LocalChat.AllowRemote
            ? "open to remote clients (LocalChat:AllowRemote=true), no authentication"
            : "loopback clients only (LocalChat:AllowRemote=false)";
        services.AddSingleton(new OpenSurface("Local chat /api/local", local));
        services.AddSingleton(new OpenSurface("Playground /", local));
        services.AddSingleton(new OpenSurface("OpenAPI /openapi/v1.json", "open: describes the API, holds no data"));
        if (settings.Host.MetricsExport.Enabled)
            services.AddSingleton(new OpenSurface("Metrics /metrics", "open (Metrics:Enabled=true) for Prometheus: counts and timings, no customer data"));
        services.AddSingleton(new OpenSurface("Notifications", $"delivered to {platform}{(platform == ChatPlatform.Local ? " (console, log file, /api/local/messages); quiet hours off" : "")}"));
        services.AddHostedService<SurfaceReport>();
    }
}
