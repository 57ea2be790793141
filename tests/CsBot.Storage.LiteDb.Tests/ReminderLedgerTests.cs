using CsBot.Core.Reminders;

namespace CsBot.Storage.LiteDb.Tests;

public class ReminderLedgerTests
{
    private static readonly ReminderKey Thirty = new("acc-1", new DateOnly(2026, 9, 30), ReminderKind.Renewal, 30);

    [Fact]
    public void A_recorded_reminder_is_remembered_after_reopening_the_file()
    {
        using var db = new TempDatabase();
        var context = db.Open();
        new LiteDbReminderLedger(context).RecordSent([Thirty], new DateTimeOffset(2026, 8, 31, 8, 0, 0, TimeSpan.Zero));
        context.Dispose();

        var reopened = new LiteDbReminderLedger(db.Open());

        Assert.True(reopened.WasSent(Thirty));
        Assert.False(reopened.WasSent(Thirty with { OffsetDays = 7 }));
        Assert.False(reopened.WasSent(Thirty with { Kind = ReminderKind.NoticeDeadline }));
        Assert.False(reopened.WasSent(Thirty with { RenewalDate = new DateOnly(2027, 9, 30) }));
    }

    [Fact]
    public void Recording_the_same_reminder_again_is_harmless()
    {
        using var db = new TempDatabase();
        var ledger = new LiteDbReminderLedger(db.Open());

        ledger.RecordSent([Thirty], DateTimeOffset.UnixEpoch);
        ledger.RecordSent([Thirty, Thirty with { OffsetDays = 7 }], DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.True(ledger.WasSent(Thirty));
        Assert.True(ledger.WasSent(Thirty with { OffsetDays = 7 }));
    }
}
