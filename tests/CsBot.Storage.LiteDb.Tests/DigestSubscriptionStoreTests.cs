using CsBot.Core.Digest;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class DigestSubscriptionStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-digest-subs-").FullName;
    private string Path => System.IO.Path.Combine(_folder, "csbot.db");

    [Fact]
    public void A_subscription_survives_reopening_the_file_and_matches_without_case_or_hash()
    {
        using (var context = new LiteDbContext(Path))
            new LiteDbDigestSubscriptions(context).Upsert(new DigestSubscription("#CS-Leadership", "0 0 9 ? * MON", "Europe/Berlin", "Enterprise"));

        using var reopened = new LiteDbContext(Path);
        var store = new LiteDbDigestSubscriptions(reopened);
        Assert.Equal(new DigestSubscription("#CS-Leadership", "0 0 9 ? * MON", "Europe/Berlin", "Enterprise"), store.Find("cs-leadership"));
        Assert.Single(store.GetAll());
    }

    [Fact]
    public void Upsert_replaces_and_remove_reports_whether_it_was_there()
    {
        using var context = new LiteDbContext(Path);
        var store = new LiteDbDigestSubscriptions(context);
        store.Upsert(new DigestSubscription("cs-alerts", "0 0 9 ? * MON", "UTC"));
        store.Upsert(new DigestSubscription("#cs-alerts", "0 0 8 ? * TUE", "UTC"));

        Assert.Equal("0 0 8 ? * TUE", Assert.Single(store.GetAll()).Cron);
        Assert.True(store.Remove("CS-ALERTS"));
        Assert.False(store.Remove("cs-alerts"));
        Assert.Empty(store.GetAll());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
