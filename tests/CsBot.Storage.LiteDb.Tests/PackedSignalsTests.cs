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

        var stored = context.Database.GetCollection(LiteDbContext.AccountData).FindById("acc-001");
        Assert.True(stored["Signals"].IsBinary);
        Assert.False(stored.ContainsKey("Tickets"));
        Asserts.SameSignals(odd, store.LoadSignals("acc-001"));
        Asserts.SameSignals(odd, store.LoadAllSignals().Single());
    }

    [Fact]
    public void Signals_stored_as_nested_documents_by_an_earlier_version_are_still_read()
    {
        var full = TestData.FullSignals("acc-001");
        using (var writer = _db.Open())
        {
            EarlierLayout.Write(writer, [full], nestedSignals: true);
            Assert.False(writer.Database.GetCollection(LiteDbContext.Signals).FindById("acc-001").ContainsKey("Packed"));
        }

        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);

        Asserts.SameSignals(full, store.LoadSignals("acc-001"));
        Asserts.SameSignals(full, store.LoadAllSignals().Single());
        Assert.True(context.Database.GetCollection(LiteDbContext.AccountData).FindById("acc-001")["Signals"].IsBinary);
    }

    [Fact]
    public void Packed_signals_of_an_unknown_format_are_refused_rather_than_misread()
    {
        using (var writer = _db.Open())
        {
            EarlierLayout.Write(writer, [TestData.FullSignals("acc-001")]);
            var signals = writer.Database.GetCollection(LiteDbContext.Signals);
            var stored = signals.FindById("acc-001");
            stored["Format"] = 99;
            signals.Update(stored);
        }

        // The upgrade of the file stops on it, before anything was changed for that account.
        Assert.Throws<InvalidDataException>(() => _db.Open());
    }
}
