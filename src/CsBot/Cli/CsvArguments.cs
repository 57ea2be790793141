using System.CommandLine;

namespace CsBot.Host.Cli;

/// <summary>What import and export share: the kind argument.</summary>
internal static class CsvArguments
{
    public static Argument<string> Kind(string description)
    {
        var kind = new Argument<string>("kind") { Description = $"{description} One of: {string.Join(", ", CsvLayout.ByName.Keys)}." };
        kind.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. CsvLayout.ByName.Keys]);
        return kind;
    }
}
