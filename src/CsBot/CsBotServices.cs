using System.Text.Json.Serialization;
using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.Time;
using CsBot.Chat.Local;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Host.Configuration;
using CsBot.Host.Endpoints;
using CsBot.Host.Startup;
using CsBot.Scheduling;
using CsBot.Storage.LiteDb;
using CsBot.Slack;
using CsBot.Slack.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");

        // Slack, when a bot token or signing secret is set (SettingsLoader has checked the section): its endpoints,
        // and Slack instead of the local sink for every message CsBot sends.
        var slack = SlackOptions.Read(builder.Configuration);
        if (slack.IsConfigured)
        {
            services.AddSlack(slack);
            services.Replace(ServiceDescriptor.Singleton<IChatSender>(sp => sp.GetRequiredService<SlackChatSender>()));
        }
        return builder;
    }

    public static WebApplication MapCsBot(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapLocalChatEndpoints();
        if (app.Services.GetService<SlackOptions>() is not null) app.MapSlack();
        return app;
    }
}
