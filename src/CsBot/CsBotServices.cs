using System.Text.Json.Serialization;
using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Delivery;
using CsBot.Application.Digest;
using CsBot.Application.Reminders;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Chat.Local;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Host.Api;
using CsBot.Host.Configuration;
using CsBot.Host.Endpoints;
using CsBot.Host.Playground;
using CsBot.Host.Security;
using CsBot.Host.Startup;
using CsBot.Scheduling;
using CsBot.Storage.LiteDb;
using CsBot.Slack;
using CsBot.Slack.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

        services.AddSingleton(settings);
        services.AddSingleton(settings.Scoring);
        services.AddSingleton(settings.Rules);
        services.AddSingleton(settings.Metrics);
        services.AddSingleton(settings.Scheduling);
        services.AddSingleton(settings.LocalChat);
        services.AddSingleton(settings.Demo);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<TimeProvider>(), settings.TimeZone));

        services.AddLiteDbStorage(settings.Storage.DatabasePath);
        // Questions are answered from an in-memory view; every store write goes through a wrapper that marks it stale.
        services.AddSingleton<DataVersions>();
        services.AddSingleton<IPortfolioStore>(sp => new ObservedPortfolioStore(sp.GetRequiredService<LiteDbPortfolioStore>(), sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<IScoreStore>(sp => new ObservedScoreStore(sp.GetRequiredService<LiteDbScoreStore>(), sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<IAlertStore>(sp => new ObservedAlertStore(sp.GetRequiredService<LiteDbAlertStore>(), sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<PortfolioView>();
        services.AddSingleton(settings.Access);
        services.AddSingleton<AccessPolicy>();

        services.AddSingleton<HealthScorer>();
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton<MetricsCalculator>();
        services.AddSingleton<PortfolioScoring>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<RiskEvaluationService>();
        services.AddSingleton<AskService>();

        services.AddSingleton<LocalChatTranscript>();
        services.AddSingleton<IChatSender, ConsoleChatSender>();

        // Seeding is a hosted service registered before the scheduler, and the scheduler waits for the host to
        // have started, so the first evaluation always sees the demo portfolio.
        services.AddHostedService<DemoDataSeeder>();
        services.AddHostedService<ConsolePrompt>();
        services.AddCsBotScheduling(settings.Scheduling, settings.TimeZone);

        // Renewal reminders and the weekly digest, delivered through the durable outbox.
        services.AddSingleton(settings.Reminders);
        services.AddSingleton<RenewalReminderService>();
        // Subscriptions live in LiteDB (chat can add them); every change reschedules its Quartz trigger.
        services.AddSingleton<LiteDbDigestSubscriptions>();
        services.AddSingleton(sp => new ScheduledDigestSubscriptions(sp.GetRequiredService<LiteDbDigestSubscriptions>(), sp.GetRequiredService<Quartz.ISchedulerFactory>()));
        services.AddSingleton<IDigestSubscriptions>(sp => sp.GetRequiredService<ScheduledDigestSubscriptions>());
        services.AddHostedService(sp => new DigestSubscriptionSync(sp.GetRequiredService<ScheduledDigestSubscriptions>(), settings.DigestSubscriptions, sp.GetRequiredService<ILogger<DigestSubscriptionSync>>()));
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestService>();
        services.AddCsBotReminders(settings.Reminders, settings.TimeZone);
        services.AddCsBotDigests();

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");

        services.AddCsBotApi(settings.Api);
        var keys = settings.Api.Keys;
        services.AddSingleton(new OpenSurface("API /api/v1", keys.Count == 0
            ? "closed: no API keys configured (Api:Keys), every call gets 401"
            : $"{keys.Count} API key(s), {keys.Count(k => string.Equals(k.Access, "ReadWrite", StringComparison.OrdinalIgnoreCase))} read-write; bodies up to {settings.Api.MaxBodyBytes:N0} bytes"));
        services.AddSingleton(new OpenSurface("Local chat /api/local", settings.LocalChat.AllowRemote
            ? "open to remote clients (LocalChat:AllowRemote=true), no authentication"
            : "loopback clients only (LocalChat:AllowRemote=false)"));
        services.AddSingleton(new OpenSurface("OpenAPI /openapi/v1.json", "open: describes the API, holds no data"));
        services.AddSingleton(new OpenSurface("Playground /", settings.LocalChat.AllowRemote
            ? "open to remote clients (LocalChat:AllowRemote=true), no authentication"
            : "loopback clients only (LocalChat:AllowRemote=false)"));
        services.AddHostedService<SurfaceReport>();
        // Alert lifecycle: routing, repeats, quiet hours and escalation from "Alerting"; acknowledge and snooze actions.
        services.AddSingleton(settings.Alerting);
        var slack = SlackOptions.Read(builder.Configuration);
        var platform = NotificationPlatform.Choose(settings.Chat.Platform, slack.IsConfigured, settings.Teams.HasCredentials);
        // Quiet hours protect people's evenings in a real workspace; on the local sink they would only hide the demo.
        var alerting = platform == ChatPlatform.Local ? settings.Alerting.WithoutQuietHours() : settings.Alerting;
        services.AddSingleton(sp => new NotificationPlanner(alerting, settings.TimeZone));
        services.AddSingleton(new OpenSurface("Notifications", $"delivered to {platform}{(platform == ChatPlatform.Local ? " (console, log file, /api/local/messages); quiet hours off" : "")}"));
        services.AddSingleton<IAlertActions, AlertActionService>();
        // The durable outbox and its delivery worker. Messages enqueued through IOutbox are sent by the
        // OutboxDeliveryJob through the registered IChatSender; direct senders keep working alongside.
        services.AddSingleton(settings.Delivery);
        services.AddSingleton<LiteDbOutbox>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddSingleton<OutboxDeliveryService>();
        services.AddOutboxDelivery(settings.Delivery, settings.TimeZone);
        // Slack, when a bot token or signing secret is set (SettingsLoader has checked the section), and Teams when
        // configured (credentials, or Teams:EnableLocalMode for the Emulator): their endpoints answer questions.
        if (slack.IsConfigured) services.AddSlack(slack);
        builder.AddTeams(settings.Teams);
        // One platform delivers what the outbox sends (Chat:Platform). Teams registers its own sender when enabled.
        if (platform == ChatPlatform.Slack) services.Replace(ServiceDescriptor.Singleton<IChatSender>(sp => sp.GetRequiredService<SlackChatSender>()));
        else if (platform == ChatPlatform.Local) services.Replace(ServiceDescriptor.Singleton<IChatSender, ConsoleChatSender>());
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
