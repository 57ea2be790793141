using CsBot.Application.Access;
using CsBot.Application.Actions;
using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Host.Configuration;
using CsBot.Host.Startup;
using CsBot.Scheduling;
using CsBot.Storage.LiteDb;

namespace CsBot.Host.Composition;

/// <summary>Settings, clock, storage, the in-memory read model and the domain services every surface shares.</summary>
internal static class DomainComposition
{
    public static IServiceCollection AddCsBotDomain(this IServiceCollection services, CsBotSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Scoring);
        services.AddSingleton(settings.Rules);
        services.AddSingleton(settings.Metrics);
        services.AddSingleton(settings.Scheduling);
        services.AddSingleton(settings.LocalChat);
        services.AddSingleton(settings.Demo);
        services.AddSingleton(settings.Access);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<TimeProvider>(), settings.TimeZone));

        services.AddLiteDbStorage(settings.Storage.DatabasePath);
        // Questions are answered from an in-memory view; every store write goes through a wrapper that marks it stale.
        services.AddSingleton<DataVersions>();
        services.AddSingleton<IPortfolioStore>(sp => new ObservedPortfolioStore(sp.GetRequiredService<LiteDbPortfolioStore>(), sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<IScoreStore>(sp => new ObservedScoreStore(sp.GetRequiredService<LiteDbScoreStore>(), sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<IAlertStore>(sp => new ObservedAlertStore(sp.GetRequiredService<LiteDbAlertStore>(), sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<PortfolioView>();
        services.AddSingleton<AccessPolicy>();

        services.AddSingleton<HealthScorer>();
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton<MetricsCalculator>();
        services.AddSingleton<PortfolioScoring>();
        services.AddSingleton<RiskEvaluationService>();
        services.AddSingleton<AskService>();
        services.AddSingleton<ButtonPressHandler>();

        // Seeding is a hosted service registered before the scheduler, and the scheduler waits for the host to
        // have started, so the first evaluation always sees the demo portfolio.
        services.AddHostedService<DemoDataSeeder>();
        services.AddHostedService<ConsolePrompt>();
        services.AddCsBotScheduling(settings.Scheduling, settings.TimeZone);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }
}
