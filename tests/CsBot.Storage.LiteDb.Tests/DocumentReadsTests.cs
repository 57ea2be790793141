using CsBot.Storage.LiteDb.Documents;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// The evaluation reads every account through <see cref="LiteDbPortfolioStore.LoadAllSignals"/>, whose documents are
/// turned into objects by hand: it must read exactly what the one-account reads (LiteDB's mapper) read.
/// </summary>
public sealed class DocumentReadsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Every_account_document_field_is_read_by_hand()
    {
        Assert.True(DocumentReads.ReadsEveryField,
            "AccountDocument or PersonDocument has a property DocumentReads does not read: map it there, or accounts are read by the slower mapper.");
    }

    [Fact]
    public void Loading_all_accounts_reads_every_field_as_loading_one_does()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var full = TestData.FullSignals("acc-001");
        var minimal = TestData.Bare(TestData.MinimalAccount("acc-002"));
        store.Save([full, minimal]);

        var all = store.LoadAllSignals().ToList();

        Asserts.SameSignals(full, all[0]);
        Asserts.SameSignals(minimal, all[1]);
        Asserts.SameAccount(store.GetAccount("acc-001")!, all[0].Account);
        Asserts.SameAccount(store.GetAccount("acc-002")!, all[1].Account);
        Assert.Null(all[1].Account.Manager);
        Assert.Null(all[1].Account.RenewalDate);
        Assert.Null(all[1].Account.ChurnedOn);
    }

    [Fact]
    public void Loading_all_accounts_keeps_owner_ids_stored_in_the_former_fields()
    {
        var context = _db.Open();
        new LiteDbPortfolioStore(context).Save([TestData.Bare(TestData.MinimalAccount("acc-001"))]);
        var accounts = context.Database.GetCollection(LiteDbContext.Accounts);
        var document = accounts.FindById("acc-001");
        var owner = document["Owner"].AsDocument;
        owner.Remove("ChatIds");
        owner["SlackUserId"] = "U123";
        owner["TeamsUserId"] = "29:teams-sam";
        accounts.Update(document);

        var loaded = new LiteDbPortfolioStore(context).LoadAllSignals().Single().Account;

        Assert.Equal("U123", loaded.Owner.ChatIdOn("slack"));
        Assert.Equal("29:teams-sam", loaded.Owner.ChatIdOn("teams"));
    }

    [Fact]
    public void Usage_packed_in_an_unknown_format_is_refused_rather_than_misread()
    {
        var context = _db.Open();
        new LiteDbPortfolioStore(context).Save([TestData.FullSignals("acc-001")]);
        var usage = context.Database.GetCollection(LiteDbContext.Usage);
        var document = usage.FindById("acc-001");
        document["Format"] = 2;
        usage.Update(document);

        Assert.Throws<InvalidDataException>(() => new LiteDbPortfolioStore(context).LoadAllSignals().ToList());
    }
}
