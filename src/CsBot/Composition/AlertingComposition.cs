using CsBot.Application.Alerts;
using CsBot.Application.Delivery;
using CsBot.Application.Digest;
using CsBot.Application.Notifications;
using CsBot.Application.Reminders;
using CsBot.Core.Ports;
using CsBot.Host.Configuration;
using CsBot.Host.Startup;
using CsBot.Scheduling;
using CsBot.Storage.LiteDb;

namespace CsBot.Host.Composition;

/// <summary>The alert lifecycle, the durable outbox and its delivery worker, renewal reminders and the weekly digest.</summary>
internal static class AlertingComposition
{
    public static IServiceCollection AddCsBotAlerting(this IServiceCollection services, CsBotSettings settings, ChatPlatform platform)
    {
        // Routing, repeats, quiet hours and escalation from "Alerting"; acknowledge and snooze actions.
        services.AddSingleton(settings.Alerting);
        // Quiet hours protect people's evenings in a real workspace; on the local sink they would only hide the demo.
        var alerting = platform == ChatPlatform.Local ? settings.Alerting.WithoutQuietHours() : settings.Alerting;
        services.AddSingleton(sp => new NotificationPlanner(alerting, settings.TimeZone, sp.GetService<IRecipientTimeZones>()));
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<IAlertActions, AlertActionService>();

        // Every message is stored in the outbox first; OutboxDeliveryJob sends it through the registered IChatSender.
        services.AddSingleton(settings.Delivery);
        services.AddSingleton<LiteDbOutbox>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddSingleton<OutboxDeliveryService>();
        services.AddOutboxDelivery(settings.Delivery, settings.TimeZone);

        services.AddSingleton(settings.Reminders);
        services.AddSingleton<RenewalReminderService>();
        services.AddCsBotReminders(settings.Reminders, settings.TimeZone);

        // Subscriptions live in LiteDB (chat can add them); every change reschedules its Quartz trigger.
        services.AddSingleton<LiteDbDigestSubscriptions>();
        services.AddSingleton(sp => new ScheduledDigestSubscriptions(sp.GetRequiredService<LiteDbDigestSubscriptions>(), sp.GetRequiredService<Quartz.ISchedulerFactory>()));
        services.AddSingleton<IDigestSubscriptions>(sp => sp.GetRequiredService<ScheduledDigestSubscriptions>());
        services.AddHostedService(sp => new DigestSubscriptionSync(sp.GetRequiredService<ScheduledDigestSubscriptions>(), settings.DigestSubscriptions, sp.GetRequiredService<ILogger<DigestSubscriptionSync>>()));
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestService>();
        services.AddCsBotDigests();
        return services;
    }
}
