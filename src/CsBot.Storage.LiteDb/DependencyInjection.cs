using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Storage.LiteDb;

public static class DependencyInjection
{
    /// <summary>Registers one shared LiteDB file and the stores over it, all singletons (LiteDB direct mode is thread-safe).</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(_ => new LiteDbContext(databasePath));
        services.AddSingleton<LiteDbPortfolioStore>();
        services.AddSingleton<LiteDbScoreStore>();
        services.AddSingleton<LiteDbAlertStore>();
        services.AddSingleton<IPortfolioStore>(sp => sp.GetRequiredService<LiteDbPortfolioStore>());
        services.AddSingleton<IScoreStore>(sp => sp.GetRequiredService<LiteDbScoreStore>());
        services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<LiteDbAlertStore>());
        services.AddSingleton<IReminderLedger, LiteDbReminderLedger>();
        services.AddSingleton<IConversationStore, LiteDbConversationStore>();
        return services;
    }
}
