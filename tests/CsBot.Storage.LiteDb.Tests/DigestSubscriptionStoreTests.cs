using CsBot.Core.Digest;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class DigestSubscriptionStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-digest-subs-").FullName;
    private string Path => System.IO.Path.Combine(_folder, "csbot.db");

    [Fact]
    public void A_subscription_survives_reopening_the_file_and_matches_without_case_or_hash()
    {
        using (var context = new LiteDbContext(Path))
            new LiteDbDigestSubscriptions(context).Upsert(new DigestSubscription("#CS-Leadership", "Europe/Berlin", "Enterprise", "0 0 9 ? * MON"));

        using var reopened = new LiteDbContext(Path);
        var store = new LiteDbDigestSubscriptions(reopened);
        Assert.Equal(new DigestSubscription("#CS-Leadership", "Europe/Berlin", "Enterprise", "0 0 9 ? * MON"), store.Find("cs-leadership"));
        Assert.Single(store.GetAll());
    }

    [Fact]
    public void Upsert_replaces_and_remove_reports_whether_it_was_there()
    {
        using var context = new LiteDbContext(Path);
        var store = new LiteDbDigestSubscriptions(context);
        store.Upsert(new DigestSubscription("cs-alerts", "UTC", Schedule: "0 0 9 ? * MON"));
        store.Upsert(new DigestSubscription("#cs-alerts", "UTC", Schedule: "0 0 8 ? * TUE"));

        Assert.Equal("0 0 8 ? * TUE", Assert.Single(store.GetAll()).Schedule);
        Assert.True(store.Remove("CS-ALERTS"));
        Assert.False(store.Remove("cs-alerts"));
        Assert.Empty(store.GetAll());
    }

    [Fact]
    public void A_sign_up_without_a_schedule_reads_back_without_one()
    {
        using var context = new LiteDbContext(Path);
        var store = new LiteDbDigestSubscriptions(context);
        store.Upsert(new DigestSubscription("C0CSTEAM", "UTC"));

        Assert.Null(Assert.Single(store.GetAll()).Schedule);
    }

    [Fact]
    public void A_sign_up_stored_by_an_earlier_version_keeps_the_time_in_its_cron_field()
    {
        using (var context = new LiteDbContext(Path))
        {
            // The document exactly as the first version wrote it, before the schedule became the scheduler's business.
            context.Database.GetCollection(LiteDbDigestSubscriptions.CollectionName).Insert(new BsonDocument
            {
                ["_id"] = "cs-emea",
                ["Channel"] = "#cs-emea",
                ["Cron"] = "0 30 7 ? * TUE",
                ["TimeZone"] = "Europe/Berlin",
            });
        }

        using var reopened = new LiteDbContext(Path);
        Assert.Equal(new DigestSubscription("#cs-emea", "Europe/Berlin", null, "0 30 7 ? * TUE"), new LiteDbDigestSubscriptions(reopened).Find("cs-emea"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
