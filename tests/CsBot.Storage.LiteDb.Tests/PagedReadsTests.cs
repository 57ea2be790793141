using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// A whole collection read a page at a time: every document once, in id order, whatever the collection's size against
/// the page, and no query left open between pages, so the caller may write while it goes through them.
/// </summary>
public sealed class PagedReadsTests : IDisposable
{
    private const int Page = 4;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private ILiteCollection<BsonDocument> Collection(int documents)
    {
        var collection = _db.Open().Database.GetCollection("paged");
        // Inserted out of order, so the order read is the index's, not the insertion's.
        collection.InsertBulk(Enumerable.Range(0, documents).Reverse().Select(i => new BsonDocument { ["_id"] = Id(i), ["n"] = i }));
        return collection;
    }

    private static string Id(int i) => $"doc-{i:D4}";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Page - 1)]
    [InlineData(Page)]
    [InlineData(Page + 1)]
    [InlineData(3 * Page)]
    [InlineData(3 * Page + 2)]
    public void Every_document_comes_once_in_id_order(int documents)
    {
        var collection = Collection(documents);

        var read = PagedReads.All(collection, Page).Select(d => d["_id"].AsString).ToList();

        Assert.Equal(Enumerable.Range(0, documents).Select(Id), read);
    }

    [Fact]
    public void The_caller_may_write_between_documents()
    {
        var collection = Collection(3 * Page);

        var read = new List<string>();
        foreach (var document in PagedReads.All(collection, Page))
        {
            read.Add(document["_id"].AsString);
            // A write while a query is open on the same collection would wait on LiteDB's lock or see a moving cursor.
            collection.Update(new BsonDocument { ["_id"] = document["_id"], ["n"] = -1 });
        }

        Assert.Equal(Enumerable.Range(0, 3 * Page).Select(Id), read);
        Assert.All(collection.FindAll(), d => Assert.Equal(-1, d["n"].AsInt32));
    }
}
