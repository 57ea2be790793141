using CsBot.Core.Metrics;

namespace CsBot.Application.Tests.Understanding;

/// <summary>
/// What a message means, in the corpus's small notation: a kind, then key=value pairs, e.g. "health account=Stark Industries"
/// or "metric metric=GrossRevenueRetention period=2026-Q4 compare=previous-quarter". A value runs until the next key, so
/// names with spaces need no quoting. Two meanings are equal when the kinds and every pair are equal, values compared
/// without regard to case, spaces, hyphens or underscores ("mid market" = "Mid-Market"); periods are compared as days.
/// </summary>
public sealed record Meaning(string Kind, IReadOnlyDictionary<string, string> Pairs)
{
    /// <summary>Every kind the notation knows; a row expecting any other kind is a typo in the corpus.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "health", "why", "trend", "fact", "list", "movers", "renewals", "metric", "ack", "snooze", "subscribe", "unsubscribe",
        "help", "cannot-do", "not-understood", "period-not-started", "nothing-to-follow",
        // What today's engine can produce and no corpus row expects: an answer about a name that matches no account.
        "no-such-account",
    };

    /// <summary>Every key the notation knows.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "account", "fact", "band", "risk", "signal", "segment", "owner", "mine", "metric", "period", "compare", "direction",
        "rule", "alerts", "for", "page",
    };

    public static Meaning Parse(string notation)
    {
        var words = notation.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw new FormatException("empty meaning");
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var word in words.Skip(1))
        {
            var eq = word.IndexOf('=');
            if (eq > 0 && Keys.Contains(word[..eq]))
            {
                key = word[..eq];
                if (!pairs.TryAdd(key, word[(eq + 1)..])) throw new FormatException($"'{key}' twice in \"{notation}\"");
            }
            else if (key is null) throw new FormatException($"'{word}' is not a key=value pair in \"{notation}\"");
            else pairs[key] += " " + word;
        }
        return new Meaning(words[0], pairs);
    }

    /// <summary>The meanings are the same, with <paramref name="today"/> fixing what relative periods mean.</summary>
    public bool SameAs(Meaning other, DateOnly today)
    {
        if (Kind != other.Kind || Pairs.Count != other.Pairs.Count) return false;
        foreach (var (key, value) in Pairs)
        {
            if (!other.Pairs.TryGetValue(key, out var theirs)) return false;
            var same = key == "period"
                ? PeriodNotation.Canonical(PeriodNotation.Resolve(value, today), today) == PeriodNotation.Canonical(PeriodNotation.Resolve(theirs, today), today)
                : Plain(value) == Plain(theirs);
            if (!same) return false;
        }
        return true;
    }

    public override string ToString() =>
        string.Join(' ', new[] { Kind }.Concat(Pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));

    private static string Plain(string value) =>
        new([.. value.ToLowerInvariant().Where(c => c is not (' ' or '-' or '_'))]);
}
