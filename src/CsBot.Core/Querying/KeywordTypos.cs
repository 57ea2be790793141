namespace CsBot.Core.Querying;

/// <summary>
/// Typo tolerance for the words of requests ("healt", "rsik", "renewls", "mvoers", "invocies"), the same kind names get:
/// a word of five letters or more within one edit of a keyword (two from eight letters, first letter kept), and a
/// four-letter word only for two swapped neighbours or one inner letter ("rsik", "halp") or for a three-letter keyword
/// with one letter slipped in ("whay"). Shorter words must be exact.
/// Words of account names are never touched, so an account is not turned into a keyword.
/// </summary>
public static class KeywordTypos
{
    private static readonly string[] Keywords =
    [
        "health", "healthy", "score", "status", "risk", "risky", "renewal", "renewals", "renewing", "overdue", "invoice",
        "invoices", "movers", "mover", "accounts", "account", "customers", "clients", "snooze", "acknowledge", "unsubscribe",
        "subscribe", "help", "explain", "breakdown", "trending", "quarter", "month", "months", "weeks", "today", "yesterday",
        "digest", "alerts", "alert", "doing", "going", "looking", "biggest", "drops", "improved", "declined", "critical",
        "tickets", "segment", "average",
    ];

    private static readonly string[] FourLetter = ["risk", "help"];

    private static readonly string[] ThreeLetter = ["why"];

    private static readonly HashSet<string> Known = new([.. Keywords, .. FourLetter], StringComparer.Ordinal);

    /// <summary>The text with mistyped keywords corrected; the same string instance when nothing changed.</summary>
    public static string Correct(string text, KnownNames? names = null)
    {
        names ??= KnownNames.None;
        var tokens = text.Split(' ');
        var changed = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var lower = tokens[i].ToLowerInvariant();
            if (lower.Length < 4 || Known.Contains(lower) || names.IsNameWord(lower) || !lower.All(char.IsAsciiLetterLower)) continue;
            var fix = lower.Length == 4 ? FourLetterFix(lower) ?? ThreeLetterFix(lower) : EditDistance.Correct(lower, Keywords);
            if (fix is null) continue;
            tokens[i] = fix;
            changed = true;
        }
        return changed ? string.Join(' ', tokens) : text;
    }

    /// <summary>"whay" is "why": a three-letter keyword with one letter slipped in between its first and last.</summary>
    private static string? ThreeLetterFix(string word)
    {
        foreach (var k in ThreeLetter)
            if (word[0] == k[0] && word[3] == k[2] && (word[1] == k[1] || word[2] == k[1]))
                return k;
        return null;
    }

    private static string? FourLetterFix(string word)
    {
        foreach (var k in FourLetter)
        {
            var differ = 0;
            for (var j = 0; j < 4; j++) if (word[j] != k[j]) differ++;
            if (differ == 1 && word[0] == k[0] && word[3] == k[3]) return k;
            if (differ == 2)
                for (var j = 0; j < 3; j++)
                    if (word[j] == k[j + 1] && word[j + 1] == k[j] && word[j] != word[j + 1]
                        && word.AsSpan(0, j).SequenceEqual(k.AsSpan(0, j)) && word.AsSpan(j + 2).SequenceEqual(k.AsSpan(j + 2)))
                        return k;
        }
        return null;
    }
}
