namespace CsBot.Architecture.Tests;

/// <summary>
/// The shape of src/ as data: which projects are the inside (Core, Application), which are the rim (storage,
/// scheduling, chat platforms, the host), and which project alone may use each outside library.
/// </summary>
public static class Layers
{
    public const string Core = "CsBot.Core";
    public const string Application = "CsBot.Application";
    public const string Storage = "CsBot.Storage.LiteDb";
    public const string PostgreSqlStorage = "CsBot.Storage.PostgreSql";
    public const string Scheduling = "CsBot.Scheduling";
    public const string Prediction = "CsBot.Prediction";
    public const string Slack = "CsBot.Slack";
    public const string Teams = "CsBot.Teams";
    public const string LocalChat = "CsBot.Chat.Local";
    public const string Charts = "CsBot.Charts";
    public const string Host = "CsBot";

    public static readonly string[] Inner = [Core, Application];
    public static readonly string[] Platforms = [Slack, Teams, LocalChat];

    /// <summary>What Core and Application never reach: they define ports, the rim implements them.</summary>
    public static readonly string[] Outer = [Storage, PostgreSqlStorage, Scheduling, Prediction, Charts, .. Platforms, Host];

    /// <summary>Each outside library and the one project that may use its types (the host included: it only lists projects).</summary>
    public static readonly Library[] Libraries =
    [
        new("LiteDB", Storage),
        new("Quartz", Scheduling),
        new("Microsoft.ML", Prediction),
        new("Microsoft.Bot", Teams),
        new("ScottPlot", Charts),
        new("SkiaSharp", Charts),
    ];
}

/// <summary>An outside library, known by the prefix of its package, assembly and namespace names.</summary>
public sealed record Library(string Prefix, string Owner)
{
    public bool Names(string name) => name == Prefix || name.StartsWith(Prefix + ".", StringComparison.Ordinal);
}
