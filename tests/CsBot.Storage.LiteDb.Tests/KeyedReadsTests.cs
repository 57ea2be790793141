using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Many documents read by id at once: every asked document that exists comes back, none that was not asked, and ids
/// scattered over a large collection (an ingestion batch's accounts) do not make LiteDB read many documents nobody asked for.
/// </summary>
public sealed class KeyedReadsTests : IDisposable
{
    private const int Stored = 3_000;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private ILiteCollection<BsonDocument> Collection()
    {
        var collection = _db.Open().Database.GetCollection("keyed");
        collection.InsertBulk(Enumerable.Range(0, Stored).Select(i => new BsonDocument { ["_id"] = Id(i), ["n"] = i }));
        return collection;
    }

    private static string Id(int i) => $"doc-{i:D5}";

    [Fact]
    public void Ids_scattered_over_the_collection_read_few_documents_beyond_the_ones_asked_for()
    {
        var collection = Collection();
        // Every 30th document, and ids between them that have no document.
        var asked = Enumerable.Range(0, 100).Select(i => Id(i * 30)).Concat(Enumerable.Range(0, 20).Select(i => $"doc-{i * 150:D5}-none")).ToArray();

        var found = KeyedReads.ByIds(collection, asked, out var documentsRead);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => Id(i * 30)), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found, f => Assert.Equal(f.Key, f.Value["_id"].AsString));
        Assert.InRange(documentsRead, 100, 100 + 40);
    }

    [Fact]
    public void Adjacent_ids_are_read_as_one_range_of_just_those_documents()
    {
        var collection = Collection();
        var asked = Enumerable.Range(500, 100).Select(Id).Reverse().ToArray();

        var found = KeyedReads.ByIds(collection, asked, out var documentsRead);

        Assert.Equal(asked.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(100, documentsRead);
    }

    [Fact]
    public void A_dense_run_followed_by_scattered_ids_finds_them_all()
    {
        var collection = Collection();
        var asked = Enumerable.Range(100, 50).Concat(Enumerable.Range(0, 30).Select(i => 400 + i * 80)).Select(Id).ToArray();

        var found = KeyedReads.ByIds(collection, asked, out var documentsRead);

        Assert.Equal(asked.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        // The range goes on past the dense run until its misses outnumber its hits: at most about twice what it found.
        Assert.InRange(documentsRead, 80, 2 * 80);
    }
}
