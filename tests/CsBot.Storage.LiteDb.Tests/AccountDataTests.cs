using CsBot.Core.Accounts;
using CsBot.Core.Signals;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// An account's record, usage and other signals are one document of packed fields in "account_data", which is all an
/// evaluation reads per account; the account's own document stays in "accounts" for look-ups and listings.
/// </summary>
public sealed class AccountDataTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Each_account_is_one_data_document_of_packed_fields_beside_its_account_document()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        store.Save([TestData.FullSignals("acc-001"), TestData.FullSignals("acc-002"), TestData.Bare(TestData.MinimalAccount("acc-003"))]);

        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        Assert.Equal(3, data.Count());
        var full = data.FindById("acc-001");
        Assert.Equal(["Account", "Format", "Signals", "Usage", "_id"], full.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(180 * 24, full["Usage"].AsBinary.Length);
        Assert.Equal(["Account", "Format", "_id"], data.FindById("acc-003").Keys.Order(StringComparer.Ordinal));
        Assert.False(context.Database.CollectionExists(LiteDbContext.Usage));
        Assert.False(context.Database.CollectionExists(LiteDbContext.Signals));
        Assert.Equal("MultiYear", context.Database.GetCollection(LiteDbContext.Accounts).FindById("acc-001")["ContractKind"].AsString);
    }

    [Fact]
    public void Every_member_of_an_account_and_its_people_reads_back_from_the_data_document()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var full = TestData.FullAccount("acc-001") with
        {
            Owner = TestData.FullAccount().Owner with { TimeZone = "Europe/Berlin" },
            Manager = new Person("Max Mänager", "max@csbot.example") { TimeZone = "America/New_York", ChatIds = new Dictionary<string, string> { ["slack"] = "U9" } },
        };
        var minimal = TestData.MinimalAccount("acc-002");
        store.Save([TestData.Bare(full), TestData.Bare(minimal)]);

        var loaded = store.LoadAllSignals().ToList();
        Asserts.SameAccount(full, loaded[0].Account);
        Asserts.SameAccount(minimal, loaded[1].Account);
        Asserts.SameAccount(full, store.LoadSignals("acc-001")!.Account);
    }

    /// <summary>
    /// The data document packs each member by hand: a member added to <see cref="Account"/> or <see cref="Person"/>
    /// would silently be lost on the evaluation's path. Add it to PackedAccount (under a new format), then here.
    /// </summary>
    [Fact]
    public void The_packed_account_knows_every_member_of_account_and_person()
    {
        string[] Members(Type type) => [.. type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(
            ["Aliases", "AutoRenew", "ChurnedOn", "ContractKind", "ContractTermMonths", "Domain", "ExternalId", "Id", "Manager", "Mrr", "Name", "NoticePeriodDays", "Owner", "Plan", "RenewalDate", "Segment", "StartDate"],
            Members(typeof(Account)));
        Assert.Equal(["ChatIds", "Email", "Name", "TimeZone"], Members(typeof(Person)));
    }

    [Fact]
    public void Data_of_an_unknown_format_is_refused_rather_than_misread()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        store.Save([TestData.FullSignals("acc-001")]);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        var stored = data.FindById("acc-001");
        stored["Format"] = 99;
        data.Update(stored);

        Assert.Throws<InvalidDataException>(() => store.LoadSignals("acc-001"));
        Assert.Throws<InvalidDataException>(() => store.LoadAllSignals().ToList());
    }

    [Fact]
    public void Damaged_packed_account_bytes_are_refused_rather_than_misread()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        store.Save([TestData.FullSignals("acc-001")]);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        var stored = data.FindById("acc-001");
        stored["Account"] = new BsonValue(stored["Account"].AsBinary[..^3]);
        data.Update(stored);

        Assert.Throws<InvalidDataException>(() => store.LoadSignals("acc-001"));
    }
}
