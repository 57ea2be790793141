using CsBot.Core.Accounts;
using CsBot.Core.Querying;
using System.Runtime.InteropServices;
using FuzzySharp;

namespace CsBot.Application.Asking;

/// <summary>
/// Finds an account from free text: exact names, aliases and domains first (case and company suffixes
/// ignored), then a word-prefix check that keeps "Acme" ambiguous between "Acme Corp" and "Acme Labs", then
/// fuzzy similarity for typos.
/// </summary>
public sealed class AccountMatcher
{
    private const int FuzzyThreshold = 75;
    private const int SuggestionThreshold = 60;
    private const int ClearLead = 10;
    private static readonly HashSet<string> Suffixes = ["inc", "corp", "corporation", "co", "company", "ltd", "llc", "gmbh", "plc", "sa", "ag", "the"];

    private readonly Account[] _accounts;
    // Each exact key to the position of the one account it names, or (negative, ~i) to _severalNamed[i]: a key names
    // one account almost always, and a list per key was two objects of 88 bytes for each of some 300k keys at 100k.
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Account[][] _severalNamed;
    private readonly (Account Account, string Core)[] _cores;
    // Normalised names, computed once: a typo's look-up compares against all of them.
    private readonly string[] _normalized;
    private readonly WordPrefixIndex _wordPrefixes;

    public AccountMatcher(IEnumerable<Account> accounts)
    {
        _accounts = [.. accounts];
        _normalized = [.. _accounts.Select(a => Normalize(a.Name))];
        var several = new List<List<Account>>();
        for (var i = 0; i < _accounts.Length; i++)
        {
            foreach (var key in ExactKeys(_accounts[i], _normalized[i]).Distinct())
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_exact, key, out var known);
                if (!known) slot = i;
                else if (slot >= 0)
                {
                    several.Add([_accounts[slot], _accounts[i]]);
                    slot = ~(several.Count - 1);
                }
                else several[~slot].Add(_accounts[i]);
            }
        }
        _severalNamed = [.. several.Select(accountsOfKey => accountsOfKey.ToArray())];
        // Most names have no company suffix, so their core is their normalised name: held once.
        _cores = [.. _accounts.Select((a, i) => (a, CoreName(a.Name) is var core && core == _normalized[i] ? _normalized[i] : core))];
        _wordPrefixes = new WordPrefixIndex(_normalized);
        Names = new KnownNames(_accounts.SelectMany(a => a.Aliases.Prepend(a.Name)), _accounts.Select(a => a.Owner?.Name ?? ""));
    }

    /// <summary>The names and aliases as words, for the parser to tell them from keywords, and the accounts' owners' names.</summary>
    public KnownNames Names { get; }

    public AccountMatch Match(string text)
    {
        var typed = Normalize(text);
        if (typed.Length == 0) return AccountMatch.NotFound([]);

        if (_exact.TryGetValue(typed, out var exact))
            return exact >= 0 ? AccountMatch.Found(_accounts[exact]) : AccountMatch.Ambiguous(_severalNamed[~exact]);

        // A bare first word shared by several names is a genuine question of which one was meant.
        var byPrefix = _wordPrefixes.Find(typed).ConvertAll(i => _accounts[i]);
        if (byPrefix.Count == 1) return AccountMatch.Found(byPrefix[0]);
        if (byPrefix.Count > 1) return AccountMatch.Ambiguous([.. byPrefix.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)]);

        var core = CoreName(text);
        // Only names whose length and letters allow a close score are compared: the others cannot reach the
        // threshold, so leaving them out changes no outcome and saves most of the edit-distance work on a large portfolio.
        var coreLetters = new LetterCounts(core);
        var typedLetters = new LetterCounts(typed);
        var ranked = Enumerable.Range(0, _cores.Length)
            .Where(i => (MayReach(core, _cores[i].Core) && coreLetters.MayReach(_cores[i].Core))
                || (MayReach(typed, _normalized[i]) && typedLetters.MayReach(_normalized[i])))
            .Select(i => (_cores[i].Account, Score: Math.Max(Fuzz.Ratio(core, _cores[i].Core), Fuzz.Ratio(typed, _normalized[i]))))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Account.Name, StringComparer.OrdinalIgnoreCase)
            .Take(5)
            .ToList();
        var close = ranked.Where(r => r.Score >= FuzzyThreshold).ToList();
        if (close.Count == 1 || (close.Count > 1 && close[0].Score - close[1].Score >= ClearLead))
            return AccountMatch.Found(close[0].Account);
        if (close.Count > 1)
            return AccountMatch.Ambiguous([.. close.Where(r => close[0].Score - r.Score < ClearLead).Select(r => r.Account)]);

        // Suggestions only where part of the name really matches: keyboard mashing is no near miss of any account.
        var suggestions = _cores
            .Select(c => (c.Account, Score: Fuzz.PartialRatio(core, c.Core)))
            .Where(r => r.Score >= SuggestionThreshold)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Account.Name, StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .Select(r => r.Account)
            .ToList();
        return AccountMatch.NotFound(suggestions);
    }

    /// <summary>
    /// False when <see cref="Fuzz.Ratio(string, string)"/> cannot reach <see cref="FuzzyThreshold"/>: an edit distance is
    /// at least the difference in length, so the ratio is at most 2 x shorter / (sum of lengths), rounded to a whole percent.
    /// </summary>
    private static bool MayReach(string a, string b)
    {
        var sum = a.Length + b.Length;
        return sum == 0 || 200.0 * Math.Min(a.Length, b.Length) / sum >= FuzzyThreshold - 0.5;
    }

    /// <summary>
    /// The letters of one typed text, to bound its <see cref="Fuzz.Ratio(string, string)"/> with other names cheaply. That
    /// ratio is (sum of lengths - d) / (sum of lengths) for d the insert/delete edit distance (a change counts as both),
    /// and d is at least the number of letters the two do not share (counted with repeats): so the ratio is at most
    /// 2 x shared letters / (sum of lengths). Letters are counted in 128 buckets; two letters sharing a bucket can only
    /// raise the count of shared letters, so the bound stays an upper bound.
    /// </summary>
    public sealed class LetterCounts
    {
        private readonly string _text;
        private readonly int[] _counts = new int[128];
        private readonly int[] _left = new int[128];

        public LetterCounts(string text)
        {
            _text = text;
            foreach (var c in text) _counts[c & 127]++;
            _counts.CopyTo(_left, 0);
        }

        /// <summary>The most <see cref="Fuzz.Ratio(string, string)"/> can give for this text and <paramref name="other"/>.</summary>
        public double UpperRatio(string other)
        {
            if (_text.Length == 0 || other.Length == 0) return 0;
            var shared = 0;
            foreach (var c in other)
            {
                ref var left = ref _left[c & 127];
                if (left > 0)
                {
                    left--;
                    shared++;
                }
            }
            foreach (var c in other) _left[c & 127] = _counts[c & 127];
            return 200.0 * shared / (_text.Length + other.Length);
        }

        /// <summary>False when the ratio cannot round to <see cref="FuzzyThreshold"/> (a hair of slack for floating point).</summary>
        public bool MayReach(string other) => UpperRatio(other) >= FuzzyThreshold - 0.5 - 1e-9;
    }

    private static IEnumerable<string> ExactKeys(Account account, string normalizedName)
    {
        yield return normalizedName;
        yield return Normalize(account.ExternalId);
        foreach (var alias in account.Aliases) yield return Normalize(alias);
        if (!string.IsNullOrWhiteSpace(account.Domain))
        {
            var domain = account.Domain.Trim().ToLowerInvariant();
            yield return domain;
            var dot = domain.IndexOf('.');
            if (dot > 0) yield return Normalize(domain[..dot].Replace('-', ' '));
        }
    }

    /// <summary>Lower case, punctuation to spaces, single spaces.</summary>
    public static string Normalize(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.');
    }

    /// <summary>The name without company suffixes, so "Acme Corporation" compares with "Acme Corp".</summary>
    public static string CoreName(string text) =>
        string.Join(' ', Normalize(text).Replace(".", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Suffixes.Contains(w)));
}
