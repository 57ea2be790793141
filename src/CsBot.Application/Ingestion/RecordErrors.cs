using System.Globalization;

namespace CsBot.Application.Ingestion;

/// <summary>Collects the errors of one record and parses its text fields, so every problem of a batch is reported at once.</summary>
internal sealed class RecordErrors(List<RecordError> sink, int index)
{
    private readonly int _before = sink.Count;

    public int Index => index;
    public bool Any => sink.Count > _before;

    public void Add(string field, string reason) => sink.Add(new RecordError(index, field, reason));

    public string? Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) Add(field, $"is {trimmed.Length} characters long; at most {maxLength} are allowed");
        return trimmed;
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An optional text field: null when blank, trimmed otherwise, and refused when longer than <paramref name="maxLength"/>.</summary>
    public string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = Optional(value);
        if (trimmed is not null && trimmed.Length > maxLength) Add(field, $"is {trimmed.Length} characters long; at most {maxLength} are allowed");
        return trimmed;
    }

    /// <summary>An ISO 8601 calendar date, yyyy-MM-dd.</summary>
    public DateOnly? Date(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required (a date like 2026-03-31)");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Add(field, $"'{value}' is not an ISO 8601 date; use yyyy-MM-dd, e.g. 2026-03-31");
        return null;
    }

    /// <summary>An ISO 8601 timestamp; without an offset it is read as UTC.</summary>
    public DateTimeOffset? Timestamp(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required (a timestamp like 2026-03-31T14:05:00Z)");
            return null;
        }
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];
        if (DateTimeOffset.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, styles, out var at)) return at;
        Add(field, $"'{value}' is not an ISO 8601 timestamp; use e.g. 2026-03-31T14:05:00Z");
        return null;
    }

    public T? Enum<T>(string? value, string field, bool required) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"is required; use one of {Names<T>()}");
            return null;
        }
        if (System.Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(value, out _)) return parsed;
        Add(field, $"'{value}' is not one of {Names<T>()}");
        return null;
    }

    public T? Number<T>(T? value, string field, T min, T max) where T : struct, IComparable<T>
    {
        if (value is not { } v)
        {
            Add(field, "is required");
            return null;
        }
        if (v.CompareTo(min) < 0 || v.CompareTo(max) > 0)
        {
            Add(field, $"is {Convert.ToString(v, CultureInfo.InvariantCulture)}; use {Convert.ToString(min, CultureInfo.InvariantCulture)} to {Convert.ToString(max, CultureInfo.InvariantCulture)}");
            return null;
        }
        return v;
    }

    public void Currency(string? value, string field, string configured)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), configured, StringComparison.OrdinalIgnoreCase)) return;
        Add(field, $"is '{value}', but CsBot keeps all money in {configured} (Metrics:Currency); convert the amount first");
    }

    private static string Names<T>() where T : struct, System.Enum => string.Join(", ", System.Enum.GetNames<T>());
}
