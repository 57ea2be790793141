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

        // Teams only when configured (credentials, or Teams:EnableLocalMode for the Emulator); otherwise a no-op.
        builder.AddTeams(settings.Teams);
        return builder;
    }

    public static WebApplication MapCsBot(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapLocalChatEndpoints();
        app.MapTeams();
        return app;
    }
}
