using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Storage.LiteDb;

public static class DependencyInjection
{
    /// <summary>
    /// Registers one shared LiteDB file (<see cref="LiteDbOptions"/>) and every store over it, each once, all
    /// singletons (LiteDB direct mode is thread-safe): portfolio, scores, alerts, reminder ledger, conversations,
    /// the outbox, the digest subscriptions and the digest slots sent, the log of inbound events already taken, each conversation's last question and the trained churn models. Needs a TimeProvider.
    /// </summary>
    public static IHostApplicationBuilder AddLiteDbStorage(this IHostApplicationBuilder builder)
    {
        var errors = new List<string>();
        var options = LiteDbOptions.Read(builder.Configuration, errors);
        if (errors.Count > 0) throw new InvalidOperationException("Invalid settings:\n  - " + string.Join("\n  - ", errors));

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(sp => new LiteDbContext(sp.GetRequiredService<LiteDbOptions>(), sp.GetService<ILogger<LiteDbContext>>()));
        services.AddSingleton<IPortfolioStore, LiteDbPortfolioStore>();
        services.AddSingleton<IScoreStore, LiteDbScoreStore>();
        services.AddSingleton<IAlertStore, LiteDbAlertStore>();
        services.AddSingleton<IReminderLedger, LiteDbReminderLedger>();
        services.AddSingleton<IConversationStore, LiteDbConversationStore>();
        services.AddSingleton<LiteDbOutbox>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddSingleton<IDigestSubscriptions, LiteDbDigestSubscriptions>();
        services.AddSingleton<IDigestSlotLedger, LiteDbDigestSlotLedger>();
        services.AddSingleton<IInboundEventLog, LiteDbInboundEventLog>();
        services.AddSingleton<IConversationContexts, LiteDbConversationContexts>();
        services.AddSingleton<IChurnModelStore, LiteDbChurnModelStore>();
        return builder;
    }
}
