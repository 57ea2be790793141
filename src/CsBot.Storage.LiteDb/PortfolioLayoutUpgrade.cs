using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Upgrades, once, a file written before accounts' data were stored one document per account: each account's record,
/// usage ("usage") and other signals ("signals") become its <see cref="AccountDataDocument"/>, then the two old
/// collections are dropped. Runs when the file is opened, before anything reads or writes the portfolio.
/// </summary>
/// <remarks>
/// Accounts are upgraded a batch at a time, each batch in one transaction that writes the new documents and deletes
/// the old ones, so memory stays bounded on a large file and a stop midway loses nothing: the next start carries on
/// with the accounts that still have no data document (those that have one were upgraded, their old documents deleted
/// with the same commit). Signals still kept as nested documents (an even earlier layout) are read as such.
/// </remarks>
internal static class PortfolioLayoutUpgrade
{
    private const int BatchSize = 1_000;

    public static void Run(LiteDatabase database, BsonMapper mapper)
    {
        if (!database.CollectionExists(LiteDbContext.Usage) && !database.CollectionExists(LiteDbContext.Signals)) return;

        var accounts = database.GetCollection(LiteDbContext.Accounts);
        var usage = database.GetCollection(LiteDbContext.Usage);
        var signals = database.GetCollection(LiteDbContext.Signals);
        var data = database.GetCollection(LiteDbContext.AccountData);
        BsonValue after = BsonValue.MinValue;
        while (true)
        {
            var batch = accounts.Query().Where(BsonExpression.Create("$._id > @0", after)).OrderBy("$._id").Limit(BatchSize).ToList();
            if (batch.Count == 0) break;
            after = batch[^1]["_id"];

            var range = Filters.Between("$._id", batch[0]["_id"], batch[^1]["_id"]);
            var done = data.Query().Where(range).Select("$._id").ToEnumerable().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
            var oldUsage = usage.Find(range).ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
            var oldSignals = signals.Find(range).ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);

            LiteDbContext.InTransaction(database, () =>
            {
                foreach (var document in batch)
                {
                    var id = document["_id"].AsString;
                    if (done.Contains(id)) continue;
                    var account = mapper.ToObject<AccountDocument>(document).ToAccount();
                    var assembled = new AccountSignals
                    {
                        Account = account,
                        Usage = oldUsage.TryGetValue(id, out var days) ? mapper.ToObject<UsageDocument>(days).ToUsage() : [],
                    };
                    if (oldSignals.TryGetValue(id, out var other)) assembled = mapper.ToObject<SignalsDocument>(other).AddTo(assembled);
                    data.Upsert(AccountDataDocument.From(assembled));
                    usage.Delete(id);
                    signals.Delete(id);
                }
            });
        }

        // Every account has its data document now; what is left in the old collections belongs to no account.
        database.DropCollection(LiteDbContext.Usage);
        database.DropCollection(LiteDbContext.Signals);
    }
}
