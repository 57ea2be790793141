using CsBot.Core.Metrics;

namespace CsBot.Core.Querying;

/// <summary>
/// A time expression found inside a question: the days it means and where it was typed, so the caller can strip it
/// ("nrr for Enterprise last quarter" -> "nrr for Enterprise"). <see cref="Index"/> and <see cref="Length"/> are in
/// the text that was parsed; the span includes a leading "in", "for", "over the" and similar.
/// </summary>
public readonly record struct PeriodMatch(DateRange Range, int Index, int Length, string Text)
{
    /// <summary>The text with this match cut out and the spaces around it closed up.</summary>
    public string RemoveFrom(string text)
    {
        if (Index < 0 || Length <= 0 || Index + Length > text.Length) return text;
        var before = text[..Index].TrimEnd();
        var after = text[(Index + Length)..].TrimStart();
        if (before.Length == 0) return after;
        if (after.Length == 0) return before;
        return before + " " + after;
    }
}
