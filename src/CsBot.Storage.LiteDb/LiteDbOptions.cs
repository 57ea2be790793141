namespace CsBot.Storage.LiteDb;

/// <summary>Where the LiteDB data file lives. Bound from configuration section "Storage".</summary>
public sealed class LiteDbOptions
{
    public const string SectionName = "Storage";

    /// <summary>Path of the data file, absolute or relative to the working directory. Its directory is created when missing.</summary>
    public string DatabasePath { get; set; } = "data/csbot.db";
}
