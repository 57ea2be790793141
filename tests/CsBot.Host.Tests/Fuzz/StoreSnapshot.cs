using System.Security.Cryptography;
using System.Text.Json;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Fuzz;

/// <summary>
/// What a rejected request must not change: how many accounts, signals, alerts and outbox entries there are, and a hash
/// of every stored account with its signals and of every alert's state.
/// </summary>
public sealed record StoreSnapshot(int Accounts, int Signals, int Alerts, string Outbox, string PortfolioHash, string AlertsHash)
{
    public static StoreSnapshot Take(IServiceProvider services)
    {
        var portfolio = services.GetRequiredService<IPortfolioStore>().LoadAllSignals().OrderBy(s => s.Account.Id).ToList();
        var alerts = portfolio.SelectMany(s => services.GetRequiredService<IAlertStore>().GetForAccount(s.Account.Id))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.State, a.SnoozedUntil, a.AcknowledgedBy, a.AcknowledgedAt, a.EscalatedAt, History = a.History.Count })
            .ToList();
        var outbox = services.GetRequiredService<IOutboxStore>().Counts();
        return new StoreSnapshot(
            portfolio.Count,
            portfolio.Sum(s => s.Usage.Length + s.Tickets.Count + s.Surveys.Count + s.Invoices.Count + s.RevenueEvents.Count),
            alerts.Count,
            string.Join(", ", outbox.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")),
            Hash(portfolio),
            Hash(alerts));
    }

    private static string Hash(object value) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)))[..16];
}
