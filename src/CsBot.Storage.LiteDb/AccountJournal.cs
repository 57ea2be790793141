using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// A collection of at most one small entry per account (keyed by the account id) that holds what recent saves changed
/// of documents spread over the file, until the account's documents are next written whole: the entries of a batch's
/// accounts lie together on a few pages, where rewriting the documents writes a page an account. Keeps the number of
/// entries, so an empty journal costs its readers nothing and a full one sends saves back to the documents.
/// </summary>
internal abstract class AccountJournal(string collectionName)
{
    /// <summary>
    /// At this many entries (accounts) saves that would add one write the documents instead: every read of the whole
    /// portfolio reads the journal too, so it must stay small however long no whole write comes.
    /// </summary>
    internal const int DefaultMaxEntries = 100_000;

    /// <inheritdoc cref="DefaultMaxEntries"/>
    internal int MaxEntries { get; set; } = DefaultMaxEntries;

    internal string CollectionName { get; } = collectionName;

    // Counted once when first asked, then kept by the writes (all of which report here).
    private long _count = -1;
    private readonly Lock _counting = new();

    public ILiteCollection<BsonDocument> Collection(LiteDatabase database) => database.GetCollection(CollectionName);

    public long Count(LiteDatabase database)
    {
        lock (_counting)
        {
            if (_count < 0) _count = Collection(database).LongCount();
            return _count;
        }
    }

    /// <summary>Entries a committed write added.</summary>
    public void Added(int count) => Change(count);

    /// <summary>Entries a committed write deleted.</summary>
    public void Removed(int count) => Change(-count);

    /// <summary>Forgets the count, so the next use counts again (after a write whose outcome is unknown).</summary>
    public void Recount()
    {
        lock (_counting) _count = -1;
    }

    /// <summary>Deletes the entries of the accounts given; call inside the save's transaction, then <see cref="Removed"/> once it committed.</summary>
    public int Delete(LiteDatabase database, IEnumerable<string> accountIds)
    {
        var collection = Collection(database);
        var deleted = 0;
        foreach (var accountId in accountIds)
            if (collection.Delete(accountId)) deleted++;
        return deleted;
    }

    private void Change(int by)
    {
        lock (_counting)
            if (_count >= 0) _count = Math.Max(0, _count + by);
    }
}
