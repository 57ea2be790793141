using System.Collections.Concurrent;
using CsBot.Application.Pictures;
using CsBot.Application.Delivery.Failures;
using CsBot.Application.Observability;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Delivery;

/// <summary>
/// Sends the outbox's due messages through the platform sender, one at a time: claim (persisted) → send → record
/// the outcome. Delivered messages are done; transient failures and exceptions are retried with back-off (or after
/// the platform's Retry-After); permanent failures and messages out of attempts are dead-lettered with a warning.
/// One bad message never stops the batch. A rate limit does: the platform asked us to slow down, so nothing more is
/// sent to it until its Retry-After has passed, and the messages not yet tried stay queued untouched (no attempt
/// used). See <c>LiteDbOutbox</c> for what survives a crash at each step.
/// </summary>
public sealed class OutboxDeliveryService
{
    private readonly IOutboxStore _outbox;
    private readonly IChatSender _sender;
    private readonly DeliveryOptions _options;
    private readonly BusinessClock _clock;
    private readonly ILogger<OutboxDeliveryService> _logger;
    private readonly RetryBackoff _backoff;
    private readonly Func<string, IChatSender?> _platformSenders;
    private readonly PictureDelivery? _pictures;
    private readonly FailedDeliveries? _failures;

    /// <summary>
    /// Starts the stored error of an attempt the platform may have taken although no delivery was recorded (a send cut
    /// off by shutdown, a timeout): like an attempt a crash cut off, the next one first looks for it on the platform.
    /// </summary>
    public const string UnconfirmedPrefix = "Unconfirmed: ";

    /// <summary>How far before the unfinished attempt the platform's history is searched, for clock differences.</summary>
    public static readonly TimeSpan HistoryMargin = TimeSpan.FromMinutes(1);
    /// <summary>Per platform, when it stops rate-limiting us. In memory: after a restart at most one call finds out again.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);

    /// <param name="sender">The notifying platform's sender: alerts, reminders and digests go there.</param>
    /// <param name="random">Jitter source: <see cref="Random.Shared"/> in the host, a seeded one in tests.</param>
    /// <param name="platformSenders">The sender of each other configured platform by name, for messages that name
    /// theirs (<see cref="OutgoingMessage.Platform"/>: an answer queued by the platform it was asked on).</param>
    /// <param name="pictures">Draws the pictures queued after a text and queues those a delivered text asks for; none: text only.</param>
    /// <param name="failures">Reports a run's dead letters to the admin channel, grouped by cause; null to only log them.</param>
    public OutboxDeliveryService(IOutboxStore outbox, IChatSender sender, DeliveryOptions options, BusinessClock clock,
        ILogger<OutboxDeliveryService> logger, Random random, Func<string, IChatSender?> platformSenders, PictureDelivery? pictures = null,
        FailedDeliveries? failures = null)
    {
        _pictures = pictures;
        _failures = failures;
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _backoff = new RetryBackoff(options.BaseDelay, options.MaxDelay, random ?? throw new ArgumentNullException(nameof(random)));
        _platformSenders = platformSenders ?? throw new ArgumentNullException(nameof(platformSenders));
    }

    public async Task<DeliveryRunSummary> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = _outbox.Due(_clock.Now, _options.BatchSize);
        if (due.Count == 0) return DeliveryRunSummary.Empty;

        int delivered = 0, retrying = 0, deadLettered = 0, skipped = 0, unrecorded = 0, paused = 0;
        foreach (var entry in due)
        {
            // Stop between messages, never between a claim and its outcome.
            cancellationToken.ThrowIfCancellationRequested();
            if (IsPaused(entry.Message.Platform ?? _sender.Platform))
            {
                paused++;
                continue;
            }
            switch (await DeliverOneAsync(entry, cancellationToken))
            {
                case Outcome.Delivered: delivered++; break;
                case Outcome.Retrying: retrying++; break;
                case Outcome.DeadLettered: deadLettered++; break;
                case Outcome.Skipped: skipped++; break;
                default: unrecorded++; break;
            }
        }
        if (deadLettered > 0) ReportFailures();
        return new DeliveryRunSummary(due.Count, delivered, retrying, deadLettered, skipped, unrecorded, paused);
    }

    /// <summary>Queues the admin-channel posts for new dead letters; they go out with the next run.</summary>
    private void ReportFailures()
    {
        try
        {
            _failures?.ReportToAdminChannel();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not report delivery failures to the admin channel; they stay listed by GET /api/local/outbox?state=DeadLetter");
        }
    }

    private bool IsPaused(string platform) => _pausedUntil.TryGetValue(platform, out var until) && until > _clock.Now;

    private enum Outcome { Delivered, Retrying, DeadLettered, Skipped, Unrecorded }

    private async Task<Outcome> DeliverOneAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        OutboxEntry? claimed;
        try
        {
            var now = _clock.Now;
            claimed = _outbox.TryClaim(entry.Id, now, now + _options.Lease);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not claim outbox entry {Id} ({Key}); it stays queued", entry.Id, entry.IdempotencyKey);
            return Outcome.Unrecorded;
        }
        if (claimed is null) return Outcome.Skipped;
        if (claimed.Message.Link is not null)
        {
            var resolved = ParentLinks.Resolve(_outbox, claimed.Message);
            if (resolved.Message is null) return Park(claimed, resolved);
            claimed = claimed with { Message = resolved.Message };
        }
        if (SenderFor(claimed) is not { } sender)
        {
            return TryRecord(claimed, () => DeadLetter(claimed,
                $"The message is for {claimed.Message.Platform}, which is not configured here", "platform not configured")) ?? Outcome.Unrecorded;
        }
        if (entry.LastAttemptAt is { } unfinished && MayHaveBeenDelivered(entry) && sender is ISentMessageLookup lookup
            && await FindDeliveredAsync(lookup, claimed, unfinished - HistoryMargin, cancellationToken) is { } found)
        {
            // The run that died mid-send had got it through: record that instead of posting it a second time.
            return TryRecord(claimed, () => Record(claimed, sender.Platform, SendResult.Ok(found))) ?? Outcome.Unrecorded;
        }
        if (claimed.Attempts > _options.MaxAttempts)
        {
            // Every earlier attempt ended without an outcome (the process died mid-send): the message itself may be
            // what kills it, so stop trying rather than crash on every start.
            return TryRecord(claimed, () => DeadLetter(claimed,
                $"{_options.MaxAttempts} attempts ended without an outcome; last error: {claimed.LastError ?? "none recorded"}",
                "runs kept stopping mid-send")) ?? Outcome.Unrecorded;
        }

        var message = claimed.Message;
        if (_pictures is not null && message.Message.Picture is not null)
        {
            var (drawn, error) = await _pictures.DrawAsync(message, cancellationToken);
            if (drawn is null) return TryRecord(claimed, () => DeadLetter(claimed, error!, "picture not drawn")) ?? Outcome.Unrecorded;
            message = drawn;
        }

        SendResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: whether the platform took it is unknown. Release the claim so the next start
            // retries at once instead of waiting out the lease; the attempt stays counted.
            TryRecord(claimed, () => _outbox.MarkFailed(claimed.Id, UnconfirmedPrefix + "delivery interrupted by shutdown", _clock.Now));
            throw;
        }
        catch (Exception ex)
        {
            // A sender that throws (network down, bug in a renderer) is treated as a transient failure, one that may
            // have happened after the platform took the message.
            result = SendResult.Failed($"{ex.GetType().Name}: {ex.Message}", transient: true) with { Unconfirmed = true };
        }
        result ??= SendResult.Failed("The sender returned no result", transient: true);

        return TryRecord(claimed, () => Record(claimed, sender.Platform, result)) ?? Outcome.Unrecorded;
    }

    /// <summary>
    /// For an update or thread reply whose parent is still queued: due again after it (the update must not overtake
    /// what it updates). For an update whose parent never reached anyone: done, nothing to redraw. 
    /// </summary>
    private Outcome Park(OutboxEntry claimed, ParentResolution resolved)
    {
        if (resolved.WaitUntil is { } until)
            return TryRecord(claimed, () => _outbox.MarkFailed(claimed.Id, "Waiting for the message it updates or replies to to be delivered", until) ? Outcome.Retrying : Outcome.Skipped) ?? Outcome.Unrecorded;
        _logger.LogInformation("Message {Key} updates {Parent}, which was never delivered; nothing to update", claimed.IdempotencyKey, claimed.Message.Link!.ParentKey);
        return TryRecord(claimed, () => _outbox.MarkDelivered(claimed.Id, claimed.Message.Platform ?? _sender.Platform, null, _clock.Now) ? Outcome.Delivered : Outcome.Skipped) ?? Outcome.Unrecorded;
    }

    /// <summary>The platform's id of an earlier delivery of <paramref name="claimed"/>; null when none was found or the search failed.</summary>
    private async Task<string?> FindDeliveredAsync(ISentMessageLookup lookup, OutboxEntry claimed, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            var found = await lookup.FindDeliveredAsync(claimed.Message, since, cancellationToken);
            if (found is not null)
                _logger.LogInformation("Message {Key} was delivered by a run that stopped mid-send ({Id}); not sending it again", claimed.IdempotencyKey, found);
            return found;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Could not check whether {Key} was already delivered; sending it again", claimed.IdempotencyKey);
            return null;
        }
    }

    /// <summary>Whether the entry's last attempt may have reached the platform without a delivery being recorded.</summary>
    private static bool MayHaveBeenDelivered(OutboxEntry entry) =>
        entry.State == OutboxState.Delivering || entry.LastError?.StartsWith(UnconfirmedPrefix, StringComparison.Ordinal) == true;

    private IChatSender? SenderFor(OutboxEntry entry) =>
        entry.Message.Platform is not { } platform || platform == _sender.Platform ? _sender : _platformSenders(platform);

    private Outcome Record(OutboxEntry claimed, string platform, SendResult result)
    {
        var now = _clock.Now;
        if (result.Delivered)
        {
            _outbox.MarkDelivered(claimed.Id, platform, result.PlatformMessageId, now);
            _pictures?.Follow(claimed.Message, platform);
            CsBotMetrics.Delivered(platform, now - claimed.CreatedAt);
            return Outcome.Delivered;
        }

        var error = string.IsNullOrWhiteSpace(result.Error) ? "The platform did not accept the message" : result.Error;
        if (!result.Transient || claimed.Attempts >= _options.MaxAttempts)
        {
            return DeadLetter(claimed, error, result.Transient ? $"gave up after {claimed.Attempts} attempts" : "permanent failure");
        }

        if (result.RateLimited && result.RetryAfter is { } asked)
        {
            // Retry exactly when the platform allows it again; the back-off's jitter would only delay every message.
            _pausedUntil[platform] = now + asked;
            _outbox.MarkFailed(claimed.Id, error, now + asked);
            _logger.LogWarning("{Platform} rate-limited delivery; nothing more is sent to it until {Until:u}: {Error}", platform, now + asked, error);
            return Outcome.Retrying;
        }

        var wait = _backoff.Next(claimed.Attempts, result.RetryAfter);
        _outbox.MarkFailed(claimed.Id, result.Unconfirmed ? UnconfirmedPrefix + error : error, now + wait);
        _logger.LogInformation("Message {Key} to {RecipientKey} failed (attempt {Attempt} of {Max}), retrying in {Wait}: {Error}",
            claimed.IdempotencyKey, claimed.Message.Recipient.Key, claimed.Attempts, _options.MaxAttempts, wait, error);
        return Outcome.Retrying;
    }

    private Outcome DeadLetter(OutboxEntry claimed, string error, string why)
    {
        _outbox.MarkDeadLetter(claimed.Id, error, _clock.Now);
        if (FailedDeliveries.IsAdminPost(claimed.IdempotencyKey))
        {
            // Not reported to the admin channel (it is the one failing): logged, and shown on /healthz.
            _logger.LogError("The admin channel {Channel} could not be posted to ({Why}): {Error}", claimed.Message.Recipient.DisplayName, why, error);
            return Outcome.DeadLettered;
        }
        _logger.LogWarning("Message {Key} to {Recipient} <{RecipientKey}> dead-lettered ({Why}): {Error}",
            claimed.IdempotencyKey, claimed.Message.Recipient.DisplayName, claimed.Message.Recipient.Key, why, error);
        return Outcome.DeadLettered;
    }

    /// <summary>Stores an outcome; if the store fails, logs it and leaves the lease to make the message due again.</summary>
    private T? TryRecord<T>(OutboxEntry claimed, Func<T> record) where T : struct
    {
        try
        {
            return record();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not record the delivery outcome of {Key}; it is retried when its lease ends", claimed.IdempotencyKey);
            return null;
        }
    }
}
