using CsBot.Core.Accounts;
using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;
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
        Assert.Equal(["Account", "ExternalId", "Format", "Pad", "Signals", "Usage", "_id"], full.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("crm-acc-001", full["ExternalId"].AsString);
        Assert.Equal(2, full["Format"].AsInt32);
        Assert.InRange(full["Usage"].AsBinary.Length, 180 * 6, 180 * 24 / 2);
        Assert.Equal(["Account", "ExternalId", "Format", "Pad", "_id"], data.FindById("acc-003").Keys.Order(StringComparer.Ordinal));
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

    /// <summary>
    /// Files written before usage was packed compactly hold format-1 documents (24 bytes a day): they read the same, and
    /// an account saved again is written in the current format while the others stay as they were until saved.
    /// </summary>
    [Fact]
    public void Data_written_with_fixed_usage_reads_the_same_and_is_rewritten_compact_on_save()
    {
        var full = TestData.FullSignals("acc-001");
        var longer = TestData.FullSignals("acc-002", usageDays: 400);
        var bare = TestData.Bare(TestData.MinimalAccount("acc-003"));
        using (var earlier = new LiteDbContext(new LiteDbOptions { DatabasePath = _db.DatabasePath }))
            EarlierLayout.WriteFixedUsage(earlier, [full, longer, bare]);

        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var loaded = store.LoadAllSignals().ToList();
        Asserts.SameSignals(full, loaded[0]);
        Asserts.SameSignals(longer, loaded[1]);
        Asserts.SameSignals(bare, loaded[2]);
        Asserts.SameSignals(longer, store.LoadSignals("acc-002"));

        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        Assert.Equal(400 * 24, data.FindById("acc-002")["Usage"].AsBinary.Length);
        store.Save([longer]);

        var rewritten = data.FindById("acc-002");
        Assert.Equal(AccountDataDocument.CurrentFormat, rewritten["Format"].AsInt32);
        Assert.InRange(rewritten["Usage"].AsBinary.Length, 400 * 6, 400 * 24 / 2);
        Assert.Equal(AccountDataDocument.FixedUsageFormat, data.FindById("acc-001")["Format"].AsInt32);
        Asserts.SameSignals(longer, store.LoadSignals("acc-002"));
        Asserts.SameSignals(full, store.LoadSignals("acc-001"));
    }

    /// <summary>
    /// A batch of usage changes accounts' signals, not the accounts: their indexed documents are not rewritten (a marker
    /// put on the stored document survives), nor their data documents (the days go to the usage journal), while a
    /// changed account's are, and an unchanged save writes nothing.
    /// </summary>
    [Fact]
    public void Saving_changed_signals_of_an_unchanged_account_leaves_its_account_document_as_it_was()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var signals = TestData.FullSignals("acc-001");
        store.Save([signals]);
        var accounts = context.Database.GetCollection(LiteDbContext.Accounts);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        void Mark(ILiteCollection<BsonDocument> collection)
        {
            var document = collection.FindById("acc-001");
            document["Marker"] = true;
            collection.Update(document);
        }
        Mark(accounts);
        Mark(data);

        store.Save([signals]);
        Assert.True(data.FindById("acc-001").ContainsKey("Marker"));

        var moreUsage = signals with { Usage = [.. signals.Usage, new UsageDay(signals.Usage[^1].Date.AddDays(1), 3, 4, 5, 6, 7)] };
        store.Save([moreUsage]);
        Assert.True(accounts.FindById("acc-001").ContainsKey("Marker"));
        Assert.True(data.FindById("acc-001").ContainsKey("Marker"));
        Asserts.SameSignals(moreUsage, store.LoadSignals("acc-001"));

        var renamed = moreUsage with { Account = moreUsage.Account with { Name = "Acme Renamed" } };
        store.Save([renamed]);
        Assert.False(accounts.FindById("acc-001").ContainsKey("Marker"));
        Assert.False(data.FindById("acc-001").ContainsKey("Marker"));
        Assert.Equal("Acme Renamed", store.GetAccount("acc-001")!.Name);
        Assert.Equal("Acme Renamed", store.FindByExternalId(renamed.Account.ExternalId)!.Name);
        Asserts.SameSignals(renamed, store.LoadSignals("acc-001"));
    }

    [Fact]
    public void Damaged_compact_usage_is_refused_rather_than_misread()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        store.Save([TestData.FullSignals("acc-001")]);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        var stored = data.FindById("acc-001");
        stored["Usage"] = new BsonValue(stored["Usage"].AsBinary[..^2]);
        data.Update(stored);

        Assert.Throws<InvalidDataException>(() => store.LoadSignals("acc-001"));
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
