using System.Reflection;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Every collection exists from the moment the file is opened, so no store ever creates one while another thread uses
/// the file (LiteDB 5 can break its engine state when a collection is created under a concurrent read).
/// </summary>
public sealed class CollectionsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_fresh_file_has_every_collection_empty_before_any_store_writes()
    {
        using var context = _db.Open();

        var names = context.Database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);

        Assert.All(LiteDbCollections.All, name => Assert.Contains(name, names));
        Assert.All(LiteDbCollections.All, name => Assert.Equal(0, context.Database.GetCollection(name).Count()));
    }

    [Fact]
    public void Reopening_a_file_keeps_its_documents_and_creates_nothing_twice()
    {
        using (var context = _db.Open())
            new LiteDbPortfolioStore(context).Save([TestData.FullSignals("acc-001")]);

        using var reopened = _db.Open();

        Assert.Single(new LiteDbPortfolioStore(reopened).GetAccounts());
        Assert.Equal(LiteDbCollections.All.Count, reopened.Database.GetCollectionNames().Count(LiteDbCollections.All.Contains));
    }

    [Fact]
    public void Every_collection_a_store_names_is_created_at_open()
    {
        // The collection names the stores declare: LiteDbContext's constants and each store's CollectionName (or
        // named constants such as LiteDbConversationStore's), less the earlier layout's, which are only read to upgrade.
        string[] earlierLayout = [LiteDbContext.Usage, LiteDbContext.Signals];
        var declared = typeof(LiteDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(LiteDbContext).Namespace && t.Name.StartsWith("LiteDb", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name != nameof(LiteDbOptions.SectionName))
            .Where(f => f.DeclaringType == typeof(LiteDbContext) || f.Name == "CollectionName" || f.DeclaringType == typeof(LiteDbConversationStore))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Except(earlierLayout)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, name => Assert.Contains(name, LiteDbCollections.All));
    }
}
