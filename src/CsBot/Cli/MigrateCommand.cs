using System.CommandLine;
using CsBot.Host.Configuration;
using CsBot.Storage.PostgreSql;

namespace CsBot.Host.Cli;

/// <summary>
/// <c>migrate</c>: brings the PostgreSQL schema up to date (<see cref="SchemaMigrator"/>) and exits, for operators who
/// upgrade the schema before starting new CsBot versions (Storage:MigrateAtStartup=false). Safe to run while CsBots
/// run or start: migrations are serialised by an advisory lock and each is applied once.
/// </summary>
public static class MigrateCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("migrate",
            "Creates or upgrades the PostgreSQL schema (Storage:Provider=PostgreSql, Storage:ConnectionString) and exits. CsBot also does " +
            "this when it starts, unless Storage:MigrateAtStartup is false. Running it again, or beside starting CsBots, changes nothing twice. " +
            "The LiteDB file needs no migrations.");
        command.SetAction(_ => Run(context));
        return command;
    }

    private static int Run(CommandContext context)
    {
        var (output, error) = (context.Console.Output, context.Console.Error);
        var settings = SettingsLoader.Load(context.CreateBuilder().Configuration);
        if (settings.Store.Provider != StorageProvider.PostgreSql)
        {
            output.WriteLine($"{StorageSettings.ProviderKey} is {settings.Store.Provider}: the LiteDB file needs no migrations. Nothing to do.");
            return ExitCodes.Ok;
        }

        using var database = new PostgreSqlDatabase(settings.Store.PostgreSql!);
        try
        {
            var applied = SchemaMigrator.Migrate(database);
            foreach (var migration in applied) output.WriteLine($"Applied {migration.Version:D4}_{migration.Name}.");
            var version = SchemaMigrator.Applied(database).LastOrDefault();
            output.WriteLine(applied.Count == 0
                ? $"The {database.Description} is up to date (schema version {version:D4})."
                : $"The {database.Description} is at schema version {version:D4}.");
            return ExitCodes.Ok;
        }
        catch (DatabaseUnavailableException ex)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.Failed;
        }
    }
}
