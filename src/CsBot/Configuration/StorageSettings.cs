using CsBot.Application.Settings;
using CsBot.Storage.PostgreSql;

namespace CsBot.Host.Configuration;

/// <summary>Which store CsBot keeps its data in (Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>The embedded LiteDB file (Storage:DatabasePath): one CsBot process, nothing to install.</summary>
    LiteDb,
    /// <summary>A PostgreSQL database (Storage:ConnectionString): any number of CsBot processes can share it.</summary>
    PostgreSql,
}

/// <summary>The chosen store, and for PostgreSQL its settings (the LiteDB file's are <see cref="CsBotSettings.Storage"/>).</summary>
public sealed record StorageSettings(StorageProvider Provider, PostgreSqlOptions? PostgreSql)
{
    public const string ProviderKey = "Storage:Provider";

    /// <summary>Reads Storage:Provider (LiteDb when absent) and, for PostgreSql, its settings; one line per problem (key and fix) goes to <paramref name="errors"/>.</summary>
    public static StorageSettings Read(IConfiguration configuration, ICollection<string> errors)
    {
        var given = configuration[ProviderKey];
        if (!SettingsReader.CheckEnum<StorageProvider>(given, ProviderKey, "store", errors, required: false) || string.IsNullOrWhiteSpace(given))
            return new StorageSettings(StorageProvider.LiteDb, null);
        var provider = Enum.Parse<StorageProvider>(given.Trim(), ignoreCase: true);
        return new StorageSettings(provider, provider == StorageProvider.PostgreSql ? PostgreSqlOptions.Read(configuration, errors) : null);
    }
}
