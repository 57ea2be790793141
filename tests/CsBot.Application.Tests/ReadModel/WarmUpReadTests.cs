using CsBot.Application.ReadModel;
using CsBot.Core.Signals;
using CsBot.DemoData;
using CsBot.Storage.LiteDb;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// The start-up warm-up reads the portfolio's id ranges on several threads at once: what it holds must be what one read
/// in order gives, account for account, so every answer after it is the same.
/// </summary>
public sealed class WarmUpReadTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 16);
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-warmup-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the test */ }
    }

    [Fact]
    public void The_portfolio_read_by_ranges_on_several_threads_equals_one_read_in_order()
    {
        using var context = new LiteDbContext(Path.Combine(_folder, "csbot.db"));
        var store = new LiteDbPortfolioStore(context);
        store.Save(DemoPortfolio.Generate(Today, 120));
        Assert.True(store.CutIntoRanges(7).Count > 10);

        var inOrder = new PortfolioSnapshot(store.LoadAllSignals());
        var byRanges = PortfolioSnapshot.Read(store, readers: 3, rangeSize: 7);

        Assert.Equal(inOrder.Accounts.Select(Shown), byRanges.Accounts.Select(Shown));
        foreach (var account in inOrder.Accounts)
        {
            var expected = inOrder.SignalsOf(account.Id)!;
            var held = byRanges.SignalsOf(account.Id)!;
            Assert.Equal(expected.Usage, held.Usage);
            Assert.Equal(expected.Tickets, held.Tickets);
            Assert.Equal(expected.Surveys, held.Surveys);
            Assert.Equal(expected.Invoices, held.Invoices);
            Assert.Equal(expected.RevenueEvents, held.RevenueEvents);
            Assert.Equal(expected.RenewalOutcomes, held.RenewalOutcomes);
            Assert.Equal(inOrder.InvoicesMayBeOverdue(account.Id), byRanges.InvoicesMayBeOverdue(account.Id));
            Assert.Equal(inOrder.PositionOf(account.Id), byRanges.PositionOf(account.Id));
        }
        Assert.Equal(inOrder.Segments, byRanges.Segments);
        Assert.Equal(inOrder.Owners.Select(Shown), byRanges.Owners.Select(Shown));
        Assert.Equal(inOrder.ManagerEmails, byRanges.ManagerEmails);
        // One copy of each owner across the ranges read at once, as one read keeps.
        Assert.Equal(byRanges.Owners.Count, byRanges.Accounts.Select(a => a.Owner).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void A_range_that_cannot_be_read_fails_the_read_with_the_store_s_error()
    {
        using var context = new LiteDbContext(Path.Combine(_folder, "csbot.db"));
        var store = new LiteDbPortfolioStore(context);
        store.Save(DemoPortfolio.Generate(Today, 30));

        var failure = Assert.ThrowsAny<Exception>(() => PortfolioSnapshot.Read(new FailingRange(store), readers: 2, rangeSize: 7));

        Assert.Contains(Flatten(failure), e => e is IOException { Message: "range 2 is unreadable" });
    }

    // Records read apart hold equal aliases and chat ids in different collections, which record equality tells apart.
    private static string Shown(Core.Accounts.Account a) =>
        $"{a with { Aliases = NoAliases, Owner = Nobody, Manager = null }} [{string.Join("|", a.Aliases)}] {Shown(a.Owner)} {(a.Manager is { } m ? Shown(m) : "-")}";

    private static string Shown(Core.Accounts.Person p) =>
        $"{p.Name} {p.Email} {p.TimeZone} [{string.Join("|", p.ChatIds.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value))}]";

    private static readonly string[] NoAliases = [];
    private static readonly Core.Accounts.Person Nobody = new("", "");

    private static IEnumerable<Exception> Flatten(Exception failure) =>
        failure is AggregateException many ? many.Flatten().InnerExceptions : [failure];

    /// <summary>The store with its third id range failing to read.</summary>
    private sealed class FailingRange(LiteDbPortfolioStore inner) : Core.Ports.IPortfolioStore
    {
        private IReadOnlyList<Core.Ports.AccountIdRange> _ranges = [];

        public bool IsEmpty() => inner.IsEmpty();
        public IReadOnlyList<Core.Accounts.Account> GetAccounts() => inner.GetAccounts();
        public Core.Accounts.Account? GetAccount(string accountId) => inner.GetAccount(accountId);
        public Core.Accounts.Account? FindByExternalId(string externalId) => inner.FindByExternalId(externalId);
        public AccountSignals? LoadSignals(string accountId) => inner.LoadSignals(accountId);
        public IEnumerable<AccountSignals> LoadAllSignals() => inner.LoadAllSignals();
        public void Save(IReadOnlyCollection<AccountSignals> portfolio) => inner.Save(portfolio);
        public IReadOnlyList<Core.Ports.AccountIdRange> CutIntoRanges(int accountsEach) => _ranges = inner.CutIntoRanges(accountsEach);

        public IEnumerable<AccountSignals> LoadSignalsIn(Core.Ports.AccountIdRange range)
        {
            foreach (var signals in inner.LoadSignalsIn(range))
            {
                if (ReferenceEquals(range, _ranges[2])) throw new IOException("range 2 is unreadable");
                yield return signals;
            }
        }
    }
}
