using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// A whole collection read along its _id index a page at a time, each page its own query.
/// </summary>
/// <remarks>
/// LiteDB keeps every page a query has read in its cache, in use, until the query's transaction ends, and its cache
/// never returns memory: reading 90k latest scores in one query left about 100 MB of cache held for the life of the
/// process (the same read a thousand documents a query: 13 MB), and the warm-up's and the evaluation's whole-collection
/// reads together took the cache to 220 MB at 100k accounts.
/// </remarks>
internal static class PagedReads
{
    /// <summary>Documents a query reads: a few hundred LiteDB pages held at a time, and a query costs little beside them.</summary>
    public const int PageSize = 1_000;

    /// <summary>Every document of <paramref name="collection"/> in _id order; nothing stays open between pages.</summary>
    public static IEnumerable<BsonDocument> All(ILiteCollection<BsonDocument> collection, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = BsonValue.MinValue;
        while (true)
        {
            // A range on _id walks the _id index in ascending order and stops at the limit. The page is read whole
            // before any of it is handed out, so no query is open while the caller works. BETWEEN includes its lower
            // bound, so the previous page's last document comes again first and is skipped.
            var page = collection.Query().Where(Filters.Between("$._id", after, BsonValue.MaxValue)).Limit(pageSize + 1).ToList();
            var handed = 0;
            foreach (var document in page)
            {
                if (document["_id"] == after) continue;
                if (handed == pageSize) break;
                handed++;
                after = document["_id"];
                yield return document;
            }
            if (handed < pageSize) yield break;
        }
    }
}
