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
            // The page is read whole before any of it is handed out, so no query is open while the caller works.
            var page = Page(collection, after, BsonValue.MaxValue, pageSize);
            foreach (var document in page) yield return document;
            if (page.Count < pageSize) yield break;
            after = page[^1]["_id"];
        }
    }

    /// <summary>
    /// Up to <paramref name="pageSize"/> documents after <paramref name="after"/> up to and including
    /// <paramref name="through"/>, in _id order, read by one query. One BETWEEN range on the _id index, which LiteDB walks
    /// in ascending order and stops at the limit (a second condition would be a filter over every document after the
    /// range); BETWEEN includes its lower bound, so the document at <paramref name="after"/> itself is skipped.
    /// </summary>
    public static List<BsonDocument> Page(ILiteCollection<BsonDocument> collection, BsonValue after, BsonValue through, int pageSize)
    {
        var page = new List<BsonDocument>(pageSize);
        foreach (var document in collection.Query().Where(Filters.Between("$._id", after, through)).Limit(pageSize + 1).ToEnumerable())
        {
            if (document["_id"] == after) continue;
            page.Add(document);
            if (page.Count == pageSize) break;
        }
        return page;
    }
}
