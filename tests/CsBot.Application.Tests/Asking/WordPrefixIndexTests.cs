using CsBot.Application.Asking;

namespace CsBot.Application.Tests.Asking;

/// <summary>The name look-up by word prefix finds exactly the names a scan of every name finds, in the same order.</summary>
public class WordPrefixIndexTests
{
    [Fact]
    public void Finds_what_a_scan_of_every_name_finds()
    {
        var random = new Random(20261202);
        // Few letters, so names share prefixes, repeat, and stop at a space or run on into a longer word.
        const string alphabet = "ab c.é\u0100\uD83D\uDE00";
        string Word(int max) => new([.. Enumerable.Range(0, random.Next(0, max)).Select(_ => alphabet[random.Next(random.Next(3) == 0 ? 4 : alphabet.Length)])]);
        for (var round = 0; round < 200; round++)
        {
            var names = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Word(7)).ToList();
            var index = new WordPrefixIndex(names);
            for (var n = 0; n < 50; n++)
            {
                var typed = random.Next(3) == 0 && names.Count > 0 ? Cut(names[random.Next(names.Count)], random) : Word(5);
                var scanned = Enumerable.Range(0, names.Count).Where(i => WordPrefixIndex.IsWordPrefix(typed, names[i])).ToList();

                Assert.Equal(scanned, index.Find(typed));
            }
        }
    }

    [Fact]
    public void A_first_word_finds_every_name_it_begins_and_no_longer_word()
    {
        var index = new WordPrefixIndex(["acme corp", "acmelabs", "initech", "acme", "acme labs", "globex"]);

        Assert.Equal([0, 3, 4], index.Find("acme"));
        Assert.Equal([4], index.Find("acme labs"));
        Assert.Empty(index.Find("acme l"));
        Assert.Empty(index.Find("zeta"));
    }

    private static string Cut(string name, Random random) => name[..random.Next(0, name.Length + 1)];
}
