using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Storage.LiteDb;

public static class DependencyInjection
{
    /// <summary>Registers one shared LiteDB file and the stores over it, all singletons (LiteDB direct mode is thread-safe).</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(_ => new LiteDbContext(databasePath));
        services.AddSingleton<IPortfolioStore, LiteDbPortfolioStore>();
        services.AddSingleton<IScoreStore, LiteDbScoreStore>();
        services.AddSingleton<IAlertStore, LiteDbAlertStore>();
        services.AddSingleton<IConversationStore, LiteDbConversationStore>();
        return services;
    }
}
