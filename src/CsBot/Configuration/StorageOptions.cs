namespace CsBot.Host.Configuration;

/// <summary>Where CsBot keeps its data. Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The LiteDB file; relative paths are relative to the working directory. Its folder is created.</summary>
    public string DatabasePath { get; set; } = "data/csbot.db";
}
