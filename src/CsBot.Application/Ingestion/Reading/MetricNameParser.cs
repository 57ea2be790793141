using CsBot.Core.Metrics;

namespace CsBot.Application.Ingestion.Reading;

/// <summary>
/// Reads a metric name as people and URLs spell it: the <see cref="MetricKind"/> name ("NetRevenueRetention") or the
/// short name chat answers use ("NRR", "Logo churn"), ignoring case, spaces, hyphens and underscores.
/// </summary>
public static class MetricNameParser
{
    private static readonly Dictionary<string, MetricKind> Names = Build();

    public static bool TryParse(string? text, out MetricKind metric) => Names.TryGetValue(Normalize(text ?? ""), out metric);

    /// <summary>The accepted names, short names first, for error messages.</summary>
    public static IReadOnlyList<string> Known() =>
        [.. Enum.GetValues<MetricKind>().Select(m => MetricNames.Name(m).ToLowerInvariant().Replace(' ', '-'))];

    private static Dictionary<string, MetricKind> Build()
    {
        var names = new Dictionary<string, MetricKind>(StringComparer.Ordinal);
        foreach (var metric in Enum.GetValues<MetricKind>())
        {
            names[Normalize(metric.ToString())] = metric;
            names.TryAdd(Normalize(MetricNames.Name(metric)), metric);
        }
        return names;
    }

    private static string Normalize(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_').Select(char.ToLowerInvariant)]);
}
