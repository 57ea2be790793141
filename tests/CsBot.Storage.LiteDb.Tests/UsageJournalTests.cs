using CsBot.Core.Ports;
using CsBot.Core.Signals;
using CsBot.Tests.Shared;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Saves that only add or change usage days write them to the usage journal instead of rewriting each account's data
/// document: every read must return what was saved, as a file whose saves all wrote the documents does, before and
/// after the documents are next written whole, and after the file is opened again.
/// </summary>
public sealed class UsageJournalTests : IDisposable
{
    private static readonly DateOnly Today = TestData.Today;
    private readonly TempDatabase _journaled = new();
    private readonly TempDatabase _whole = new();

    public void Dispose()
    {
        _journaled.Dispose();
        _whole.Dispose();
    }

    [Fact]
    public void Usage_saves_read_back_as_whole_saves_do_and_leave_the_data_documents_where_they_are()
    {
        var journaledContext = _journaled.Open();
        var journaled = new LiteDbPortfolioStore(journaledContext);
        var wholeContext = _whole.Open();
        wholeContext.UsageJournal.MaxDays = 0;
        var whole = new LiteDbPortfolioStore(wholeContext);
        string[] ids = ["acc-001", "acc-002", "acc-003", "acc-004"];
        var first = ids.Select((id, i) => TestData.FullSignals(id, usageDays: 30 + i)).ToArray();
        foreach (var store in new[] { journaled, whole }) store.Save(first);
        var dataBefore = DataDocuments(journaledContext);

        var current = first.ToDictionary(s => s.Account.Id);
        AccountSignals Change(string id, Func<UsageDay[], UsageDay[]> usage) => current[id] = current[id] with { Usage = usage(current[id].Usage) };
        AccountSignals[][] saves =
        [
            // A new day for each account.
            [.. ids.Select(id => Change(id, u => [.. u, Day(u[^1].Date.AddDays(1), 1)]))],
            // Another day; a past day corrected; the same account twice (the second wins).
            [Change("acc-001", u => [.. u, Day(u[^1].Date.AddDays(1), 2)]), Change("acc-002", u => [.. u[..5], Day(u[5].Date, 99), .. u[6..]]),
             Change("acc-003", u => [.. u, Day(u[^1].Date.AddDays(1), 3)]), Change("acc-003", u => [.. u[..^1], Day(u[^1].Date, 4)])],
            // A day filled in between two stored ones, after a gap, and an unchanged save.
            [Change("acc-004", u => [.. u, Day(u[^1].Date.AddDays(3), 5)]), Change("acc-004", u => [.. u[..^1], Day(u[^1].Date.AddDays(-1), 6), u[^1]]), current["acc-001"]],
        ];
        foreach (var save in saves)
        {
            journaled.Save(save);
            whole.Save(save);
            SameReads(whole, journaled, ids);
        }

        Assert.Equal(4, Entries(journaledContext));
        Assert.Equal(dataBefore, DataDocuments(journaledContext));
        foreach (var id in ids) Asserts.SameSignals(current[id], journaled.LoadSignals(id));
    }

    [Fact]
    public void Any_other_change_writes_the_data_document_as_it_reads_and_takes_the_entry_out()
    {
        var context = _journaled.Open();
        var store = new LiteDbPortfolioStore(context);
        string[] ids = ["acc-001", "acc-002", "acc-003", "acc-004"];
        var stored = ids.Select(id => TestData.FullSignals(id, usageDays: 20)).ToArray();
        store.Save(stored);
        var withDay = stored.Select(s => s with { Usage = [.. s.Usage, Day(Today.AddDays(1), 7)] }).ToArray();
        store.Save(withDay);
        Assert.Equal(4, Entries(context));

        AccountSignals[] changed =
        [
            withDay[0] with { Account = withDay[0].Account with { Name = "Renamed" } },
            withDay[1] with { Tickets = [.. withDay[1].Tickets, new SupportTicket("t-9", "acc-002", TicketSeverity.High, TestData.Instant(1))] },
            // A stored day gone, and days out of order: neither is a set of days to put over the document.
            withDay[2] with { Usage = withDay[2].Usage[1..] },
            withDay[3] with { Usage = [withDay[3].Usage[^1], .. withDay[3].Usage[..^1]] },
        ];
        store.Save(changed);

        Assert.Equal(0, Entries(context));
        foreach (var signals in changed) Asserts.SameSignals(signals, store.LoadSignals(signals.Account.Id));
        foreach (var signals in changed) Assert.Equal(signals.Usage, AccountUsageInDocument(context, signals.Account.Id));
        // And back to the stored usage: the days written whole are the base now.
        store.Save([changed[0] with { Usage = withDay[0].Usage[..^1] }]);
        Assert.Equal(0, Entries(context));
        Asserts.SameSignals(changed[0] with { Usage = withDay[0].Usage[..^1] }, store.LoadSignals("acc-001"));
    }

    [Fact]
    public void An_entry_that_would_hold_more_days_than_its_account_may_is_written_into_the_document_with_them()
    {
        var context = _journaled.Open();
        context.UsageJournal.MaxDays = 4;
        var store = new LiteDbPortfolioStore(context);
        var signals = TestData.FullSignals("acc-001", usageDays: 10);
        store.Save([signals]);
        var held = context.UsageJournal.DaysHeldFor("acc-001");

        for (var day = 1; day <= held; day++)
        {
            signals = signals with { Usage = [.. signals.Usage, Day(signals.Usage[^1].Date.AddDays(1), day)] };
            store.Save([signals]);
            Assert.Equal(1, Entries(context));
            Assert.Equal(10, AccountUsageInDocument(context, "acc-001").Length);
        }
        signals = signals with { Usage = [.. signals.Usage, Day(signals.Usage[^1].Date.AddDays(1), 9)] };
        store.Save([signals]);

        Assert.Equal(0, Entries(context));
        Assert.Equal(signals.Usage, AccountUsageInDocument(context, "acc-001"));
        Asserts.SameSignals(signals, store.LoadSignals("acc-001"));
    }

    [Fact]
    public void The_days_an_entry_may_hold_differ_between_accounts_within_half_and_all_of_the_most()
    {
        var journal = new UsageJournal();
        var held = Enumerable.Range(0, 1_000).Select(i => journal.DaysHeldFor($"acc-{i:D5}")).ToArray();

        Assert.All(held, days => Assert.InRange(days, UsageJournal.DefaultMaxDays / 2, UsageJournal.DefaultMaxDays));
        // Spread, so accounts fed together from one day have their documents written again on different days.
        Assert.Equal(UsageJournal.DefaultMaxDays / 2 + 1, held.Distinct().Count());
        Assert.All(held.CountBy(days => days), count => Assert.InRange(count.Value, 50, 180));
        Assert.Equal(held[17], new UsageJournal().DaysHeldFor("acc-00017"));
    }

    [Fact]
    public void Entries_stay_when_the_file_is_opened_again()
    {
        var first = _journaled.Open();
        var signals = TestData.FullSignals("acc-001", usageDays: 12);
        new LiteDbPortfolioStore(first).Save([signals]);
        var later = signals with { Usage = [.. signals.Usage, Day(Today.AddDays(1), 3)] };
        new LiteDbPortfolioStore(first).Save([later]);
        first.Dispose();

        var again = _journaled.Open();
        var reopened = new LiteDbPortfolioStore(again);

        Asserts.SameSignals(later, reopened.LoadSignals("acc-001"));
        Asserts.SameSignals(later, Assert.Single(reopened.LoadAllSignals()));
        // The journal's count is read from the file: a whole save empties it.
        reopened.Save([later with { Account = later.Account with { Mrr = 1m } }]);
        Assert.Equal(0, Entries(again));
        Assert.Equal(0, again.UsageJournal.Count(again.Database));
    }

    [Fact]
    public void A_full_journal_sends_the_usage_of_accounts_without_an_entry_to_their_documents()
    {
        var context = _journaled.Open();
        context.UsageJournal.MaxEntries = 2;
        var store = new LiteDbPortfolioStore(context);
        var stored = Enumerable.Range(1, 4).Select(i => TestData.FullSignals($"acc-{i:D3}", usageDays: 10)).ToArray();
        store.Save(stored);

        var next = stored.Select(s => s with { Usage = [.. s.Usage, Day(Today.AddDays(1), 1)] }).ToArray();
        store.Save(next);
        Assert.Equal(2, Entries(context));
        // Accounts with an entry still add to it.
        var after = next.Select(s => s with { Usage = [.. s.Usage, Day(Today.AddDays(2), 2)] }).ToArray();
        store.Save(after);

        Assert.Equal(2, Entries(context));
        Assert.Equal(2, after.Count(s => AccountUsageInDocument(context, s.Account.Id).Length == 12));
        foreach (var signals in after) Asserts.SameSignals(signals, store.LoadSignals(signals.Account.Id));
    }

    [Fact]
    public void A_usage_day_for_accounts_spread_over_the_file_writes_a_few_pages_where_their_documents_take_one_an_account_and_so_does_the_next()
    {
        var context = _journaled.Open();
        var store = new LiteDbPortfolioStore(context);
        var stored = Enumerable.Range(0, 4_000).Select(i => TestData.Bare(TestData.MinimalAccount($"acc-{i:D5}")) with { Usage = TestData.Usage(90, seed: i % 5 + 1) }).ToArray();
        foreach (var chunk in stored.Chunk(1_000)) store.Save(chunk);
        // Every tenth account, as an ingestion's rows name accounts spread over the portfolio; two sets of the same size.
        var wholeSet = stored.Where((_, i) => i % 10 == 0).ToArray();
        var journalSet = stored.Where((_, i) => i % 10 == 5).ToArray();
        AccountSignals[] NextDay(AccountSignals[] set, int day) => [.. set.Select(s => s with { Usage = [.. s.Usage, .. Enumerable.Range(1, day).Select(d => Day(Today.AddDays(d), d))] })];

        context.UsageJournal.MaxDays = 0;
        var whole = LogPages.WrittenBy(context, () => store.Save(NextDay(wholeSet, 1)));
        context.UsageJournal.MaxDays = UsageJournal.DefaultMaxDays;
        var journaled = LogPages.WrittenBy(context, () => store.Save(NextDay(journalSet, 1)));
        // The same accounts the next day (the next batch of a feed): their entries lie together, so again a few pages.
        var again = LogPages.WrittenBy(context, () => store.Save(NextDay(journalSet, 2)));

        Assert.True(whole >= wholeSet.Length, $"writing the documents wrote {whole} pages");
        Assert.True(journaled * 5 <= whole, $"the journal wrote {journaled} pages, the documents {whole}");
        Assert.True(again * 5 <= whole, $"the journal wrote {again} pages for the next day, the documents {whole}");
        var read = store.LoadSignalsOf([journalSet[7].Account.Id]).Values.Single();
        Assert.Equal(92, read.Usage.Length);
        Assert.Equal([Day(Today.AddDays(1), 1), Day(Today.AddDays(2), 2)], read.Usage[^2..]);
    }

    [Fact]
    public void A_whole_portfolio_read_applies_every_entry_and_those_saved_while_it_goes()
    {
        var context = _journaled.Open();
        var store = new LiteDbPortfolioStore(context);
        // More accounts with entries than one read of the journal takes (UsageJournal.WindowSize).
        var stored = Enumerable.Range(0, 2_500).Select(i => TestData.Bare(TestData.MinimalAccount($"acc-{i:D5}")) with { Usage = TestData.Usage(20, seed: i % 5 + 1) }).ToArray();
        store.Save(stored);
        var current = stored.Select(s => s with { Usage = [.. s.Usage, Day(Today.AddDays(1), s.Account.Id.GetHashCode() & 0xff)] }).ToDictionary(s => s.Account.Id);
        store.Save([.. current.Values]);
        Assert.Equal(2_500, Entries(context));

        var read = new List<AccountSignals>();
        foreach (var signals in store.LoadAllSignals())
        {
            read.Add(signals);
            if (read.Count != 150) continue;
            // Saved while the read goes, of accounts in batches it has yet to read: one into its entry and one back to its
            // document's usage (no entry), both among the accounts whose entries the read already holds, and one whole.
            AccountSignals[] later =
            [
                current["acc-00500"] with { Usage = [.. current["acc-00500"].Usage, Day(Today.AddDays(2), 1)] },
                current["acc-01800"] with { Account = current["acc-01800"].Account with { Name = "Renamed" }, Usage = [.. current["acc-01800"].Usage, Day(Today.AddDays(2), 2)] },
                current["acc-00550"] with { Usage = current["acc-00550"].Usage[..^1] },
            ];
            store.Save(later);
            foreach (var changed in later) current[changed.Account.Id] = changed;
        }

        Assert.Equal(current.Keys.Order(StringComparer.Ordinal), read.Select(s => s.Account.Id));
        foreach (var signals in read) Asserts.SameSignals(current[signals.Account.Id], signals);
    }

    [Fact]
    public void The_days_between_two_series_put_over_the_first_give_the_second_when_only_days_were_added_or_changed()
    {
        var random = new Random(20261203);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var stored = TestData.Usage(random.Next(0, 40), seed: random.Next(1, 9));
            var current = stored.ToList();
            for (var change = random.Next(0, 6); change > 0; change--)
            {
                var date = Today.AddDays(random.Next(-50, 5));
                var at = current.FindIndex(d => d.Date >= date);
                var day = Day(date, random.Next(0, 100));
                if (at < 0) current.Add(day);
                else if (current[at].Date == date) current[at] = day;
                else current.Insert(at, day);
            }

            var days = UsageJournal.Difference(stored, [.. current]);

            Assert.NotNull(days);
            Assert.True(days.Length <= current.Count);
            Assert.Equal(current, UsageJournal.Apply(stored, days));
            Assert.All(days, d => Assert.DoesNotContain(d, stored));
            if (stored.Length == 0) continue;
            var gone = stored[random.Next(stored.Length)].Date;
            Assert.Null(UsageJournal.Difference(stored, [.. current.Where(d => d.Date != gone)]));
        }
        Assert.Null(UsageJournal.Difference([Day(Today, 1), Day(Today.AddDays(-1), 2)], [Day(Today, 1), Day(Today.AddDays(-1), 2)]));
        Assert.Null(UsageJournal.Difference([Day(Today, 1)], [Day(Today, 1), Day(Today, 2)]));
    }

    private static UsageDay Day(DateOnly date, int activeUsers) => new(date, activeUsers, 40, 50, 7, 3);

    private static void SameReads(IPortfolioStore expected, IPortfolioStore actual, string[] ids)
    {
        foreach (var id in ids) Asserts.SameSignals(expected.LoadSignals(id)!, actual.LoadSignals(id));
        var many = expected.LoadSignalsOf(ids);
        var got = actual.LoadSignalsOf(ids);
        Assert.Equal(many.Keys.Order(), got.Keys.Order());
        foreach (var (id, signals) in many) Asserts.SameSignals(signals, got[id]);
        var all = expected.LoadAllSignals().ToList();
        var allGot = actual.LoadAllSignals().ToList();
        Assert.Equal(all.Count, allGot.Count);
        for (var i = 0; i < all.Count; i++) Asserts.SameSignals(all[i], allGot[i]);
        // In ranges of a few accounts, so a range's end falls between accounts with entries.
        var ranges = actual.CutIntoRanges(1);
        Assert.Equal(all.Select(s => s.Account.Id), ranges.SelectMany(actual.LoadSignalsIn).Select(s => s.Account.Id));
        foreach (var signals in ranges.SelectMany(actual.LoadSignalsIn)) Asserts.SameSignals(all.Single(s => s.Account.Id == signals.Account.Id), signals);
    }

    private static int Entries(LiteDbContext context) => context.Database.GetCollection(UsageJournal.Name).Count();

    private static List<string> DataDocuments(LiteDbContext context) =>
        [.. context.Database.GetCollection(LiteDbContext.AccountData).FindAll().Select(d => JsonSerializer.Serialize(d))];

    private static UsageDay[] AccountUsageInDocument(LiteDbContext context, string accountId) =>
        Documents.AccountDataDocument.UsageOf(context.Database.GetCollection(LiteDbContext.AccountData).FindById(accountId));
}
