namespace CsBot.Host.Configuration;

/// <summary>
/// Whether CsBot's own measurements (evaluation time, questions, deliveries, 429s...) are exported on /metrics for
/// Prometheus. Key Metrics:Enabled, beside the business-metric settings of the same section. Off by default: /metrics
/// is then 404 and nothing is collected.
/// </summary>
public sealed record MetricsExportOptions(bool Enabled)
{
    public const string EnabledKey = "Metrics:Enabled";
    public const string Path = "/metrics";

    public static MetricsExportOptions Read(IConfiguration configuration, ICollection<string> errors)
    {
        var value = configuration[EnabledKey];
        if (string.IsNullOrWhiteSpace(value)) return new(false);
        if (bool.TryParse(value.Trim(), out var enabled)) return new(enabled);
        errors.Add($"{EnabledKey} is '{value}'; use true to export CsBot's metrics on {Path} for Prometheus, or false (the default).");
        return new(false);
    }
}
