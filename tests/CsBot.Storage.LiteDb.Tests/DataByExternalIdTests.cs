using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// An ingestion batch finds its accounts by external id through the data documents, which carry it, and merges into
/// the documents that look-up read. Documents written before they carried it, and external ids that changed, must
/// still resolve as the accounts say.
/// </summary>
public sealed class DataByExternalIdTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Loading_the_signals_of_accounts_just_found_by_external_id_takes_the_documents_the_look_up_read()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var ids = Enumerable.Range(0, 40).Select(i => $"acc-{i:D3}").ToArray();
        store.Save([.. ids.Select(id => TestData.FullSignals(id, usageDays: 30))]);

        var found = store.FindIdsByExternalIds([.. ids.Select(id => "crm-" + id)]);
        // Changed in the file behind the store's back: a load that read the file again would see 5 days.
        var raw = context.Database.GetCollection(LiteDbContext.AccountData);
        raw.Update(AccountDataDocument.From(TestData.FullSignals("acc-007", usageDays: 5)));
        var loaded = store.LoadSignalsOf([.. found.Values]);

        Assert.Equal(ids, found.Values.Order(StringComparer.Ordinal));
        Assert.Equal(30, loaded["acc-007"].Usage.Length);
        Assert.Equal(ids.Length, context.RecentData.Count);
    }

    [Fact]
    public void Accounts_whose_data_was_written_before_it_carried_the_external_id_are_found_and_get_it_when_saved()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var signals = TestData.FullSignals("acc-001", usageDays: 30);
        store.Save([signals]);
        var raw = context.Database.GetCollection(LiteDbContext.AccountData);
        var earlier = raw.FindById("acc-001");
        earlier.Remove(AccountDataDocument.ExternalIdField);
        raw.Update(earlier);

        Assert.Equal("acc-001", store.FindIdsByExternalIds(["crm-acc-001"])["crm-acc-001"]);
        store.Save([signals]);

        Assert.Equal("crm-acc-001", AccountDataDocument.ExternalIdOf(raw.FindById("acc-001")));
        Assert.Equal(1, raw.Count(Query.EQ("$." + AccountDataDocument.ExternalIdField, "crm-acc-001")));
    }

    [Fact]
    public void An_account_whose_external_id_changed_is_found_by_the_new_one_only()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var signals = TestData.FullSignals("acc-001", usageDays: 30);
        store.Save([signals]);
        store.Save([signals with { Account = signals.Account with { ExternalId = "crm-renamed" } }]);

        var found = store.FindIdsByExternalIds(["crm-acc-001", "crm-renamed", "crm-unknown"]);

        Assert.Equal(["crm-renamed"], found.Keys);
        Assert.Equal("acc-001", found["crm-renamed"]);
    }

    [Fact]
    public void A_file_whose_data_documents_carry_no_external_id_is_upgraded_on_open_without_losing_anything()
    {
        // More than one batch of the upgrade.
        var portfolio = Enumerable.Range(0, 2_345).Select(i => TestData.FullSignals($"acc-{i:D5}", usageDays: 10 + i % 50)).ToList();
        using (var writer = _db.Open())
        {
            new LiteDbPortfolioStore(writer).Save(portfolio);
            WithoutExternalIds(writer);
        }

        using var context = _db.Open();

        AssertUpgraded(context, portfolio);
    }

    [Fact]
    public void An_upgrade_stopped_midway_carries_on_at_the_next_start_with_nothing_lost()
    {
        var portfolio = Enumerable.Range(0, 1_500).Select(i => TestData.FullSignals($"acc-{i:D5}", usageDays: 10 + i % 50)).ToList();
        using (var writer = _db.Open())
        {
            new LiteDbPortfolioStore(writer).Save(portfolio);
            WithoutExternalIds(writer);
            // The first batch was moved and committed, then the process stopped.
            var data = writer.Database.GetCollection(LiteDbContext.AccountData);
            var moving = writer.Database.GetCollection(DataExternalIdUpgrade.Moving);
            moving.EnsureIndex(DataExternalIdUpgrade.IndexName, DataExternalIdUpgrade.IndexExpression);
            foreach (var document in data.Query().Limit(1_000).ToList())
            {
                document[AccountDataDocument.ExternalIdField] = "crm-" + document["_id"].AsString;
                moving.Insert(document);
                data.Delete(document["_id"]);
            }
        }

        using var context = _db.Open();

        AssertUpgraded(context, portfolio);
    }

    [Fact]
    public void An_upgrade_stopped_between_dropping_the_emptied_collection_and_renaming_the_new_one_finishes_at_the_next_start()
    {
        var portfolio = Enumerable.Range(0, 30).Select(i => TestData.FullSignals($"acc-{i:D5}", usageDays: 10)).ToList();
        using (var writer = _db.Open())
        {
            new LiteDbPortfolioStore(writer).Save(portfolio);
            writer.Database.RenameCollection(LiteDbContext.AccountData, DataExternalIdUpgrade.Moving);
        }

        using var context = _db.Open();

        AssertUpgraded(context, portfolio);
    }

    /// <summary>Makes the file's data documents as they were written before they carried the external id: no field, no index.</summary>
    private static void WithoutExternalIds(LiteDbContext context)
    {
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        Assert.True(data.DropIndex(DataExternalIdUpgrade.IndexName));
        foreach (var document in data.FindAll().ToList())
        {
            document.Remove(AccountDataDocument.ExternalIdField);
            data.Update(document);
        }
        Assert.Equal(0, data.Count(Query.Not(AccountDataDocument.ExternalIdField, BsonValue.Null)));
    }

    private static void AssertUpgraded(LiteDbContext context, List<CsBot.Core.Signals.AccountSignals> portfolio)
    {
        var store = new LiteDbPortfolioStore(context);
        Assert.True(DataExternalIdUpgrade.HasIndex(context.Database));
        Assert.False(context.Database.CollectionExists(DataExternalIdUpgrade.Moving));
        var loaded = store.LoadAllSignals().ToList();
        Assert.Equal(portfolio.Count, loaded.Count);
        for (var i = 0; i < portfolio.Count; i++) Asserts.SameSignals(portfolio[i], loaded[i]);
        var raw = context.Database.GetCollection(LiteDbContext.AccountData);
        Assert.All(portfolio, p => Assert.Equal(p.Account.ExternalId, AccountDataDocument.ExternalIdOf(raw.FindById(p.Account.Id))));
        var last = portfolio[^1].Account;
        Assert.Equal(last.Id, store.FindIdsByExternalIds([last.ExternalId!])[last.ExternalId!]);
        // Found through the data documents: what that look-up read is kept for the batch's load.
        Assert.Equal(1, context.RecentData.Count);
    }
}
