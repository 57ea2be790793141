using System.Collections.Concurrent;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>
/// Questions parsed lately, so a question typed again ("which accounts are at risk?", "show more") is not normalised,
/// typo-corrected and matched against every name again: parsing was about a quarter of the CPU of an answer.
/// </summary>
/// <remarks>
/// Parsing is pure in the text, the asker's day and the portfolio's names and segments, and depends on nothing about
/// the asker: who may see what is decided after it, per question, so askers with different permissions can share a
/// parse, never an answer. The entries belong to the names and segments they were parsed against (the portfolio
/// snapshot keeps those objects until the accounts themselves change): other names start an empty cache. Bounded: at
/// <see cref="Capacity"/> entries the cache starts afresh, and long texts (which are rarely typed twice) are not kept.
/// </remarks>
public sealed class ParsedQuestionCache
{
    /// <summary>Most questions kept per set of names.</summary>
    public const int Capacity = 2_048;

    /// <summary>Longer questions are parsed every time.</summary>
    public const int MaxCachedLength = 256;

    private Entries? _current;

    /// <summary>How many parses are held now; for tests.</summary>
    public int Count => Volatile.Read(ref _current)?.Parsed.Count ?? 0;

    /// <summary>What <see cref="QuestionParser.Parse(string, DateOnly?, IReadOnlyCollection{string}?, KnownNames?)"/> gives, from the cache when it was asked before.</summary>
    public ParsedQuestion Parse(string text, DateOnly today, IReadOnlyCollection<string> segments, KnownNames names)
    {
        if (text.Length > MaxCachedLength) return QuestionParser.Parse(text, today, segments, names);
        var entries = Volatile.Read(ref _current);
        if (entries is null || !ReferenceEquals(entries.Names, names) || !ReferenceEquals(entries.Segments, segments))
        {
            // A racing question against other names may replace these; either way each set only holds its own parses.
            entries = new Entries(names, segments);
            Volatile.Write(ref _current, entries);
        }
        var key = (text, today);
        if (entries.Parsed.TryGetValue(key, out var known)) return known;
        var parsed = QuestionParser.Parse(text, today, segments, names);
        if (entries.Parsed.Count >= Capacity) entries.Parsed.Clear();
        entries.Parsed.TryAdd(key, parsed);
        return parsed;
    }

    private sealed class Entries(KnownNames names, IReadOnlyCollection<string> segments)
    {
        public KnownNames Names { get; } = names;
        public IReadOnlyCollection<string> Segments { get; } = segments;
        public ConcurrentDictionary<(string Text, DateOnly Today), ParsedQuestion> Parsed { get; } = new();
    }
}
