using CsBot.Application.Access;
using CsBot.Core.Accounts;
using FuzzySharp;

namespace CsBot.Application.Asking;

/// <summary>
/// Resolves the owner and segment names people type ("Dana", "dana@example.com", "mid market") against the data.
/// Platforms turn their own mention markup into a name or an email before the text gets here.
/// </summary>
public static class Lookups
{
    public static Person? FindOwner(string typed, IReadOnlyList<Person> owners)
    {
        var text = typed.Trim().TrimStart('@');
        var lower = text.ToLowerInvariant();
        var exact = owners.Where(o => o.Name.Equals(text, StringComparison.OrdinalIgnoreCase) || o.Email.Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) return exact[0];
        var byWord = owners.Where(o => o.Name.ToLowerInvariant().Split(' ').Contains(lower)).ToList();
        if (byWord.Count == 1) return byWord[0];
        var best = owners.Select(o => (Owner: o, Score: Math.Max(Fuzz.Ratio(lower, o.Name.ToLowerInvariant()), Fuzz.Ratio(lower, o.Name.Split(' ')[0].ToLowerInvariant()))))
            .OrderByDescending(x => x.Score).FirstOrDefault();
        return best.Score >= 80 ? best.Owner : null;
    }

    public static Person? FindSelf(Asker asker, IReadOnlyList<Person> owners) => owners.FirstOrDefault(o => AccessPolicy.IsSelf(o, asker));

    public static string? FindSegment(string typed, IReadOnlyList<string> segments)
    {
        var key = LettersOnly(typed);
        return segments.FirstOrDefault(s => LettersOnly(s) == key);
    }

    private static string LettersOnly(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
