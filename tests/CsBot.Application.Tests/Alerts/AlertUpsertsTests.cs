using CsBot.Application.Alerts;
using CsBot.Application.Tests.Asking;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;

namespace CsBot.Application.Tests.Alerts;

/// <summary>
/// A large alert write made a part at a time, each part as it is to be stored: every alert is stored as made, in order,
/// a part per upsert, and the alerts as given are let go part by part (a day's first run marks some 115k at 100k accounts).
/// </summary>
public sealed class AlertUpsertsTests
{
    [Fact]
    public void Each_part_is_stored_as_made_and_the_alerts_as_given_are_let_go_once_stored()
    {
        var stores = new InMemoryStores();
        var parts = new CountingUpserts(stores);
        var given = Enumerable.Range(0, 2 * AlertUpserts.PartSize + 7)
            .Select(i => AnswerFixture.Alert($"acc-{i:D5}", "no-login", Severity.Warning, "no login for 17 days")).ToArray();
        var ids = given.Select(a => a.Id).ToList();
        var givenWhileStoring = new List<int>();

        var stored = parts.UpsertInParts(given, part =>
        {
            givenWhileStoring.Add(given.Count(a => a is not null));
            return [.. part.Select(a => a with { Reason = "as stored" })];
        });

        Assert.Equal(ids, stored.Select(a => a.Id));
        Assert.All(stored, a => Assert.Same(a, stores.Get(a.Id)));
        Assert.All(stored, a => Assert.Equal("as stored", a.Reason));
        Assert.Equal([AlertUpserts.PartSize, AlertUpserts.PartSize, 7], parts.Sizes);
        // Before each part is made, the parts already stored are no longer held as given.
        Assert.Equal([given.Length, given.Length - AlertUpserts.PartSize, 7], givenWhileStoring);
        Assert.All(given, Assert.Null);
    }

    private sealed class CountingUpserts(IAlertStore inner) : IAlertStore
    {
        public List<int> Sizes { get; } = [];
        public void Upsert(IReadOnlyCollection<Alert> alerts)
        {
            Sizes.Add(alerts.Count);
            inner.Upsert(alerts);
        }
        public Alert? Get(string alertId) => inner.Get(alertId);
        public IReadOnlyDictionary<string, Alert> GetMany(IReadOnlyCollection<string> alertIds) => inner.GetMany(alertIds);
        public IReadOnlyList<Alert> GetOpen() => inner.GetOpen();
        public IReadOnlyList<Alert> GetForAccount(string accountId) => inner.GetForAccount(accountId);
        public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds) => inner.GetOpenFor(accountIds);
    }
}
