namespace CsBot.Storage.LiteDb.Tests;

public sealed class InboundEventLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 16, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void An_event_is_new_once_repeated_until_it_expires_and_remembered_after_reopening_the_file()
    {
        var context = _db.Open();
        var log = new LiteDbInboundEventLog(context);

        Assert.True(log.TryRecord("slack", "Ev01", Noon, Noon.AddHours(1)));
        Assert.False(log.TryRecord("slack", "Ev01", Noon.AddMinutes(5), Noon.AddMinutes(65)));
        Assert.True(log.TryRecord("teams", "Ev01", Noon, Noon.AddHours(1)));
        context.Dispose();

        var reopened = new LiteDbInboundEventLog(_db.Open());
        Assert.False(reopened.TryRecord("slack", "Ev01", Noon.AddMinutes(59), Noon.AddMinutes(119)));
        Assert.True(reopened.TryRecord("slack", "Ev01", Noon.AddHours(1), Noon.AddHours(2)));
    }

    [Fact]
    public void Expired_events_are_purged_so_the_collection_holds_one_window()
    {
        var log = new LiteDbInboundEventLog(_db.Open());
        for (var n = 0; n < 50; n++) log.TryRecord("slack", $"Ev{n}", Noon, Noon.AddHours(1));

        log.TryRecord("slack", "Ev-late", Noon.AddHours(2), Noon.AddHours(3));

        Assert.Equal(1, log.Count);
        Assert.True(log.TryRecord("slack", "Ev1", Noon.AddHours(2), Noon.AddHours(3)));
    }

    [Fact]
    public void A_very_long_event_id_is_stored_without_hitting_the_index_key_limit()
    {
        var log = new LiteDbInboundEventLog(_db.Open());
        var id = new string('x', 5000);

        Assert.True(log.TryRecord("slack", id, Noon, Noon.AddHours(1)));
        Assert.False(log.TryRecord("slack", id, Noon, Noon.AddHours(1)));
    }
}
