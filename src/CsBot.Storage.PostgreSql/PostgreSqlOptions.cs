using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CsBot.Storage.PostgreSql;

/// <summary>The PostgreSQL database CsBot keeps its data in. Section "Storage", used when Storage:Provider is PostgreSql.</summary>
public sealed class PostgreSqlOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringKey = SectionName + ":ConnectionString";

    /// <summary>An Npgsql connection string, e.g. "Host=db;Database=csbot;Username=csbot;Password=...".</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Applies the migrations the database lacks when the host starts; off, run the migrate command before starting.</summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>Reads the section, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static PostgreSqlOptions Read(IConfiguration configuration, ICollection<string> errors)
    {
        var section = configuration.GetSection(SectionName);
        var options = new PostgreSqlOptions { ConnectionString = section[nameof(ConnectionString)]?.Trim() ?? "" };
        if (options.ConnectionString.Length == 0)
        {
            errors.Add($"{ConnectionStringKey} is empty, but Storage:Provider is PostgreSql; set it to the database's connection string, " +
                       "e.g. Host=localhost;Database=csbot;Username=csbot;Password=... (environment variable Storage__ConnectionString), " +
                       "or set Storage:Provider to LiteDb.");
        }
        else
        {
            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(parsed.Host))
                    errors.Add($"{ConnectionStringKey} names no server; add Host=..., e.g. Host=localhost;Database=csbot;Username=csbot;Password=....");
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
            {
                // The message of a bad key names the key but never the value, so a password is not echoed.
                errors.Add($"{ConnectionStringKey} is not a valid PostgreSQL connection string ({ex.Message}); write it as Key=value pairs separated by ';', " +
                           "e.g. Host=localhost;Database=csbot;Username=csbot;Password=....");
            }
        }

        if (section[nameof(MigrateAtStartup)] is { } migrate)
        {
            if (bool.TryParse(migrate, out var value)) options.MigrateAtStartup = value;
            else errors.Add($"Storage:MigrateAtStartup is '{migrate}'; set it to true or false.");
        }
        return options;
    }
}
