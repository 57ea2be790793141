using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Tickets, surveys, invoices, revenue events and renewal outcomes are stored packed in one binary field, which is
/// what makes reading the portfolio cheap; files written before keep them as nested documents and must stay readable.
/// </summary>
public sealed class PackedSignalsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Signals_are_stored_as_one_packed_field_and_read_back_exactly()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var full = TestData.FullSignals("acc-001");
        // An item of another account and values outside the enums' members survive as well.
        var odd = full with
        {
            Tickets = [.. full.Tickets, new SupportTicket("t-odd", "acc-other", (TicketSeverity)7, TestData.Instant(3, offsetHours: -5))],
            Surveys = [.. full.Surveys, new SurveyResponse("s-odd", "acc-001", SurveyKind.Ces, 4, TestData.Today, Respondent: "Jürgen Groß")],
        };
        store.Save([odd]);

        var stored = context.Database.GetCollection(LiteDbContext.Signals).FindById("acc-001");
        Assert.True(stored["Packed"].IsBinary);
        Assert.False(stored.ContainsKey("Tickets"));
        Asserts.SameSignals(odd, store.LoadSignals("acc-001"));
        Asserts.SameSignals(odd, store.LoadAllSignals().Single());
    }

    [Fact]
    public void Signals_stored_as_nested_documents_by_an_earlier_version_are_still_read()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var full = TestData.FullSignals("acc-001");
        store.Save([full]);
        context.Collection<SignalsDocument>(LiteDbContext.Signals).Upsert(SignalsDocument.FromLegacyLists(full));
        Assert.False(context.Database.GetCollection(LiteDbContext.Signals).FindById("acc-001").ContainsKey("Packed"));

        Asserts.SameSignals(full, store.LoadSignals("acc-001"));
        Asserts.SameSignals(full, store.LoadAllSignals().Single());

        // Saving again writes the packed form.
        store.Save([full]);
        Assert.True(context.Database.GetCollection(LiteDbContext.Signals).FindById("acc-001")["Packed"].IsBinary);
        Asserts.SameSignals(full, store.LoadSignals("acc-001"));
    }

    [Fact]
    public void Packed_signals_of_an_unknown_format_are_refused_rather_than_misread()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        store.Save([TestData.FullSignals("acc-001")]);
        var signals = context.Database.GetCollection(LiteDbContext.Signals);
        var stored = signals.FindById("acc-001");
        stored["Format"] = 99;
        signals.Update(stored);

        Assert.Throws<InvalidDataException>(() => store.LoadSignals("acc-001"));
    }
}
