using System.Collections.Concurrent;
using CsBot.Core;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.Contracts;

/// <summary>
/// What every <see cref="Core.Ports.IOutboxStore"/> does: one entry per idempotency key, claims as leases, retries,
/// dead letters, and each message claimed once however many delivery runs (and CsBot processes) claim at once.
/// </summary>
public abstract class OutboxContract : ContractTest
{
    /// <summary>Whole microseconds and a non-UTC offset: every store keeps the instant to the microsecond.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 3, 15, 9, 30, 15, 123, 456, TimeSpan.FromHours(5.5));

    private static OutgoingMessage Message(string key, string title = "Acme is at risk") => new(
        Recipient.Person("max@csbot.example", "Max Mustermann", "Europe/Berlin"),
        new ChatMessage
        {
            Title = title,
            Severity = Severity.High,
            FallbackText = "1 new alert",
            Sections = [new MessageSection { Heading = "Acme Logistics", Text = "Usage fell 45%", Fields = [new MessageField("Health", "38 (Poor)")] }],
            Actions = [new MessageAction(ActionKind.Snooze7Days, "Snooze 7d", "acc-001:usage-cliff")],
            Context = ["Data as of 2026-03-15", ""],
        },
        key);

    [StoreFact]
    public void Enqueueing_a_key_again_keeps_only_the_first_message()
    {
        Assert.True(Stores.Outbox.Enqueue(Message("alerts:max:1", "first"), T0));
        Assert.False(Stores.Outbox.Enqueue(Message("alerts:max:1", "second"), T0.AddMinutes(5)));
        Assert.False(Stores.OpenAnother().Outbox.Enqueue(Message("alerts:max:1", "third"), T0));

        var entry = Stores.Outbox.FindByIdempotencyKey("alerts:max:1")!;
        Assert.Equal("first", entry.Message.Message.Title);
        Assert.Equal(T0, entry.NextAttemptAt);
        Assert.Equal(1, Stores.Outbox.Counts()[OutboxState.Pending]);
    }

    [StoreFact]
    public void Enqueueing_several_at_once_queues_each_key_once_and_says_which_were_new()
    {
        Assert.True(Stores.Outbox.Enqueue(Message("alerts:max:1", "queued before"), T0));

        var queued = Stores.Outbox.EnqueueAll(
        [
            new(Message("alerts:max:1", "again"), T0),
            new(Message("alerts:dana:1", "to Dana"), T0.AddMinutes(5)),
            new(Message("alerts:dana:1", "to Dana twice"), T0),
            new(Message("alerts:lee:1", Hostile.Strings[1]), T0),
        ]);

        Assert.Equal([false, true, false, true], queued);
        var reader = Stores.OpenAnother().Outbox;
        Assert.Equal("queued before", reader.FindByIdempotencyKey("alerts:max:1")!.Message.Message.Title);
        Assert.Equal(("to Dana", T0.AddMinutes(5)), (reader.FindByIdempotencyKey("alerts:dana:1")!.Message.Message.Title, reader.FindByIdempotencyKey("alerts:dana:1")!.NextAttemptAt));
        Assert.Equal(Hostile.Strings[1], reader.FindByIdempotencyKey("alerts:lee:1")!.Message.Message.Title);
        Assert.Equal(3, reader.Counts()[OutboxState.Pending]);
        Assert.Empty(Stores.Outbox.EnqueueAll([]));
    }

    [StoreFact]
    public void A_bad_message_among_several_queues_none_of_them()
    {
        var ex = Assert.Throws<ArgumentException>(() => Stores.Outbox.EnqueueAll(
        [
            new(Message("alerts:max:1"), T0),
            new(Message("alerts:dana:1"), T0),
            new(Message(" "), T0),
        ]));

        Assert.Contains("idempotency key", ex.Message, StringComparison.Ordinal);
        Assert.Null(Stores.Outbox.FindByIdempotencyKey("alerts:max:1"));
        Assert.Null(Stores.Outbox.FindByIdempotencyKey("alerts:dana:1"));
    }

    [StoreFact]
    public void A_message_round_trips_with_its_recipient_reply_address_and_hostile_text()
    {
        var message = Message("answer:1", Hostile.Strings[1]) with
        {
            Platform = "slack", ThreadId = "1700000000.000100", ReplyUrl = "https://hooks.slack.example/actions/T1/B2?x='1'", ReplyUrlExpiresAt = T0.AddMinutes(30),
        };
        message = message with { Message = message.Message with { Context = Hostile.Strings } };
        Stores.Outbox.Enqueue(message, T0);

        var entry = Stores.Outbox.FindByIdempotencyKey("answer:1")!;
        Assert.Equal(message.Recipient, entry.Message.Recipient);
        Assert.Equal(Hostile.Strings, entry.Message.Message.Context);
        Assert.Equal(Hostile.Strings[1], entry.Message.Message.Title);
        Assert.Equal(message.Message.Sections.Single().Fields, entry.Message.Message.Sections.Single().Fields);
        Assert.Equal((message.Platform, message.ThreadId, message.ReplyUrl, message.ReplyUrlExpiresAt), (entry.Message.Platform, entry.Message.ThreadId, entry.Message.ReplyUrl, entry.Message.ReplyUrlExpiresAt));
        Assert.Equal(OutboxState.Pending, entry.State);
        Assert.Equal(entry with { Message = message }, Stores.Outbox.Get(entry.Id)! with { Message = message });
    }

    [StoreFact]
    public void Entries_are_due_from_their_time_earliest_first()
    {
        Stores.Outbox.Enqueue(Message("later"), T0.AddMinutes(10));
        Stores.Outbox.Enqueue(Message("first"), T0.AddMinutes(-1));
        Stores.Outbox.Enqueue(Message("now"), T0);

        Assert.Equal(["first", "now"], Stores.Outbox.Due(T0, 10).Select(e => e.IdempotencyKey));
        Assert.Equal(["first"], Stores.Outbox.Due(T0, 1).Select(e => e.IdempotencyKey));
        Assert.Equal(["first", "now", "later"], Stores.Outbox.Due(T0.AddHours(1), 10).Select(e => e.IdempotencyKey));
        Assert.Equal(T0.AddMinutes(-1), Stores.Outbox.Backlog(T0).EarliestDue);
    }

    [StoreFact]
    public void A_claim_is_a_lease_that_only_one_run_gets_and_delivery_ends_it()
    {
        Stores.Outbox.Enqueue(Message("k"), T0);
        var id = Stores.Outbox.FindByIdempotencyKey("k")!.Id;

        var claimed = Stores.Outbox.TryClaim(id, T0, T0.AddMinutes(2))!;
        Assert.Equal((OutboxState.Delivering, 1, T0.AddMinutes(2), T0), (claimed.State, claimed.Attempts, claimed.LeaseUntil!.Value, claimed.LastAttemptAt!.Value));
        Assert.Null(Stores.Outbox.TryClaim(id, T0.AddSeconds(1), T0.AddMinutes(3)));
        Assert.Null(Stores.OpenAnother().Outbox.TryClaim(id, T0.AddSeconds(1), T0.AddMinutes(3)));
        Assert.Empty(Stores.Outbox.Due(T0.AddMinutes(1), 10));

        Assert.True(Stores.Outbox.MarkDelivered(id, "slack", "1700000000.000200", T0.AddSeconds(2)));
        Assert.False(Stores.Outbox.MarkDelivered(id, "slack", "again", T0.AddSeconds(3)));
        Assert.False(Stores.Outbox.MarkFailed(id, "late failure", T0.AddMinutes(5)));
        var delivered = Stores.Outbox.FindByPlatformMessageId("slack", "1700000000.000200")!;
        Assert.Equal((id, OutboxState.Delivered, T0.AddSeconds(2), (DateTimeOffset?)null), (delivered.Id, delivered.State, delivered.DeliveredAt!.Value, delivered.LeaseUntil));
        Assert.Null(Stores.Outbox.FindByPlatformMessageId("teams", "1700000000.000200"));
        Assert.Empty(Stores.Outbox.Due(T0.AddDays(1), 10));
    }

    /// <summary>
    /// The documented gap: the platform accepted the message and the process died before Delivered was recorded. The
    /// entry stays Delivering; once its lease ends it is due again, showing the unfinished attempt (LastAttemptAt,
    /// Attempts), which is what the delivery service asks the platform about before sending it a second time.
    /// </summary>
    [StoreFact]
    public void A_claim_whose_holder_died_is_due_again_once_its_lease_expired()
    {
        Stores.Outbox.Enqueue(Message("k"), T0);
        var id = Stores.Outbox.FindByIdempotencyKey("k")!.Id;
        Stores.Outbox.TryClaim(id, T0, T0.AddMinutes(2));

        Assert.Empty(Stores.Outbox.Due(T0.AddMinutes(2).AddTicks(-10), 10));
        var due = Assert.Single(Stores.Outbox.Due(T0.AddMinutes(2), 10));
        Assert.Equal((OutboxState.Delivering, 1, T0), (due.State, due.Attempts, due.LastAttemptAt!.Value));

        var another = Stores.OpenAnother().Outbox;
        var reclaimed = another.TryClaim(id, T0.AddMinutes(3), T0.AddMinutes(5))!;
        Assert.Equal((2, T0.AddMinutes(3)), (reclaimed.Attempts, reclaimed.LastAttemptAt!.Value));
        Assert.True(another.MarkDelivered(id, "slack", "ts-2", T0.AddMinutes(3)));
        Assert.Equal(OutboxState.Delivered, Stores.Outbox.Get(id)!.State);
    }

    [StoreFact]
    public void A_failure_retries_later_a_dead_letter_waits_for_a_requeue()
    {
        Stores.Outbox.Enqueue(Message("k"), T0);
        var id = Stores.Outbox.FindByIdempotencyKey("k")!.Id;
        Stores.Outbox.TryClaim(id, T0, T0.AddMinutes(1));
        Assert.True(Stores.Outbox.MarkFailed(id, "rate limited", T0.AddMinutes(10)));

        var pending = Stores.Outbox.Get(id)!;
        Assert.Equal((OutboxState.Pending, "rate limited", T0.AddMinutes(10), (DateTimeOffset?)null), (pending.State, pending.LastError, pending.NextAttemptAt, pending.LeaseUntil));
        Assert.Null(Stores.Outbox.TryClaim(id, T0.AddMinutes(5), T0.AddMinutes(6)));
        Assert.NotNull(Stores.Outbox.TryClaim(id, T0.AddMinutes(10), T0.AddMinutes(11)));
        Assert.False(Stores.Outbox.Requeue(id, T0.AddMinutes(10)));
        Assert.True(Stores.Outbox.MarkDeadLetter(id, "channel_not_found", T0.AddMinutes(10)));

        var dead = Assert.Single(Stores.Outbox.DeadLetters());
        Assert.Equal((id, 2, "channel_not_found", T0.AddMinutes(10)), (dead.Id, dead.Attempts, dead.LastError, dead.DeadLetteredAt!.Value));
        Assert.Empty(Stores.Outbox.Due(T0.AddDays(1), 10));
        Assert.Equal(1, Stores.Outbox.Backlog(T0.AddMinutes(10)).RecentDeadLetters);
        Assert.Equal(0, Stores.Outbox.Backlog(T0.AddMinutes(11)).RecentDeadLetters);

        Assert.True(Stores.Outbox.Requeue(id, T0.AddHours(1)));
        var requeued = Stores.Outbox.Get(id)!;
        Assert.Equal((OutboxState.Pending, 0, "channel_not_found", (DateTimeOffset?)null), (requeued.State, requeued.Attempts, requeued.LastError, requeued.DeadLetteredAt));
        Assert.Equal([id], Stores.Outbox.Due(T0.AddHours(1), 10).Select(e => e.Id));
    }

    [StoreFact]
    public void Listing_is_newest_first_and_counts_name_every_state()
    {
        for (var i = 0; i < 5; i++)
        {
            Stores.Time.Advance(TimeSpan.FromSeconds(1));
            Stores.Outbox.Enqueue(Message($"k{i}"), T0);
        }
        var id = Stores.Outbox.FindByIdempotencyKey("k1")!.Id;
        Stores.Outbox.TryClaim(id, T0, T0.AddMinutes(1));
        Stores.Outbox.MarkDelivered(id, "local", null, T0);

        Assert.Equal(["k4", "k3", "k2", "k1", "k0"], Stores.Outbox.List(null, 10).Select(e => e.IdempotencyKey));
        Assert.Equal(["k4", "k3"], Stores.Outbox.List(OutboxState.Pending, 2).Select(e => e.IdempotencyKey));
        var counts = Stores.Outbox.Counts();
        Assert.Equal(Enum.GetValues<OutboxState>().Length, counts.Count);
        Assert.Equal((4, 1, 0, 0), (counts[OutboxState.Pending], counts[OutboxState.Delivered], counts[OutboxState.Delivering], counts[OutboxState.DeadLetter]));
        Assert.Equal(T0, Stores.Outbox.Backlog(T0).EarliestDue);
    }

    /// <summary>
    /// Several delivery runs, each as its own process would be (PostgreSQL: its own connections), read the same due
    /// entries and claim them at once: every message is claimed exactly once.
    /// </summary>
    [StoreFact]
    public async Task Concurrent_claimers_claim_every_message_exactly_once()
    {
        const int messages = 300;
        for (var i = 0; i < messages; i++) Stores.Outbox.Enqueue(Message($"burst:{i}"), T0);
        var claimers = Enumerable.Range(0, 4).Select(_ => Stores.OpenAnother().Outbox).ToList();
        var claims = new ConcurrentBag<string>();

        using var start = new Barrier(claimers.Count);
        await Task.WhenAll(claimers.Select(outbox => Task.Run(() =>
        {
            start.SignalAndWait();
            while (outbox.Due(T0, 50) is { Count: > 0 } due)
            {
                foreach (var entry in due)
                {
                    if (outbox.TryClaim(entry.Id, T0, T0.AddMinutes(5)) is { } claimed)
                    {
                        claims.Add(claimed.Id);
                        outbox.MarkDelivered(claimed.Id, "local", null, T0);
                    }
                }
            }
        })));

        Assert.Equal(messages, claims.Count);
        Assert.Equal(messages, claims.Distinct().Count());
        Assert.Equal(messages, Stores.Outbox.Counts()[OutboxState.Delivered]);
        Assert.All(Stores.Outbox.List(null, messages), e => Assert.Equal(1, e.Attempts));
    }
}
