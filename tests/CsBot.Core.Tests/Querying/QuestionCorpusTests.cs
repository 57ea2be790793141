using System.Globalization;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Querying;

/// <summary>
/// Every line of corpus.tsv is one phrasing and what it must parse to, with today fixed at 2026-11-26 (a Thursday).
/// Columns: text, intent, account, metric, period_from, period_to, segment, owner, extra. An empty cell means "none";
/// extra holds key=value pairs separated by ';' (band, alert, snooze, mine, movement, fact, unsupported, text); keys left out must be
/// at their defaults.
/// </summary>
public class QuestionCorpusTests
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static IEnumerable<object[]> Corpus() =>
        File.ReadLines(CorpusPath())
            .Skip(1)
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select(line =>
            {
                var cells = line.Split('\t');
                Array.Resize(ref cells, 9);
                return cells.Select(c => (object)(c ?? "")).ToArray();
            });

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parses(string text, string intent, string account, string metric, string from, string to, string segment, string owner, string extra)
    {
        var parsed = QuestionParser.Parse(text, Today);

        Assert.Equal(Enum.Parse<IntentKind>(intent), parsed.Intent);
        Assert.Equal(NullIfEmpty(account), parsed.AccountText);
        Assert.Equal(NullIfEmpty(metric) is { } m ? Enum.Parse<MetricKind>(m) : null, parsed.Metric);
        Assert.Equal(NullIfEmpty(from) is { } f ? DateOnly.ParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, parsed.Period?.From);
        Assert.Equal(NullIfEmpty(to) is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, parsed.Period?.To);
        Assert.Equal(NullIfEmpty(segment), parsed.Segment);
        Assert.Equal(NullIfEmpty(owner), parsed.OwnerText);

        var extras = (extra ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(kv => kv.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        Assert.Equal(extras.TryGetValue("band", out var band) ? Enum.Parse<HealthBand>(band) : null, parsed.Band);
        Assert.Equal(extras.GetValueOrDefault("alert"), parsed.AlertText);
        Assert.Equal(extras.GetValueOrDefault("snooze"), parsed.Snooze?.ToString());
        Assert.Equal(extras.TryGetValue("mine", out var mine) && bool.Parse(mine), parsed.Mine);
        Assert.Equal(extras.TryGetValue("movement", out var movement) ? Enum.Parse<MoverFilter>(movement) : MoverFilter.Any, parsed.Movement);
        Assert.Equal(extras.TryGetValue("fact", out var fact) ? Enum.Parse<AccountFactKind>(fact) : null, parsed.Fact);
        Assert.Equal(extras.TryGetValue("unsupported", out var unsupported) ? Enum.Parse<UnsupportedRequest>(unsupported) : null, parsed.Unsupported);
        if (extras.TryGetValue("text", out var cleaned)) Assert.Equal(cleaned, parsed.Text);
    }

    [Fact]
    public void The_corpus_is_large_and_covers_every_intent()
    {
        var rows = Corpus().ToList();
        Assert.True(rows.Count >= 170, $"corpus has {rows.Count} rows");
        var intents = rows.Select(r => Enum.Parse<IntentKind>((string)r[1])).ToHashSet();
        Assert.All(Enum.GetValues<IntentKind>(), kind => Assert.Contains(kind, intents));
        var duplicates = rows.GroupBy(r => (string)r[0]).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_metric_has_a_phrase_in_the_corpus()
    {
        var metrics = Corpus().Select(r => (string)r[3]).Where(m => m.Length > 0).Select(Enum.Parse<MetricKind>).ToHashSet();
        Assert.All(Enum.GetValues<MetricKind>(), kind => Assert.Contains(kind, metrics));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>The corpus is read from the source tree: walk up from the test binaries to the folder holding CsBot.sln.</summary>
    private static string CorpusPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CsBot.sln")))
                return Path.Combine(dir.FullName, "tests", "CsBot.Core.Tests", "Querying", "corpus.tsv");
        }
        throw new FileNotFoundException("CsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
