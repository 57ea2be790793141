using CsBot.Core.Signals;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.Contracts;

/// <summary>What every <see cref="Core.Ports.IPortfolioStore"/> does: exact round trips, idempotent upserts, all-or-nothing batches.</summary>
public abstract class PortfolioContract : ContractTest
{
    [StoreFact]
    public void An_account_with_every_signal_reads_back_equal_with_its_offsets()
    {
        var full = TestData.FullSignals("acc-001");
        var minimal = TestData.Bare(TestData.MinimalAccount("acc-min"));
        Stores.Portfolio.Save([full, minimal]);

        Asserts.SameSignals(full, Stores.Portfolio.LoadSignals("acc-001"));
        Asserts.SameSignals(minimal, Stores.Portfolio.LoadSignals("acc-min"));
        Asserts.SameAccount(full.Account, Stores.Portfolio.GetAccount("acc-001"));
        Assert.Null(Stores.Portfolio.LoadSignals("acc-unknown"));
        Assert.Null(Stores.Portfolio.GetAccount("acc-unknown"));
        Assert.False(Stores.Portfolio.IsEmpty());
    }

    [StoreFact]
    public void Saving_again_replaces_the_account_and_its_signals_and_adds_nothing()
    {
        var first = TestData.FullSignals("acc-001");
        Stores.Portfolio.Save([first]);
        Stores.Portfolio.Save([first]);
        var renamed = first with { Account = first.Account with { Name = "Acme Renamed", Mrr = 1m }, Usage = TestData.Usage(3), Tickets = [], Surveys = [] };
        Stores.Portfolio.Save([renamed]);

        Assert.Single(Stores.Portfolio.GetAccounts());
        Asserts.SameSignals(renamed, Stores.Portfolio.LoadSignals("acc-001"));

        // No usage and no other signals: the account stays, its signals are gone.
        Stores.Portfolio.Save([TestData.Bare(renamed.Account)]);
        var bare = Stores.Portfolio.LoadSignals("acc-001")!;
        Assert.Empty(bare.Usage);
        Assert.Empty(bare.Invoices);
        Assert.Equal("Acme Renamed", bare.Account.Name);
    }

    [StoreFact]
    public void A_batch_with_one_bad_entry_writes_nothing_and_keeps_what_was_there()
    {
        var before = TestData.FullSignals("acc-001");
        Stores.Portfolio.Save([before]);

        var changed = before with { Account = before.Account with { Name = "changed" } };
        Assert.ThrowsAny<ArgumentException>(() => Stores.Portfolio.Save([changed, TestData.Bare(TestData.MinimalAccount("acc-002")), TestData.Bare(TestData.MinimalAccount("") )]));

        Assert.Equal(before.Account.Name, Stores.Portfolio.GetAccount("acc-001")!.Name);
        Assert.Null(Stores.Portfolio.GetAccount("acc-002"));
        Assert.Single(Stores.Portfolio.GetAccounts());
    }

    [StoreFact]
    public void A_large_portfolio_streams_back_whole_in_ordinal_id_order()
    {
        const int count = 4_500;
        var portfolio = Enumerable.Range(0, count)
            .Select(i => new AccountSignals { Account = TestData.MinimalAccount($"acc-{i:D5}"), Usage = TestData.Usage(30, seed: i % 7 + 1) })
            .Append(TestData.Bare(TestData.MinimalAccount("ACC-UPPER")))
            .Append(TestData.Bare(TestData.MinimalAccount("acc-_under")))
            .ToList();
        Stores.Portfolio.Save(portfolio);

        var loaded = Stores.Portfolio.LoadAllSignals().ToList();
        var expectedIds = portfolio.Select(p => p.Account.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedIds, loaded.Select(s => s.Account.Id));
        Assert.Equal(expectedIds, Stores.Portfolio.GetAccounts().Select(a => a.Id));
        Assert.Equal(TestData.Usage(30, seed: 1234 % 7 + 1), loaded.Single(s => s.Account.Id == "acc-01234").Usage);
    }

    [StoreFact]
    public void Id_ranges_read_at_once_hold_every_account_exactly_once_including_accounts_saved_meanwhile()
    {
        var portfolio = Enumerable.Range(0, 1_203)
            .Select(i => new AccountSignals { Account = TestData.MinimalAccount($"acc-{i:D5}"), Usage = TestData.Usage(5, seed: i % 3 + 1) })
            .ToList();
        Stores.Portfolio.Save(portfolio);

        var ranges = Stores.Portfolio.CutIntoRanges(100);
        // Consecutive, open at both ends: together they hold any id.
        Assert.Null(ranges[0].After);
        Assert.Null(ranges[^1].Through);
        for (var i = 1; i < ranges.Count; i++) Assert.Equal(ranges[i - 1].Through, ranges[i].After);

        // Saved after the cut and while the first range is being read: before every id, amid a range not read yet, after every id.
        using var first = Stores.Portfolio.LoadSignalsIn(ranges[0]).GetEnumerator();
        Assert.True(first.MoveNext());
        string[] added = ["ACC-FIRST", "acc-01100x", "zzz-last"];
        Stores.Portfolio.Save([.. added.Select(id => TestData.Bare(TestData.MinimalAccount(id)))]);
        var read = new List<string> { first.Current.Account.Id };
        while (first.MoveNext()) read.Add(first.Current.Account.Id);
        var rest = new List<string>[ranges.Count];
        Parallel.For(1, ranges.Count, i => rest[i] = [.. Stores.Portfolio.LoadSignalsIn(ranges[i]).Select(s => s.Account.Id)]);
        read.AddRange(rest.Skip(1).SelectMany(ids => ids));

        var expected = portfolio.Select(p => p.Account.Id).Concat(added.Skip(1)).Order(StringComparer.Ordinal).ToList();
        // "ACC-FIRST" sorts before the id the first range's read had already passed; a store may or may not see it.
        Assert.Equal(expected, read.Where(id => id != "ACC-FIRST"));
        Assert.Equal(TestData.Usage(5, seed: 600 % 3 + 1), Stores.Portfolio.LoadSignalsIn(ranges.Single(r => r.Contains("acc-00600"))).Single(s => s.Account.Id == "acc-00600").Usage);
    }

    [StoreFact]
    public void Ids_differing_only_in_case_are_different_accounts_and_external_ids_match_exactly()
    {
        Stores.Portfolio.Save([TestData.Bare(TestData.MinimalAccount("acc-1") with { ExternalId = "CRM-1" }), TestData.Bare(TestData.MinimalAccount("ACC-1") with { ExternalId = "crm-1" })]);

        Assert.Equal(2, Stores.Portfolio.GetAccounts().Count);
        Assert.Equal("acc-1", Stores.Portfolio.FindByExternalId("CRM-1")!.Id);
        Assert.Equal("ACC-1", Stores.Portfolio.FindByExternalId("crm-1")!.Id);
        Assert.Null(Stores.Portfolio.FindByExternalId("Crm-1"));
    }

    [StoreFact]
    public void A_batch_of_external_ids_resolves_exactly_each_asked_once_or_twice()
    {
        Stores.Portfolio.Save([TestData.Bare(TestData.MinimalAccount("acc-1") with { ExternalId = "CRM-1" }), TestData.Bare(TestData.MinimalAccount("ACC-1") with { ExternalId = "crm-1" })]);

        var found = Stores.Portfolio.FindByExternalIds(["CRM-1", "crm-1", "Crm-1", "CRM-1", "x'; DROP TABLE accounts; --"]);

        Assert.Equal(["CRM-1", "crm-1"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("acc-1", found["CRM-1"].Id);
        Assert.Equal("ACC-1", found["crm-1"].Id);
        Assert.Empty(Stores.Portfolio.FindByExternalIds([]));
    }

    [StoreFact]
    public void A_batch_of_external_ids_resolves_to_the_ids_of_the_accounts_a_look_up_finds()
    {
        Stores.Portfolio.Save([
            TestData.Bare(TestData.MinimalAccount("acc-1") with { ExternalId = "CRM-1" }), TestData.Bare(TestData.MinimalAccount("ACC-1") with { ExternalId = "crm-1" }),
            TestData.Bare(TestData.MinimalAccount("acc-b") with { ExternalId = "CRM-DUP" }), TestData.Bare(TestData.MinimalAccount("acc-a") with { ExternalId = "CRM-DUP" }),
        ]);

        var ids = Stores.Portfolio.FindIdsByExternalIds(["CRM-1", "crm-1", "Crm-1", "CRM-1", "CRM-DUP", "x'; DROP TABLE accounts; --"]);

        Assert.Equal(["CRM-1", "CRM-DUP", "crm-1"], ids.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("acc-1", ids["CRM-1"]);
        Assert.Equal("ACC-1", ids["crm-1"]);
        Assert.Equal(Stores.Portfolio.FindByExternalId("CRM-DUP")!.Id, ids["CRM-DUP"]);
        Assert.Empty(Stores.Portfolio.FindIdsByExternalIds([]));
    }

    [StoreFact]
    public void An_external_id_shared_by_two_accounts_resolves_in_a_batch_to_the_account_a_single_look_up_finds()
    {
        Stores.Portfolio.Save([TestData.Bare(TestData.MinimalAccount("acc-b") with { ExternalId = "CRM-DUP" }), TestData.Bare(TestData.MinimalAccount("acc-a") with { ExternalId = "CRM-DUP" })]);

        var found = Stores.Portfolio.FindByExternalIds(["CRM-DUP"]);

        Assert.Equal(Stores.Portfolio.FindByExternalId("CRM-DUP")!.Id, Assert.Single(found).Value.Id);
    }

    [StoreFact]
    public void The_signals_of_many_accounts_read_together_equal_those_read_one_by_one()
    {
        var portfolio = Enumerable.Range(0, 300)
            .Select(i => new AccountSignals { Account = TestData.MinimalAccount($"acc-{i:D3}"), Usage = TestData.Usage(20, seed: i % 5 + 1) })
            .Append(TestData.FullSignals("acc-full"))
            .ToList();
        Stores.Portfolio.Save(portfolio);
        // Scattered and adjacent ids, some asked twice, some unknown: more than a handful, so a store may read ranges.
        string[] asked = [.. Enumerable.Range(0, 40).Select(i => $"acc-{i * 7:D3}"), "acc-001", "acc-002", "acc-001", "acc-full", "acc-unknown", "acc-9999"];

        var read = Stores.Portfolio.LoadSignalsOf(asked);

        Assert.Equal(asked.Where(id => id.Length == 7 || id == "acc-full").Distinct().Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, signals) in read) Asserts.SameSignals(Stores.Portfolio.LoadSignals(id)!, signals);
        Asserts.SameSignals(portfolio[^1], read["acc-full"]);
        Assert.Empty(Stores.Portfolio.LoadSignalsOf(["acc-none"]));
    }

    [StoreFact]
    public void Hostile_strings_are_kept_exactly()
    {
        // Name and external id are indexed, and LiteDB refuses index keys over 1023 bytes: the long string goes where no index is.
        var accounts = Hostile.Strings.Select((text, i) => TestData.Bare(TestData.MinimalAccount($"acc-{i}") with
        {
            Name = Indexable(text), ExternalId = "x" + Indexable(text), Aliases = [text, text.ToUpperInvariant()], Plan = text,
        })).ToList();
        Stores.Portfolio.Save(accounts);

        foreach (var account in accounts) Asserts.SameAccount(account.Account, Stores.Portfolio.GetAccount(account.Account.Id));
        Assert.Equal("acc-1", Stores.Portfolio.FindByExternalId("x'; DROP TABLE accounts; --")!.Id);
    }

    private static string Indexable(string text) => text.Length > 300 ? text[..300] : text;

    [StoreFact]
    public void An_empty_store_says_so()
    {
        Assert.True(Stores.Portfolio.IsEmpty());
        Assert.Empty(Stores.Portfolio.GetAccounts());
        Assert.Empty(Stores.Portfolio.LoadAllSignals());
    }
}
