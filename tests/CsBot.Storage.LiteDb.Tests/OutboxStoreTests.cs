using System.Text.Json;
using CsBot.Core;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = TestData.Instant(0);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(T0);

    public void Dispose() => _db.Dispose();

    private LiteDbOutbox Open() => new(_db.Open(), _time);

    private static OutgoingMessage Message(string key, string title = "Acme is at risk") => new(
        Recipient.Person("max@csbot.example", "Max Mustermann", "Europe/Berlin"),
        new ChatMessage
        {
            Title = title,
            Severity = Severity.High,
            FallbackText = "1 new alert",
            Sections =
            [
                new MessageSection
                {
                    Heading = "Acme Logistics", Text = "Usage fell 45% ", Fields = [new MessageField("Health", "38 (Poor)")],
                    Account = new AccountLink("acc-001", "Acme Logistics"),
                    Actions = [new MessageAction(ActionKind.Acknowledge, "Ack", "acc-001:usage-cliff", ActionStyle.Primary)],
                },
            ],
            Actions = [new MessageAction(ActionKind.Snooze7Days, "Snooze 7d", "acc-001:usage-cliff")],
            Context = ["Data as of 2026-03-15", ""],
        },
        key);

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void Enqueueing_the_same_key_twice_keeps_only_the_first_message()
    {
        var outbox = Open();

        Assert.True(outbox.Enqueue(Message("alerts:max:1", "first"), T0));
        Assert.False(outbox.Enqueue(Message("alerts:max:1", "second"), T0.AddMinutes(5)));
        Assert.True(outbox.Enqueue(Message("alerts:max:2"), T0));

        Assert.Equal(2, outbox.Counts()[OutboxState.Pending]);
        var entry = outbox.FindByIdempotencyKey("alerts:max:1")!;
        Assert.Equal("first", entry.Message.Message.Title);
        Assert.Equal(T0, entry.NextAttemptAt);
    }

    [Fact]
    public void A_run_s_messages_queued_together_are_one_write_of_a_few_pages_not_one_write_each()
    {
        using var other = new TempDatabase();
        var messages = Enumerable.Range(0, 40).Select(i => new MessageToQueue(Message($"alerts:owner-{i}:1"), T0)).ToArray();

        var context = _db.Open();
        var together = PagesWrittenBy(context, outbox => Assert.All(((IOutbox)outbox).EnqueueAll(messages), Assert.True));
        var oneByOne = PagesWrittenBy(other.Open(), outbox => Assert.All(messages, m => Assert.True(outbox.Enqueue(m.Message, m.DeliverAfter))));

        // Each write commits the pages it touched (the entry's, each index's, the header) to LiteDB's log again.
        Assert.True(together * 4 <= oneByOne, $"40 messages queued together wrote {together} log pages, one at a time {oneByOne}.");
        Assert.Equal(41, new LiteDbOutbox(context, _time).Counts()[OutboxState.Pending]);
    }

    private long PagesWrittenBy(LiteDbContext context, Action<LiteDbOutbox> write)
    {
        var outbox = new LiteDbOutbox(context, _time);
        outbox.Enqueue(Message("warm-up"), T0);
        return LogPages.WrittenBy(context, () => write(outbox));
    }

    [Fact]
    public void An_enqueued_message_is_in_the_files_on_disk_when_Enqueue_returns_without_the_log_copied_into_the_data_file()
    {
        var context = _db.Open();
        var outbox = new LiteDbOutbox(context, _time);

        Assert.True(outbox.Enqueue(Message("k-durable"), T0));

        // The files as a process killed now would leave them: the log still holds the write, and opening them replays it.
        var folder = Path.GetDirectoryName(_db.DatabasePath)!;
        Assert.True(new FileInfo(Path.Combine(folder, "csbot-log.db")).Length > 0, "The write was checkpointed into the data file.");
        using var copy = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(copy.DatabasePath)!);
        File.Copy(_db.DatabasePath, copy.DatabasePath);
        File.Copy(Path.Combine(folder, "csbot-log.db"), Path.Combine(Path.GetDirectoryName(copy.DatabasePath)!, "csbot-log.db"));
        using var reopened = copy.Open();
        Assert.Equal(OutboxState.Pending, new LiteDbOutbox(reopened, _time).FindByIdempotencyKey("k-durable")!.State);
    }

    [Fact]
    public void The_neutral_message_round_trips_through_the_file()
    {
        var original = Message("k1");
        using (var context = _db.Open()) new LiteDbOutbox(context, _time).Enqueue(original, T0);

        var stored = Open().FindByIdempotencyKey("k1")!;

        Assert.Equal(original.Recipient, stored.Message.Recipient);
        Assert.Equal(Json(original.Message), Json(stored.Message.Message));
        Assert.Equal(OutboxState.Pending, stored.State);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(T0, stored.CreatedAt);
        Assert.Equal(T0.Offset, stored.CreatedAt.Offset);
    }

    [Fact]
    public void A_late_answers_platform_thread_and_reply_url_round_trip_through_the_file()
    {
        var answer = Message("slack:command:1") with
        {
            Platform = "slack", ThreadId = "1700000100.000200", ReplyUrl = "https://hooks.slack.com/commands/T1/2/abc", ReplyUrlExpiresAt = T0.AddMinutes(30),
        };
        using (var context = _db.Open()) new LiteDbOutbox(context, _time).Enqueue(answer, T0);

        var outbox = Open();
        var stored = outbox.FindByIdempotencyKey("slack:command:1")!.Message;

        Assert.Equal(("slack", "1700000100.000200", "https://hooks.slack.com/commands/T1/2/abc", T0.AddMinutes(30)),
            (stored.Platform, stored.ThreadId, stored.ReplyUrl, stored.ReplyUrlExpiresAt));
        outbox.Enqueue(Message("k-alert"), T0);
        Assert.Equal((null, null), (outbox.FindByIdempotencyKey("k-alert")!.Message.ReplyUrl, outbox.FindByIdempotencyKey("k-alert")!.Message.ReplyUrlExpiresAt));
    }

    [Fact]
    public void The_backlog_names_the_earliest_due_waiting_entry_and_counts_only_recent_dead_letters()
    {
        var outbox = Open();
        Assert.Equal(new OutboxBacklog(null, 0), outbox.Backlog(T0));
        foreach (var (key, due) in new[] { ("k-later", T0.AddMinutes(5)), ("k-first", T0.AddMinutes(1)), ("k-old-dead", T0), ("k-new-dead", T0), ("k-done", T0) })
            outbox.Enqueue(Message(key), due);
        Dead("k-old-dead", T0.AddHours(-30));
        Dead("k-new-dead", T0.AddHours(-1));
        var done = outbox.FindByIdempotencyKey("k-done")!.Id;
        outbox.TryClaim(done, T0, T0.AddMinutes(2));
        outbox.MarkDelivered(done, "local", null, T0);

        Assert.Equal(new OutboxBacklog(T0.AddMinutes(1), 1), outbox.Backlog(T0.AddHours(-24)));
        Assert.Equal(new OutboxBacklog(T0.AddMinutes(1), 2), outbox.Backlog(T0.AddHours(-48)));

        void Dead(string key, DateTimeOffset at)
        {
            var id = outbox.FindByIdempotencyKey(key)!.Id;
            outbox.TryClaim(id, T0, T0.AddMinutes(2));
            outbox.MarkDeadLetter(id, "channel_not_found", at);
        }
    }

    [Fact]
    public void Due_returns_only_entries_whose_time_has_come_earliest_first_and_at_most_max()
    {
        var outbox = Open();
        outbox.Enqueue(Message("later"), T0.AddMinutes(3));
        outbox.Enqueue(Message("first"), T0.AddMinutes(1));
        outbox.Enqueue(Message("future"), T0.AddHours(1));
        outbox.Enqueue(Message("second"), T0.AddMinutes(2));

        Assert.Equal(["first", "second", "later"], outbox.Due(T0.AddMinutes(5), 10).Select(e => e.IdempotencyKey));
        Assert.Equal(["first", "second"], outbox.Due(T0.AddMinutes(5), 2).Select(e => e.IdempotencyKey));
        Assert.Empty(outbox.Due(T0, 10));
    }

    [Fact]
    public void A_claim_hides_the_entry_until_its_lease_expires_then_it_is_due_again()
    {
        var outbox = Open();
        outbox.Enqueue(Message("k1"), T0);
        var id = outbox.Due(T0, 10).Single().Id;

        var claimed = outbox.TryClaim(id, T0, T0.AddMinutes(2))!;
        Assert.Equal(OutboxState.Delivering, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Null(outbox.TryClaim(id, T0, T0.AddMinutes(2)));
        Assert.Empty(outbox.Due(T0.AddMinutes(1), 10));

        // The claimer "died": after the lease the entry is offered again and the new claim counts a second attempt.
        var again = Assert.Single(outbox.Due(T0.AddMinutes(2), 10));
        Assert.Equal(OutboxState.Delivering, again.State);
        Assert.Equal(2, outbox.TryClaim(id, T0.AddMinutes(2), T0.AddMinutes(4))!.Attempts);
    }

    [Fact]
    public void An_entry_not_yet_due_cannot_be_claimed()
    {
        var outbox = Open();
        outbox.Enqueue(Message("k1"), T0.AddMinutes(10));
        var id = outbox.FindByIdempotencyKey("k1")!.Id;

        Assert.Null(outbox.TryClaim(id, T0, T0.AddMinutes(2)));
        Assert.Null(outbox.TryClaim("no-such-id", T0, T0.AddMinutes(2)));
    }

    [Fact]
    public void Every_state_change_survives_closing_and_reopening_the_file()
    {
        string delivered, retrying, dead;
        using (var context = _db.Open())
        {
            var outbox = new LiteDbOutbox(context, _time);
            foreach (var key in new[] { "k-delivered", "k-retrying", "k-dead" }) outbox.Enqueue(Message(key), T0);
            delivered = outbox.FindByIdempotencyKey("k-delivered")!.Id;
            retrying = outbox.FindByIdempotencyKey("k-retrying")!.Id;
            dead = outbox.FindByIdempotencyKey("k-dead")!.Id;
            foreach (var id in new[] { delivered, retrying, dead }) outbox.TryClaim(id, T0, T0.AddMinutes(2));

            Assert.True(outbox.MarkDelivered(delivered, "slack", "1712345678.000100", T0.AddSeconds(1)));
            Assert.True(outbox.MarkFailed(retrying, "HTTP 503", T0.AddSeconds(30)));
            Assert.True(outbox.MarkDeadLetter(dead, "channel_not_found", T0.AddSeconds(2)));
        }

        var reopened = Open();
        var d = reopened.Get(delivered)!;
        Assert.Equal((OutboxState.Delivered, "slack", "1712345678.000100", T0.AddSeconds(1)), (d.State, d.Platform, d.PlatformMessageId, d.DeliveredAt));
        Assert.Equal(delivered, reopened.FindByPlatformMessageId("slack", "1712345678.000100")!.Id);
        Assert.Null(reopened.FindByPlatformMessageId("teams", "1712345678.000100"));

        var r = reopened.Get(retrying)!;
        Assert.Equal((OutboxState.Pending, 1, "HTTP 503", T0.AddSeconds(30)), (r.State, r.Attempts, r.LastError, r.NextAttemptAt));
        Assert.Null(r.LeaseUntil);

        var x = Assert.Single(reopened.DeadLetters());
        Assert.Equal((dead, "channel_not_found", T0.AddSeconds(2)), (x.Id, x.LastError, x.DeadLetteredAt));

        Assert.Equal(new Dictionary<OutboxState, int>
        {
            [OutboxState.Pending] = 1, [OutboxState.Delivering] = 0, [OutboxState.Delivered] = 1, [OutboxState.DeadLetter] = 1,
        }, reopened.Counts());
        Assert.Equal([retrying], reopened.Due(T0.AddMinutes(10), 10).Select(e => e.Id));
    }

    [Fact]
    public void A_late_outcome_never_reopens_a_finished_entry()
    {
        var outbox = Open();
        outbox.Enqueue(Message("k1"), T0);
        var id = outbox.FindByIdempotencyKey("k1")!.Id;
        outbox.TryClaim(id, T0, T0.AddMinutes(2));
        outbox.MarkDelivered(id, "local", "local-1", T0);

        Assert.False(outbox.MarkFailed(id, "late timeout", T0.AddMinutes(1)));
        Assert.False(outbox.MarkDeadLetter(id, "late", T0));
        Assert.False(outbox.MarkDelivered(id, "local", "local-2", T0));
        Assert.Equal((OutboxState.Delivered, "local-1"), (outbox.Get(id)!.State, outbox.Get(id)!.PlatformMessageId));
        Assert.Empty(outbox.Due(T0.AddDays(1), 10));
    }

    [Fact]
    public void A_message_that_cannot_be_read_back_is_dead_lettered_without_blocking_the_others()
    {
        var context = _db.Open();
        var outbox = new LiteDbOutbox(context, _time);
        outbox.Enqueue(Message("broken"), T0);
        outbox.Enqueue(Message("fine"), T0);
        var collection = context.Collection<OutboxDocument>(LiteDbOutbox.CollectionName);
        var broken = collection.FindOne(d => d.IdempotencyKey == "broken");
        broken.MessageJson = "{ not json";
        collection.Update(broken);

        Assert.Equal(["fine"], outbox.Due(T0, 10).Select(e => e.IdempotencyKey));

        var dead = Assert.Single(outbox.DeadLetters());
        Assert.Equal("broken", dead.IdempotencyKey);
        Assert.Contains("could not be read", dead.LastError);
    }

    [Fact]
    public void A_message_without_a_usable_key_is_refused_and_nothing_is_stored()
    {
        var outbox = Open();

        Assert.Throws<ArgumentException>(() => outbox.Enqueue(Message(" "), T0));
        Assert.Throws<ArgumentException>(() => outbox.Enqueue(Message(new string('k', 600)), T0));
        Assert.All(outbox.Counts().Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void Concurrent_enqueues_of_one_key_store_it_exactly_once()
    {
        // Racing writers on one key into a fresh file used to leave 0 or 2 entries in most rounds (the losing
        // transaction's rollback returned pages the winner had used); 30 rounds catch a regression.
        for (var round = 0; round < 30; round++)
        {
            using var db = new TempDatabase();
            var outbox = new LiteDbOutbox(db.Open(), _time);

            var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
                .Select(i => outbox.Enqueue(Message("same-key", "copy " + i), T0)).ToList();

            Assert.Equal(1, results.Count(r => r));
            Assert.Equal(1, outbox.Counts()[OutboxState.Pending]);
            Assert.NotNull(outbox.FindByIdempotencyKey("same-key"));
        }
    }

    [Fact]
    public void Only_a_dead_letter_can_be_requeued_and_it_comes_back_due_with_its_attempts_reset()
    {
        var outbox = Open();
        outbox.Enqueue(Message("requeue-1"), T0);
        var id = outbox.FindByIdempotencyKey("requeue-1")!.Id;

        Assert.False(outbox.Requeue(id, T0));
        Assert.NotNull(outbox.TryClaim(id, T0, T0.AddMinutes(2)));
        Assert.True(outbox.MarkDeadLetter(id, "not_in_channel", T0));
        Assert.True(outbox.Requeue(id, T0.AddHours(1)));

        var entry = outbox.Get(id)!;
        Assert.Equal((OutboxState.Pending, 0, "not_in_channel"), (entry.State, entry.Attempts, entry.LastError));
        Assert.Empty(outbox.Due(T0, 10));
        Assert.Equal(id, Assert.Single(outbox.Due(T0.AddHours(1), 10)).Id);
    }
}
