using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CsBot.Storage.PostgreSql;

public static class DependencyInjection
{
    /// <summary>
    /// Registers one connection pool to the PostgreSQL database (<see cref="PostgreSqlOptions"/>) and every store
    /// over it, each once, all singletons: portfolio, scores, alerts, reminder ledger, conversations and posted
    /// messages, the outbox, the digest subscriptions and their slots, the log of inbound events already taken and each
    /// conversation's last question. Unless Storage:MigrateAtStartup is false, the schema is brought up to date
    /// (<see cref="SchemaMigrator"/>) when the database is first used, before any store reads or writes. Needs a TimeProvider.
    /// </summary>
    public static IHostApplicationBuilder AddPostgreSqlStorage(this IHostApplicationBuilder builder)
    {
        var errors = new List<string>();
        var options = PostgreSqlOptions.Read(builder.Configuration, errors);
        if (errors.Count > 0) throw new InvalidOperationException("Invalid settings:\n  - " + string.Join("\n  - ", errors));

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(sp => Open(sp.GetRequiredService<PostgreSqlOptions>()));
        services.AddSingleton<IPortfolioStore, PostgreSqlPortfolioStore>();
        services.AddSingleton<IScoreStore, PostgreSqlScoreStore>();
        services.AddSingleton<IAlertStore, PostgreSqlAlertStore>();
        services.AddSingleton<IReminderLedger, PostgreSqlReminderLedger>();
        services.AddSingleton<IConversationStore, PostgreSqlConversationStore>();
        services.AddSingleton<PostgreSqlOutbox>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<PostgreSqlOutbox>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<PostgreSqlOutbox>());
        services.AddSingleton<IDigestSubscriptions, PostgreSqlDigestSubscriptions>();
        services.AddSingleton<IDigestSlotLedger, PostgreSqlDigestSlotLedger>();
        services.AddSingleton<IChurnModelStore, PostgreSqlChurnModelStore>();
        services.AddSingleton<IInboundEventLog, PostgreSqlInboundEventLog>();
        services.AddSingleton<IConversationContexts, PostgreSqlConversationContexts>();
        return builder;
    }

    private static PostgreSqlDatabase Open(PostgreSqlOptions options)
    {
        var database = new PostgreSqlDatabase(options);
        if (!options.MigrateAtStartup) return database;
        try
        {
            SchemaMigrator.Migrate(database);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}

/// <summary>The PostgreSQL database could not be reached or prepared; the message names it (without credentials) and what to check.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
