using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Signals;
using CsBot.DemoData;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// The held portfolio keeps the invoices that may be overdue for the list board's check. An invoice paid before any day
/// a board can be asked for is never open and overdue again, and years of late payments at 100k accounts were some
/// 230k invoices held as objects: they are left out, and every board from that day on counts the same overdue invoices.
/// </summary>
public sealed class SettledInvoicesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void Invoices_settled_before_any_board_day_are_not_held_and_every_board_day_counts_the_same_overdue_invoices()
    {
        var stores = new InMemoryStores();
        var demo = DemoPortfolio.Generate(Today, 200);
        // One invoice paid late yesterday, one still unpaid and overdue: both may be open and overdue on a board day.
        var late = demo[0] with { Invoices = [.. demo[0].Invoices, new Invoice("inv-late", demo[0].Account.Id, 900m, Today.AddDays(-60), Today.AddDays(-30), Today.AddDays(-1))] };
        var unpaid = demo[1] with { Invoices = [.. demo[1].Invoices, new Invoice("inv-unpaid", demo[1].Account.Id, 700m, Today.AddDays(-50), Today.AddDays(-20))] };
        stores.Save([late, unpaid, .. demo.Skip(2)]);
        var clock = new BusinessClock(new FakeTimeProvider(Now), TimeZoneInfo.Utc);

        var everything = new PortfolioView(stores, stores, stores, new DataVersions()).Portfolio;
        var held = new PortfolioView(stores, stores, stores, new DataVersions(), clock: clock).Portfolio;

        var ids = demo.Select(s => s.Account.Id).ToList();
        var before = ids.Sum(id => everything.InvoicesMayBeOverdue(id).Count);
        var after = ids.Sum(id => held.InvoicesMayBeOverdue(id).Count);
        Assert.True(after * 4 < before, $"held {after} of the {before} invoices paid late or unpaid");
        Assert.Contains(held.InvoicesMayBeOverdue(late.Account.Id), i => i.Id == "inv-late");
        Assert.Contains(held.InvoicesMayBeOverdue(unpaid.Account.Id), i => i.Id == "inv-unpaid");
        // An asker's day may be the business day before; every day from there on counts the same open overdue invoices.
        for (var day = Today.AddDays(-1); day <= Today.AddDays(45); day = day.AddDays(1))
            foreach (var id in ids)
                Assert.Equal(OpenOn(everything, id, day), OpenOn(held, id, day));
    }

    private static string[] OpenOn(PortfolioSnapshot portfolio, string accountId, DateOnly day) =>
        [.. portfolio.InvoicesMayBeOverdue(accountId).Where(i => i.IsOpenOverdue(day)).Select(i => i.Id).Order(StringComparer.Ordinal)];
}
