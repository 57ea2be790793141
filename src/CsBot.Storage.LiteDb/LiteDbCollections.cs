using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Every collection the stores use, created when the file is opened. LiteDB 5 can corrupt its engine state when one
/// transaction creates a collection while another reads or writes it ("page type must be collection page",
/// litedb-org/LiteDB#2792), which happens on a fresh file when the first evaluation's score writes meet a question or a
/// delivery run. Creating them all before any store is used leaves no creation to race with.
/// </summary>
internal static class LiteDbCollections
{
    internal static readonly IReadOnlyList<string> All =
    [
        LiteDbContext.Accounts,
        LiteDbContext.AccountData,
        LiteDbContext.LatestScores,
        LiteDbContext.ScoreHistories,
        ScoreJournal.Name,
        UsageJournal.Name,
        LiteDbContext.Alerts,
        LiteDbConversationContexts.CollectionName,
        LiteDbReminderLedger.CollectionName,
        LiteDbConversationStore.Conversations,
        LiteDbConversationStore.PostedMessages,
        LiteDbDigestSlotLedger.CollectionName,
        LiteDbDigestSubscriptions.CollectionName,
        LiteDbOutbox.CollectionName,
        LiteDbInboundEventLog.CollectionName,
        LiteDbChurnModelStore.CollectionName,
    ];

    private const string Placeholder = "__collection_created";

    /// <summary>Creates the collections this file lacks (one document inserted and deleted in one transaction each).</summary>
    internal static void CreateMissing(LiteDatabase database)
    {
        foreach (var name in All)
        {
            if (database.CollectionExists(name)) continue;
            var collection = database.GetCollection(name);
            database.BeginTrans();
            collection.Insert(new BsonDocument { ["_id"] = Placeholder });
            collection.Delete(Placeholder);
            database.Commit();
        }
    }
}
