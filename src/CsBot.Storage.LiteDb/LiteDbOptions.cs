using Microsoft.Extensions.Configuration;

namespace CsBot.Storage.LiteDb;

/// <summary>Where CsBot keeps its data. Section "Storage".</summary>
public sealed class LiteDbOptions
{
    public const string SectionName = "Storage";

    /// <summary>The LiteDB file, absolute or relative to the working directory. Its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = "data/csbot.db";

    /// <summary>Reads the section, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static LiteDbOptions Read(IConfiguration configuration, ICollection<string> errors)
    {
        var options = new LiteDbOptions();
        if (configuration.GetSection(SectionName)[nameof(DatabasePath)] is { } path) options.DatabasePath = path;
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            errors.Add("Storage:DatabasePath is empty; set it to a file path such as data/csbot.db.");
        return options;
    }
}
