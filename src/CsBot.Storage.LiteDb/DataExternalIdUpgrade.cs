using System.Diagnostics;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Gives the data documents of a file written before they carried their account's external id that id and its index
/// ("external_id" on "account_data"), when the file is opened, before anything reads or writes the portfolio.
/// </summary>
/// <remarks>
/// LiteDB builds an index over the documents already stored in one transaction, and a transaction keeps every page it
/// read until it ends: over 100k accounts (a 1.1 GB file) that took the process from 0.9 to 1.7 GB of memory once. The
/// documents are moved instead, a batch a transaction, into a new collection created with the index, each given its
/// external id; then the emptied collection is dropped and the new one takes its name. Each batch's inserts and
/// deletes commit together, so a stop midway loses nothing and the next start carries on, including after a stop
/// between the drop and the rename (the collection is then re-created empty when the file opens).
/// </remarks>
internal static class DataExternalIdUpgrade
{
    internal const string IndexName = "external_id";
    internal const string IndexExpression = "$." + AccountDataDocument.ExternalIdField;
    /// <summary>Where the documents go while they are moved.</summary>
    internal const string Moving = LiteDbContext.AccountData + "_upgrade";
    private const int BatchSize = 1_000;
    private const int ReportEvery = 20_000;

    public static void Run(LiteDatabase database, ILogger logger)
    {
        var data = database.GetCollection(LiteDbContext.AccountData);
        var moving = database.CollectionExists(Moving);
        if (!moving && HasIndex(database)) return;
        if (!moving && !data.Exists(Query.All()))
        {
            // Nothing stored yet: the index costs nothing to build.
            data.EnsureIndex(IndexName, IndexExpression);
            return;
        }

        var target = database.GetCollection(Moving);
        target.EnsureIndex(IndexName, IndexExpression);
        var total = data.LongCount();
        logger.LogInformation("Indexing the data of {Count} accounts by external id (once, after an upgrade of CsBot)", total);
        var moved = 0L;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var batch = data.Query().Limit(BatchSize).ToList();
            if (batch.Count == 0) break;
            LiteDbContext.InTransaction(database, () =>
            {
                foreach (var document in batch)
                {
                    var id = document["_id"];
                    if (PackedAccount.Unpack(document[AccountDataDocument.AccountField].AsBinary, id.AsString).ExternalId is { } externalId)
                        document[AccountDataDocument.ExternalIdField] = externalId;
                    target.Upsert(document);
                    data.Delete(id);
                }
            });
            moved += batch.Count;
            if (moved % ReportEvery < BatchSize) logger.LogInformation("Indexed the data of {Moved} of {Count} accounts by external id", moved, total);
        }

        database.DropCollection(LiteDbContext.AccountData);
        database.RenameCollection(Moving, LiteDbContext.AccountData);
        logger.LogInformation("Indexing done: the data of {Count} accounts in {Seconds:0.0} s", moved, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    internal static bool HasIndex(LiteDatabase database) =>
        database.GetCollection("$indexes").Exists(Query.And(Query.EQ("collection", LiteDbContext.AccountData), Query.EQ("name", IndexName)));
}
