namespace CsBot.Application.Tests.Understanding;

/// <summary>The corpora are well formed, so a typo in an expected meaning cannot pass for a phrase not understood.</summary>
public class UnderstandingCorpusTests
{
    public static TheoryData<string> Files => new() { UnderstandingCorpus.MainFile, UnderstandingCorpus.BlindFile };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_expected_meaning_uses_the_notation(string file)
    {
        Assert.All(UnderstandingCorpus.Read(file), row =>
        {
            var meaning = Meaning.Parse(row.Expected);
            Assert.True(Meaning.Kinds.Contains(meaning.Kind) && meaning.Kind != "no-such-account", $"{file}:{row.Line}: kind \"{meaning.Kind}\"");
            if (meaning.Pairs.TryGetValue("period", out var period)) PeriodNotation.Resolve(period, UnderstandingRateTests.Today);
            Assert.True(row.Family != "follow-up" || row.Previous.Length > 0 || meaning.Kind == "nothing-to-follow",
                $"{file}:{row.Line}: a follow-up needs the previous turn");
        });
    }

    [Fact]
    public void The_sets_are_large_and_do_not_overlap()
    {
        var main = UnderstandingCorpus.Read(UnderstandingCorpus.MainFile);
        var blind = UnderstandingCorpus.Read(UnderstandingCorpus.BlindFile);
        Assert.True(main.Count + blind.Count >= 200, $"{main.Count} + {blind.Count} rows");
        Assert.True(blind.Count >= 60, $"blind set has {blind.Count} rows");
        var duplicates = main.Concat(blind).GroupBy(r => (r.Previous, r.Text.Trim().ToLowerInvariant())).Where(g => g.Count() > 1).Select(g => g.Key.Item2);
        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("this-quarter", "2026-10-01..2026-12-31")]
    [InlineData("2026-10-01..2026-11-26", "2026-10-01..2026-12-31")]
    [InlineData("last-30-days", "2026-10-28..2026-11-26")]
    [InlineData("2026-03-01..2026-11-26", "2026-03-01..2026-11-26")]
    [InlineData("2026-11-23..2026-11-26", "2026-11-23..2026-11-29")]
    [InlineData("next-month", "2026-12-01..2026-12-31")]
    public void Periods_compare_as_days_with_a_running_unit_taken_whole(string token, string canonical) =>
        Assert.Equal(canonical, PeriodNotation.Canonical(PeriodNotation.Resolve(token, UnderstandingRateTests.Today), UnderstandingRateTests.Today));

    [Fact]
    public void Meanings_compare_names_and_segments_loosely_and_everything_else_exactly()
    {
        var today = UnderstandingRateTests.Today;
        Assert.True(Meaning.Parse("list band=Poor segment=Mid-Market").SameAs(Meaning.Parse("list segment=mid market band=poor"), today));
        Assert.True(Meaning.Parse("health account=Stark Industries").SameAs(Meaning.Parse("health account=stark industries"), today));
        Assert.False(Meaning.Parse("health account=Stark Industries").SameAs(Meaning.Parse("health account=Stark Logistics"), today));
        Assert.False(Meaning.Parse("list band=Poor").SameAs(Meaning.Parse("list band=Poor segment=SMB"), today));
        Assert.False(Meaning.Parse("why account=Hooli").SameAs(Meaning.Parse("health account=Hooli"), today));
    }
}
