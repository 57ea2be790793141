using CsBot.Application.Asking;
using FuzzySharp;

namespace CsBot.Application.Tests.Asking;

/// <summary>The letter-count pre-filter of the typo look-up must never leave out a name fuzzy matching would score high.</summary>
public class LetterCountsTests
{
    [Fact]
    public void The_bound_is_never_below_the_fuzzy_ratio()
    {
        var random = new Random(20261126);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .éüß\u0100\u0180";
        string Word(int max) => new([.. Enumerable.Range(0, random.Next(0, max)).Select(_ => alphabet[random.Next(random.Next(2) == 0 ? 6 : alphabet.Length)])]);
        for (var n = 0; n < 20_000; n++)
        {
            var typed = Word(14);
            var name = random.Next(4) == 0 ? Mutate(typed, random) : Word(18);
            var letters = new AccountMatcher.LetterCounts(typed);
            Assert.True(letters.UpperRatio(name) >= Fuzz.Ratio(typed, name) - 0.5, $"'{typed}' vs '{name}'");
            Assert.True(letters.UpperRatio(name) >= Fuzz.Ratio(typed, name) - 0.5, $"'{typed}' vs '{name}' (asked twice)");
        }
    }

    [Theory]
    [InlineData("acme crop", "acme corp")]
    [InlineData("initech", "initech")]
    [InlineData("globx", "globex")]
    public void Close_names_pass_and_unrelated_ones_do_not(string typed, string name)
    {
        var letters = new AccountMatcher.LetterCounts(typed);

        Assert.True(letters.MayReach(name));
        Assert.False(letters.MayReach("zyxwvu qq"));
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        for (var k = random.Next(0, 4); k > 0 && chars.Count > 0; k--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, (char)('a' + random.Next(26))); break;
                default: (chars[at], chars[^1]) = (chars[^1], chars[at]); break;
            }
        }
        return new string([.. chars]);
    }
}
