using System.Globalization;

namespace CsBot.Host.Cli;

/// <summary>One CSV data row by column name, parsing numbers and booleans and noting which columns did not parse.</summary>
public sealed class CsvRow(Func<string, string?> field)
{
    public List<(string Column, string Reason)> Errors { get; } = [];

    public string? Text(string column) => field(column) is { Length: > 0 } value ? value : null;

    public int? Int(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        Errors.Add((column, $"'{text}' is not a whole number"));
        return null;
    }

    public decimal? Money(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        Errors.Add((column, $"'{text}' is not a number (use a dot for decimals, e.g. 1234.50)"));
        return null;
    }

    public bool? Bool(string column)
    {
        var text = Text(column)?.Trim();
        if (text is null) return null;
        if (bool.TryParse(text, out var b)) return b;
        Errors.Add((column, $"'{text}' is not true or false"));
        return null;
    }
}
