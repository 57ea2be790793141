using CsBot.Core.Signals;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class PortfolioStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_new_database_is_empty_and_its_folder_is_created()
    {
        var store = new LiteDbPortfolioStore(_db.Open());

        Assert.True(store.IsEmpty());
        Assert.Empty(store.GetAccounts());
        Assert.Empty(store.LoadAllSignals());
        Assert.True(File.Exists(_db.DatabasePath));
    }

    [Fact]
    public void Save_then_load_round_trips_every_field()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var full = TestData.FullSignals("acc-001");
        var minimal = TestData.Bare(TestData.MinimalAccount("acc-002"));

        store.Save([full, minimal]);

        Assert.False(store.IsEmpty());
        Asserts.SameAccount(full.Account, store.GetAccount("acc-001"));
        Asserts.SameAccount(minimal.Account, store.GetAccount("acc-002"));
        Asserts.SameSignals(full, store.LoadSignals("acc-001"));
        Asserts.SameSignals(minimal, store.LoadSignals("acc-002"));
        var minimalLoaded = store.GetAccount("acc-002")!;
        Assert.Null(minimalLoaded.Domain);
        Assert.Null(minimalLoaded.Manager);
        Assert.Null(minimalLoaded.RenewalDate);
        Assert.Null(minimalLoaded.ChurnedOn);
        Assert.Equal("", minimalLoaded.Plan);
        Assert.Empty(minimalLoaded.Aliases);
    }

    [Fact]
    public void Owners_stored_with_the_former_slack_and_teams_id_fields_keep_those_ids()
    {
        var context = _db.Open();
        new LiteDbPortfolioStore(context).Save([TestData.Bare(TestData.MinimalAccount("acc-001"))]);
        var accounts = context.Database.GetCollection(LiteDbContext.Accounts);
        var document = accounts.FindById("acc-001");
        var owner = document["Owner"].AsDocument;
        owner.Remove("ChatIds");
        owner["SlackUserId"] = "U123";
        owner["TeamsUserId"] = "29:teams-sam";
        accounts.Update(document);

        var loaded = new LiteDbPortfolioStore(context).GetAccount("acc-001")!;

        Assert.Equal("U123", loaded.Owner.ChatIdOn("slack"));
        Assert.Equal("29:teams-sam", loaded.Owner.ChatIdOn("teams"));
    }

    [Fact]
    public void Unknown_accounts_are_null()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        store.Save([TestData.FullSignals("acc-001")]);

        Assert.Null(store.GetAccount("acc-404"));
        Assert.Null(store.LoadSignals("acc-404"));
    }

    [Fact]
    public void Ids_are_case_sensitive()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        store.Save([TestData.Bare(TestData.MinimalAccount("acc-a")), TestData.Bare(TestData.MinimalAccount("ACC-A"))]);

        Assert.Equal(["ACC-A", "acc-a"], store.GetAccounts().Select(a => a.Id));
        Assert.Equal("Minimal acc-a", store.GetAccount("acc-a")!.Name);
    }

    [Fact]
    public void Saving_again_replaces_the_account_and_its_signals_instead_of_adding()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var first = TestData.FullSignals("acc-001");
        store.Save([first, TestData.FullSignals("acc-002")]);

        var renamed = first.Account with { Name = "Acme Renamed", Aliases = ["Renamed"], Manager = null };
        var second = new AccountSignals
        {
            Account = renamed,
            Usage = TestData.Usage(30, seed: 3),
            Tickets = [new SupportTicket("t-9", "acc-001", TicketSeverity.High, TestData.Instant(1))],
        };
        store.Save([second]);

        Assert.Equal(["acc-001", "acc-002"], store.GetAccounts().Select(a => a.Id));
        Asserts.SameSignals(second, store.LoadSignals("acc-001"));
        Asserts.SameSignals(TestData.FullSignals("acc-002"), store.LoadSignals("acc-002"));

        // An account saved without usage or other signals loses them: "replaces their signals".
        store.Save([TestData.Bare(renamed)]);
        Asserts.SameSignals(TestData.Bare(renamed), store.LoadSignals("acc-001"));
        Assert.Equal(2, context.Database.GetCollection(LiteDbContext.Accounts).Count());
    }

    [Fact]
    public void Load_all_streams_every_account_in_id_order_across_batches()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var count = LiteDbPortfolioStore.LoadBatchSize * 2 + 17;
        var portfolio = Enumerable.Range(0, count)
            .Select(i => i % 3 == 0
                ? TestData.FullSignals($"acc-{i:D5}", usageDays: 10 + i % 50)
                : TestData.Bare(TestData.MinimalAccount($"acc-{i:D5}")))
            .ToList();
        store.Save(portfolio);

        var loaded = store.LoadAllSignals().ToList();

        Assert.Equal(portfolio.Select(p => p.Account.Id), loaded.Select(l => l.Account.Id));
        for (var i = 0; i < count; i += 97) Asserts.SameSignals(portfolio[i], loaded[i]);
        Assert.Equal(portfolio.Sum(p => p.Usage.Length), loaded.Sum(l => l.Usage.Length));
        Assert.Equal(portfolio.Sum(p => p.Tickets.Count), loaded.Sum(l => l.Tickets.Count));
    }

    [Fact]
    public void The_portfolio_is_cut_into_ranges_of_the_size_asked_that_read_back_every_account_in_order()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var ids = Enumerable.Range(0, 1_203).Select(i => $"acc-{i:D5}").ToList();
        store.Save([.. ids.Select(id => TestData.Bare(TestData.MinimalAccount(id)))]);

        var ranges = store.CutIntoRanges(100);

        // Bounds at every hundredth id: twelve ranges of 100 and the open last one of the 3 left.
        Assert.Equal(13, ranges.Count);
        Assert.Equal(new Core.Ports.AccountIdRange(null, "acc-00099"), ranges[0]);
        Assert.Equal(new Core.Ports.AccountIdRange("acc-01199", null), ranges[^1]);
        Assert.All(ranges.SkipLast(1), r => Assert.Equal(100, store.LoadSignalsIn(r).Count()));
        Assert.Equal(ids, ranges.SelectMany(store.LoadSignalsIn).Select(s => s.Account.Id));
        using var empty = new TempDatabase();
        Assert.Equal([Core.Ports.AccountIdRange.All], new LiteDbPortfolioStore(empty.Open()).CutIntoRanges(100));
    }

    [Fact]
    public void Writing_while_enumerating_load_all_works()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var scores = new LiteDbScoreStore(context);
        store.Save([.. Enumerable.Range(0, 1500).Select(i => TestData.Bare(TestData.MinimalAccount($"acc-{i:D4}")))]);

        foreach (var signals in store.LoadAllSignals())
        {
            scores.SaveScores([TestData.Score(signals.Account.Id, TestData.Today, 50)]);
        }

        Assert.Equal(1500, scores.GetAllLatest().Count);
    }

    [Fact]
    public void A_save_that_fails_midway_keeps_the_previous_data()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var before = TestData.FullSignals("acc-001");
        store.Save([before]);

        var changed = new AccountSignals { Account = before.Account with { Name = "Half written" }, Usage = TestData.Usage(7) };
        var added = TestData.FullSignals("acc-002");
        // The third entry has no account: mapping it throws after the first two were written in the transaction.
        AccountSignals[] failing = [changed, added, new AccountSignals { Account = null! }];

        Assert.Throws<ArgumentException>(() => store.Save(failing));

        Asserts.SameSignals(before, store.LoadSignals("acc-001"));
        Assert.Null(store.GetAccount("acc-002"));
        Assert.Equal(["acc-001"], store.GetAccounts().Select(a => a.Id));

        // The store is still usable, and the rollback also holds after reopening the file.
        context.Dispose();
        var reopened = new LiteDbPortfolioStore(_db.Open());
        Asserts.SameSignals(before, reopened.LoadSignals("acc-001"));
        Assert.Null(reopened.GetAccount("acc-002"));
        reopened.Save([added]);
        Asserts.SameSignals(added, reopened.LoadSignals("acc-002"));
    }

    [Fact]
    public void An_account_without_owner_fails_the_whole_save()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var ownerless = TestData.Bare(TestData.MinimalAccount("acc-002") with { Owner = null! });

        Assert.Throws<ArgumentException>(() => store.Save([TestData.FullSignals("acc-001"), ownerless]));

        Assert.True(store.IsEmpty());
    }
}
