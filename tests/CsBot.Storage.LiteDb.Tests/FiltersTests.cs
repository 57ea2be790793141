using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Look-ups by id pass the id as a parameter: one expression text whatever the id, so LiteDB compiles it once instead
/// of once per id, and the look-up still goes through its index.
/// </summary>
public sealed class FiltersTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_expression_text_does_not_depend_on_the_value()
    {
        Assert.Equal(Filters.Equal("$.ExternalId", "crm-1").Source, Filters.Equal("$.ExternalId", "crm-2").Source);
        Assert.Equal(Filters.Between("$._id", "a", "b").Source, Filters.Between("$._id", "c", "d").Source);
        Assert.Equal(Filters.In("$._id", ["a"]).Source, Filters.In("$._id", ["b", "c"]).Source);
    }

    [Fact]
    public void Look_ups_use_their_index_and_find_exactly_the_matching_documents()
    {
        var context = _db.Open();
        new LiteDbPortfolioStore(context).Save([.. Enumerable.Range(0, 30).Select(i => TestData.Bare(TestData.MinimalAccount($"acc-{i:D3}")))]);
        var accounts = context.Database.GetCollection(LiteDbContext.Accounts);

        string IndexOf(BsonExpression filter) => accounts.Query().Where(filter).GetPlan()["index"]["name"].AsString;

        Assert.Equal("external_id", IndexOf(Filters.Equal("$.ExternalId", "crm-acc-007")));
        Assert.Equal("_id", IndexOf(Filters.Between("$._id", "acc-003", "acc-005")));
        Assert.Equal("_id", IndexOf(Filters.In("$._id", ["acc-001", "acc-020"])));
        Assert.Equal(["acc-007"], accounts.Find(Filters.Equal("$.ExternalId", "crm-acc-007")).Select(d => d["_id"].AsString));
        Assert.Equal(["acc-003", "acc-004", "acc-005"], accounts.Find(Filters.Between("$._id", "acc-003", "acc-005")).Select(d => d["_id"].AsString));
        Assert.Equal(["acc-001", "acc-020"], accounts.Find(Filters.In("$._id", ["acc-001", "acc-020", "acc-999"])).Select(d => d["_id"].AsString).Order(StringComparer.Ordinal));
        Assert.Equal("account_id", context.Database.GetCollection(LiteDbContext.Alerts).Query().Where(Filters.Equal("$.AccountId", "acc-001")).GetPlan()["index"]["name"].AsString);
    }
}
