using CsBot.Core.Querying;

namespace CsBot.Core.Rules;

/// <summary>
/// Finds the rule a message names among configured rule ids, the ways people name it: the id itself ("usage-cliff"),
/// its words ("usage cliff", "Low CSAT" for "low_csat"), or either with one letter wrong ("usage-clif"). Ids shorter than
/// five letters must be exact: one edit there turns one short word into another.
/// </summary>
public static class RuleMentions
{
    /// <summary>The rule named in <paramref name="text"/> and the text without it; null when no rule is named.</summary>
    public static (string RuleId, string Remainder)? Find(string text, IEnumerable<string> ruleIds)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = Parts(text);
        (string Id, int First, int Count, int Distance)? best = null;
        foreach (var id in ruleIds)
        {
            if (string.IsNullOrWhiteSpace(id)) continue;
            var words = string.Join(' ', Parts(id).Select(p => id[p.Start..p.End].ToLowerInvariant()));
            if (words.Length == 0) continue;
            var count = words.Count(c => c == ' ') + 1;
            var max = words.Length >= 5 ? 1 : 0;
            for (var i = 0; i + count <= parts.Count; i++)
            {
                var typed = string.Join(' ', parts.Skip(i).Take(count).Select(p => text[p.Start..p.End].ToLowerInvariant()));
                if (typed[0] != words[0]) continue;
                var d = EditDistance.Bounded(typed, words, max);
                if (d > max) continue;
                // The closest reading wins; on a tie the longer id ("health-drop-severe" over "health-drop").
                if (best is null || d < best.Value.Distance || (d == best.Value.Distance && id.Length > best.Value.Id.Length))
                    best = (id, i, count, d);
            }
        }
        if (best is not { } found) return null;
        var before = text[..parts[found.First].Start].TrimEnd();
        var after = text[parts[found.First + found.Count - 1].End..].TrimStart();
        var rest = before.Length == 0 ? after : after.Length == 0 ? before : before + " " + after;
        return (found.Id, rest);
    }

    /// <summary>Runs of letters and digits; spaces, hyphens, underscores and dots separate them as they do in ids.</summary>
    private static List<(int Start, int End)> Parts(string text)
    {
        var parts = new List<(int, int)>(8);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            parts.Add((s, i));
        }
        return parts;
    }
}
