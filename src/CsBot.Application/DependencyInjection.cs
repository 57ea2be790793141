using CsBot.Application.Access;
using CsBot.Application.Actions;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Delivery;
using CsBot.Application.Delivery.Failures;
using CsBot.Application.Digest;
using CsBot.Application.Evaluation;
using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Reading;
using CsBot.Application.Notifications;
using CsBot.Application.Observability;
using CsBot.Application.Nudges;
using CsBot.Application.Pictures;
using CsBot.Application.ReadModel;
using CsBot.Application.Reminders;
using CsBot.Application.Settings;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases (asking, scoring and risk evaluation, alert notification and actions, outbox delivery,
    /// reminders, the digest, ingestion) with their settings (<see cref="ApplicationSettings"/>). Needs, registered
    /// before: the stores (IConversationContexts, IPortfolioStore, IScoreStore and IAlertStore are wrapped here so the read model sees
    /// every write), and from the host the <see cref="NotifyingPlatform"/>, its IChatSender and IRecipientTimeZones.
    /// </summary>
    public static IHostApplicationBuilder AddApplication(this IHostApplicationBuilder builder)
    {
        var settings = SettingsReader.ReadValid(builder.Configuration, ApplicationSettings.Read);
        var services = builder.Services;
        services.AddSingleton(settings.Scoring);
        services.AddSingleton(settings.Rules);
        services.AddSingleton(settings.Metrics);
        services.AddSingleton(settings.Access);
        services.AddSingleton(settings.Alerting);
        services.AddSingleton(settings.Delivery);
        services.AddSingleton(settings.Reminders);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<TimeProvider>(), settings.TimeZone));

        // Questions are answered from an in-memory view; every store write goes through a wrapper that marks it stale.
        // A store shared with other processes registers its own (SharedStore) before this.
        services.TryAddSingleton<DataVersions>();
        services.Decorate<IPortfolioStore, ObservedPortfolioStore>((store, sp) => new ObservedPortfolioStore(store, sp.GetRequiredService<DataVersions>()));
        services.Decorate<IScoreStore, ObservedScoreStore>((store, sp) => new ObservedScoreStore(store, sp.GetRequiredService<DataVersions>()));
        services.Decorate<IAlertStore, ObservedAlertStore>((store, sp) => new ObservedAlertStore(store, sp.GetRequiredService<DataVersions>()));
        services.AddSingleton<PortfolioView>();
        services.AddSingleton<ReadModelWarmth>();
        services.AddSingleton<MemoryAfterBulkWork>();
        services.AddSingleton<FirstAnswers>();
        services.AddSingleton<AccessPolicy>();

        services.AddSingleton<HealthScorer>();
        services.AddSingleton<RuleEvaluator>();
        // The renewal rate derives outcomes for renewal dates that have passed, so it needs the business day.
        services.AddSingleton(sp => new MetricsCalculator(sp.GetRequiredService<MetricsOptions>(), () => sp.GetRequiredService<BusinessClock>().Today));
        services.AddSingleton<PortfolioScoring>();
        services.AddSingleton<RiskEvaluationService>();
        services.AddSingleton(settings.Conversation);
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<AskService>();
        services.AddSingleton<ButtonPressHandler>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<IngestAndRescoreService>();
        services.AddSingleton<PortfolioReader>();

        // Routing, repeats, quiet hours and escalation; acknowledge and snooze actions.
        services.AddSingleton(sp =>
        {
            var platform = sp.GetRequiredService<NotifyingPlatform>();
            var alerting = platform.KeepsQuietHours ? settings.Alerting : settings.Alerting.WithoutQuietHours();
            return new NotificationPlanner(alerting, settings.TimeZone, sp.GetRequiredService<IRecipientTimeZones>());
        });
        // One living message per alert: repeats and "recovered" notes reply in its thread, every change redraws it.
        services.AddSingleton(sp => new AlertThreads(settings.Alerting));
        services.AddSingleton<AlertMessageUpdates>();
        services.AddSingleton(sp => new AlertNotifier(sp.GetRequiredService<IOutbox>(), sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<NotificationPlanner>(),
            sp.GetRequiredService<MetricsOptions>(), sp.GetRequiredService<BusinessClock>(), sp.GetRequiredService<ILogger<AlertNotifier>>(),
            sp.GetRequiredService<AlertThreads>(), sp.GetRequiredService<AlertMessageUpdates>(), sp.GetRequiredService<PortfolioView>()));
        services.AddSingleton<AlertActionService>();
        services.AddSingleton<IAlertActions>(sp => ActivatorUtilities.CreateInstance<LivingAlertActions>(sp, sp.GetRequiredService<AlertActionService>()));
        services.AddSingleton(sp => new AlertNudges(sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<IOutbox>(), sp.GetRequiredService<IPortfolioStore>(),
            sp.GetRequiredService<PortfolioView>(), sp.GetRequiredService<NotifyingPlatform>().KeepsQuietHours ? settings.Alerting : settings.Alerting.WithoutQuietHours(),
            sp.GetRequiredService<BusinessClock>(), sp.GetRequiredService<IRecipientTimeZones>(), sp.GetRequiredService<ILogger<AlertNudges>>()));
        // Every message is stored in the outbox first; the delivery service sends it through the notifying IChatSender.
        // Answers queued by a platform that is not the notifying one go back through that platform's keyed sender.
        services.AddSingleton(sp => new OutboxDeliveryService(sp.GetRequiredService<IOutboxStore>(), sp.GetRequiredService<IChatSender>(),
            settings.Delivery, sp.GetRequiredService<BusinessClock>(), sp.GetRequiredService<ILogger<OutboxDeliveryService>>(),
            Random.Shared, name => sp.GetKeyedService<IChatSender>(name), sp.GetRequiredService<PictureDelivery>(),
            sp.GetRequiredService<FailedDeliveries>()));
        // Charts follow answers, alerts and digests when a renderer is registered (CsBot.Charts).
        services.AddSingleton<PictureCharts>();
        services.AddSingleton(sp => new PictureDelivery(sp.GetRequiredService<PictureCharts>(), sp.GetRequiredService<IOutbox>(), sp.GetRequiredService<BusinessClock>(),
            sp.GetRequiredService<ILogger<PictureDelivery>>(), sp.GetService<IChartRenderer>(), sp.GetService<IDeliveryTrigger>()));
        // Dead letters grouped by cause for the admin channel and the bulk retry (button and API).
        services.AddSingleton<FailedDeliveries>();
        services.AddSingleton<RenewalReminderService>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestService>();
        return builder;
    }
}
