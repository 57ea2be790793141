using CsBot.Application.Ingestion.Reading;
using CsBot.Application.ReadModel;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Ingestion;

/// <summary>
/// A page of the accounts API filtered by band lists the accounts in name order (then external id) whose latest score
/// is in that band, pages through them without gaps or repeats, and follows score writes and new accounts at once.
/// </summary>
public class AccountPageTests
{
    private static readonly DateOnly Today = new(2026, 7, 15);
    private static readonly string[] Names = ["delta", "Alpha", "charlie", "Bravo", "alpha", "Echo", "foxtrot", "Golf", "hotel", "India", "juliet", "Kilo"];
    private readonly InMemoryStores _stores = new();
    private readonly DataVersions _versions = new();
    private readonly PortfolioReader _reader;

    public AccountPageTests()
    {
        // 36 accounts, names repeated with other external ids, scores spread over the three bands.
        var signals = Enumerable.Range(0, 36).Select(i => new AccountSignals { Account = Account($"acc-{i:00}", $"crm-{35 - i:00}", Names[i % Names.Length]) }).ToList();
        _stores.Save(signals);
        _stores.SaveScores([.. signals.Select((s, i) => Score(s.Account.Id, i * 7 % 100))]);
        _reader = new PortfolioReader(new PortfolioView(new ObservedPortfolioStore(_stores, _versions), new ObservedScoreStore(_stores, _versions), _stores, _versions),
            new MetricsCalculator(new MetricsOptions()), new MetricsOptions());
    }

    [Fact]
    public void Pages_of_a_band_list_its_accounts_in_name_order_without_gaps_or_repeats()
    {
        foreach (var band in Enum.GetValues<HealthBand>())
            Assert.Equal(Expected(band), AllPages(band));
        Assert.Equal(Expected(HealthBand.Poor).Length, _reader.ListAccounts(new AccountFilter(HealthBand.Poor, PageSize: 5)).Total);
    }

    [Fact]
    public void A_score_write_moves_accounts_between_band_pages_at_once()
    {
        var poorBefore = AllPages(HealthBand.Poor);
        var leaving = poorBefore[1];
        var joining = AllPages(HealthBand.Good)[0];

        new ObservedScoreStore(_stores, _versions).SaveScores([Score(Id(leaving), 90), Score(Id(joining), 10)]);

        var poorAfter = AllPages(HealthBand.Poor);
        Assert.Equal(Expected(HealthBand.Poor), poorAfter);
        Assert.DoesNotContain(leaving, poorAfter);
        Assert.Contains(joining, poorAfter);
        Assert.Equal(Expected(HealthBand.Good), AllPages(HealthBand.Good));
    }

    [Fact]
    public void A_new_account_scored_poor_shows_on_the_poor_pages()
    {
        AllPages(HealthBand.Poor);
        new ObservedPortfolioStore(_stores, _versions).Save([new AccountSignals { Account = Account("acc-new", "crm-new", "Bravo") }]);
        new ObservedScoreStore(_stores, _versions).SaveScores([Score("acc-new", 5)]);

        var poor = AllPages(HealthBand.Poor);

        Assert.Contains("crm-new", poor);
        Assert.Equal(Expected(HealthBand.Poor), poor);
    }

    private string Id(string externalId) => _stores.FindByExternalId(externalId)!.Id;

    /// <summary>Every page of the band, three accounts a page, as external ids.</summary>
    private string[] AllPages(HealthBand band)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var items = _reader.ListAccounts(new AccountFilter(band, Page: page, PageSize: 3)).Items;
            if (items.Count == 0) return [.. ids];
            Assert.All(items, i => Assert.Equal(band, i.Band));
            ids.AddRange(items.Select(i => i.ExternalId));
        }
    }

    /// <summary>What the stores hold now, filtered and ordered as the API promises.</summary>
    private string[] Expected(HealthBand band)
    {
        var latest = _stores.GetAllLatest();
        return [.. _stores.GetAccounts().Where(a => latest.GetValueOrDefault(a.Id)?.Band == band)
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.ExternalId, StringComparer.Ordinal).Select(a => a.ExternalId)];
    }

    private static Account Account(string id, string externalId, string name) => new()
    {
        Id = id,
        ExternalId = externalId,
        Name = name,
        StartDate = Today.AddYears(-1),
        Owner = new Person("Olivia Owner", "olivia@example.com"),
    };

    private static HealthScore Score(string id, int score) => new()
    {
        AccountId = id,
        AsOf = Today,
        Score = score,
        Band = new ScoringOptions().BandFor(score),
        Components = [],
    };
}
