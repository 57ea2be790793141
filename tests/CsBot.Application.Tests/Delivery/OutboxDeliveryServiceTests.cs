using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Tests.Delivery;

public sealed class OutboxDeliveryServiceTests : IDisposable
{
    private readonly OutboxFile _file = new();
    private readonly FakePlatform _platform = new();

    public void Dispose() => _file.Dispose();

    private DateTimeOffset Now => _file.Time.GetUtcNow();

    [Fact]
    public async Task A_transient_failure_is_retried_after_a_jittered_backoff_and_then_delivered()
    {
        var sender = new ScriptedSender(_platform, (m, call, p) => Task.FromResult(call == 1
            ? SendResult.Failed("HTTP 503", transient: true)
            : SendResult.Ok(p.Accept(m))));
        var process = _file.Open(sender, new FixedRandom(0.5));
        process.Outbox.Enqueue(OutboxFile.Message("k1"), Now);

        var first = await process.Delivery.DeliverDueAsync(default);

        Assert.Equal((1, 0, 1), (first.Due, first.Delivered, first.Retrying));
        var waiting = process.Outbox.FindByIdempotencyKey("k1")!;
        Assert.Equal((OutboxState.Pending, 1, "HTTP 503"), (waiting.State, waiting.Attempts, waiting.LastError));
        // Attempt 1 with base 10 s: a full-jitter wait in [0, 10 s); the fixed jitter 0.5 makes it exactly 5 s.
        Assert.Equal(Now.AddSeconds(5), waiting.NextAttemptAt);

        _file.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, (await process.Delivery.DeliverDueAsync(default)).Due);
        Assert.Equal(1, _platform.Calls);

        _file.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await process.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, second.Delivered);
        var delivered = process.Outbox.FindByIdempotencyKey("k1")!;
        Assert.Equal((OutboxState.Delivered, 2, "fake", "ts-1", Now), (delivered.State, delivered.Attempts, delivered.Platform, delivered.PlatformMessageId, delivered.DeliveredAt));
        Assert.Equal(1, _platform.Accepted["k1"]);
    }

    [Fact]
    public async Task Each_retry_waits_within_the_full_jitter_bounds_of_its_attempt()
    {
        _file.Options.MaxAttempts = 6;
        _file.Options.MaxDelaySeconds = 30;
        var process = _file.Open(new ScriptedSender(_platform, (_, _, _) => Task.FromResult(SendResult.Failed("timeout", transient: true))), new Random(2026));
        process.Outbox.Enqueue(OutboxFile.Message("k1"), Now);

        var ceilings = new[] { 10, 20, 30, 30, 30 };
        var waits = new List<TimeSpan>();
        foreach (var ceiling in ceilings)
        {
            var sentAt = Now;
            await process.Delivery.DeliverDueAsync(default);
            var wait = process.Outbox.FindByIdempotencyKey("k1")!.NextAttemptAt - sentAt;
            Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(ceiling));
            waits.Add(wait);
            _file.Time.Advance(TimeSpan.FromSeconds(ceiling));
        }
        Assert.True(waits.Distinct().Count() > 1, "the waits are jittered, not fixed");
    }

    [Fact]
    public async Task The_platforms_retry_after_is_honoured_when_it_is_longer_than_the_backoff()
    {
        var sender = new ScriptedSender(_platform, (m, call, p) => Task.FromResult(call == 1
            ? SendResult.Failed("rate_limited", transient: true, retryAfter: TimeSpan.FromMinutes(3))
            : SendResult.Ok(p.Accept(m))));
        var process = _file.Open(sender, new FixedRandom(0.99));
        process.Outbox.Enqueue(OutboxFile.Message("k1"), Now);

        await process.Delivery.DeliverDueAsync(default);

        Assert.Equal(Now.AddMinutes(3), process.Outbox.FindByIdempotencyKey("k1")!.NextAttemptAt);
        _file.Time.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        await process.Delivery.DeliverDueAsync(default);
        Assert.Equal(1, _platform.Calls);
        _file.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await process.Delivery.DeliverDueAsync(default)).Delivered);
    }

    [Fact]
    public async Task After_max_attempts_the_message_is_dead_lettered_with_a_warning_naming_recipient_key_and_error()
    {
        var process = _file.Open(new ScriptedSender(_platform, (_, _, _) => Task.FromResult(SendResult.Failed("HTTP 502 from gateway", transient: true))));
        process.Outbox.Enqueue(OutboxFile.Message("alerts:max:202603160800", "max@csbot.example"), Now);

        for (var run = 0; run < 5; run++)
        {
            await process.Delivery.DeliverDueAsync(default);
            _file.Time.Advance(_file.Options.MaxDelay);
        }

        Assert.Equal(3, _platform.Calls);
        var dead = Assert.Single(process.Outbox.DeadLetters());
        Assert.Equal(("alerts:max:202603160800", 3, "HTTP 502 from gateway"), (dead.IdempotencyKey, dead.Attempts, dead.LastError));
        var warning = Assert.Single(process.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("alerts:max:202603160800", warning.Message);
        Assert.Contains("max@csbot.example", warning.Message);
        Assert.Contains("HTTP 502 from gateway", warning.Message);
        Assert.Contains("3 attempts", warning.Message);
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_lettered_at_once()
    {
        var process = _file.Open(new ScriptedSender(_platform, (_, _, _) => Task.FromResult(SendResult.Failed("channel_not_found", transient: false))));
        process.Outbox.Enqueue(OutboxFile.Message("k1"), Now);

        var summary = await process.Delivery.DeliverDueAsync(default);
        _file.Time.Advance(TimeSpan.FromHours(1));
        await process.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, summary.DeadLettered);
        Assert.Equal(1, _platform.Calls);
        Assert.Equal((OutboxState.DeadLetter, "channel_not_found"), (process.Outbox.FindByIdempotencyKey("k1")!.State, process.Outbox.FindByIdempotencyKey("k1")!.LastError));
        Assert.Contains(process.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("permanent failure"));
    }

    [Fact]
    public async Task A_sender_that_throws_mid_batch_does_not_stop_the_other_messages()
    {
        var sender = new ScriptedSender(_platform, (m, _, p) => m.IdempotencyKey == "k3"
            ? throw new HttpRequestException("Connection refused (127.0.0.1:9)")
            : Task.FromResult(SendResult.Ok(p.Accept(m))));
        var process = _file.Open(sender);
        foreach (var key in new[] { "k1", "k2", "k3", "k4", "k5" }) process.Outbox.Enqueue(OutboxFile.Message(key), Now);

        var summary = await process.Delivery.DeliverDueAsync(default);

        Assert.Equal((5, 4, 1, 0), (summary.Due, summary.Delivered, summary.Retrying, summary.DeadLettered));
        Assert.Equal(["k1", "k2", "k4", "k5"], _platform.Accepted.Keys.Order());
        var failed = process.Outbox.FindByIdempotencyKey("k3")!;
        Assert.Equal((OutboxState.Pending, 1), (failed.State, failed.Attempts));
        Assert.Contains("Connection refused", failed.LastError);
    }

    [Fact]
    public async Task Messages_are_not_sent_before_their_deliver_after_time()
    {
        var process = _file.Open(new ScriptedSender(_platform, ScriptedSender.AlwaysAccept));
        process.Outbox.Enqueue(OutboxFile.Message("digest"), Now.AddHours(1));

        Assert.Equal(0, (await process.Delivery.DeliverDueAsync(default)).Due);
        _file.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await process.Delivery.DeliverDueAsync(default)).Delivered);
    }

    [Fact]
    public async Task A_batch_sends_at_most_batch_size_and_leaves_the_rest_for_the_next_run()
    {
        _file.Options.BatchSize = 2;
        var process = _file.Open(new ScriptedSender(_platform, ScriptedSender.AlwaysAccept));
        foreach (var key in new[] { "k1", "k2", "k3" }) process.Outbox.Enqueue(OutboxFile.Message(key), Now);

        Assert.Equal(2, (await process.Delivery.DeliverDueAsync(default)).Delivered);
        Assert.Equal(1, (await process.Delivery.DeliverDueAsync(default)).Delivered);
        Assert.Equal(3, _platform.Accepted.Count);
    }

    [Fact]
    public async Task Shutdown_mid_send_releases_the_message_for_the_next_start()
    {
        using var shutdown = new CancellationTokenSource();
        var sender = new ScriptedSender(_platform, async (_, _, _) =>
        {
            await shutdown.CancelAsync();
            shutdown.Token.ThrowIfCancellationRequested();
            return SendResult.Ok();
        });
        var process = _file.Open(sender);
        process.Outbox.Enqueue(OutboxFile.Message("k1"), Now);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => process.Delivery.DeliverDueAsync(shutdown.Token));

        var entry = process.Outbox.FindByIdempotencyKey("k1")!;
        Assert.Equal((OutboxState.Pending, 1), (entry.State, entry.Attempts));
        Assert.Single(process.Outbox.Due(Now, 10));
    }

    [Fact]
    public async Task A_message_for_another_platform_goes_through_that_platforms_sender_and_one_for_a_missing_platform_is_dead_lettered()
    {
        var notifying = new ScriptedSender(_platform, ScriptedSender.AlwaysAccept);
        var otherPlatform = new FakePlatform();
        var other = new ScriptedSender(otherPlatform, ScriptedSender.AlwaysAccept);
        var process = _file.Open(notifying, platformSenders: name => name == "other" ? other : null);
        process.Outbox.Enqueue(OutboxFile.Message("alert"), Now);
        process.Outbox.Enqueue(OutboxFile.Message("answer") with { Platform = "other", ThreadId = "t-1" }, Now);
        process.Outbox.Enqueue(OutboxFile.Message("orphan") with { Platform = "gone" }, Now);

        var summary = await process.Delivery.DeliverDueAsync(default);

        Assert.Equal((2, 1), (summary.Delivered, summary.DeadLettered));
        Assert.Equal(["alert"], _platform.Accepted.Keys);
        Assert.Equal(["answer"], otherPlatform.Accepted.Keys);
        Assert.Equal(("fake", "t-1"), (process.Outbox.FindByIdempotencyKey("answer")!.Platform, process.Outbox.FindByIdempotencyKey("answer")!.Message.ThreadId));
        Assert.Contains("gone, which is not configured", process.Outbox.FindByIdempotencyKey("orphan")!.LastError);
    }
}
