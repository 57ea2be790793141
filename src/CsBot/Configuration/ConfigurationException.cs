namespace CsBot.Host.Configuration;

/// <summary>Thrown at startup when settings are invalid. Each error names the key and the fix.</summary>
public sealed class ConfigurationException(IReadOnlyList<string> errors)
    : Exception("CsBot cannot start: its configuration is invalid.\n" + string.Join("\n", errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
