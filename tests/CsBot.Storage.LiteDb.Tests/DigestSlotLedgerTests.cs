namespace CsBot.Storage.LiteDb.Tests;

/// <summary>Each channel's digest mark survives a restart, is found however the channel is written, and never moves back.</summary>
public class DigestSlotLedgerTests
{
    private static readonly DateTimeOffset MondayNine = new(2026, 7, 6, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void A_recorded_slot_is_remembered_after_reopening_the_file_for_the_channel_however_written()
    {
        using var db = new TempDatabase();
        var context = db.Open();
        new LiteDbDigestSlotLedger(context).Record("#CS-Leadership", MondayNine);
        context.Dispose();

        var reopened = new LiteDbDigestSlotLedger(db.Open());

        Assert.Equal(MondayNine, reopened.LastSlot("cs-leadership"));
        Assert.Null(reopened.LastSlot("enterprise-team"));
    }

    [Fact]
    public void A_later_slot_moves_the_mark_and_an_earlier_one_does_not()
    {
        using var db = new TempDatabase();
        var ledger = new LiteDbDigestSlotLedger(db.Open());

        ledger.Record("cs-leadership", MondayNine);
        ledger.Record("cs-leadership", MondayNine.AddDays(7));
        ledger.Record("cs-leadership", MondayNine.AddDays(-7));

        Assert.Equal(MondayNine.AddDays(7), ledger.LastSlot("cs-leadership"));
    }
}
