using System.Text.Json.Nodes;
using CsBot.Application.Pictures;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Slack.Api;
using CsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Outbound;

/// <summary>
/// Replies to people who asked something: in a channel thread, in a DM, through a response_url, or by updating a
/// message in place. A reply is wanted now, so one rate-limit wait of up to <see cref="MaxInlineWait"/> is honoured
/// here; an answer Slack still will not take (it asked to wait longer, or failed again) goes to the durable outbox,
/// which delivers it when Slack allows, so an answer is never dropped for a wait.
/// </summary>
public sealed class SlackResponder(SlackApiClient api, SlackSentMessages sent, TimeProvider time, ILogger<SlackResponder> logger, IOutbox outbox,
    PictureDelivery? pictures = null)
{
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(10);

    public async Task<SlackResult<SlackPostedMessage>> PostAsync(string channel, string? threadTs, ChatMessage message, CancellationToken ct)
    {
        var payload = BlockKitRenderer.Render(message);
        var result = await WithOneRetryAsync(() => api.PostMessageAsync(channel, payload, threadTs, ct), ct);
        if (result.Ok) sent.Remember(result.Value!.Channel, result.Value.Ts, message);
        return result;
    }

    private static readonly TimeSpan InlineWaitMargin = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Posts the answer to a question; when Slack refuses for now (rate limit, 5xx, timeout), queues it in the outbox
    /// under <paramref name="key"/> (one per question, so a retried event never queues it twice) to be delivered when
    /// Slack allows. True when posted or queued.
    /// </summary>
    public async Task<bool> PostAnswerAsync(string channel, string? threadTs, ChatMessage message, string key, CancellationToken ct)
    {
        var outgoing = new OutgoingMessage(Recipient.Channel(channel), message, key) { Platform = SlackChatSender.PlatformName, ThreadId = threadTs };
        var result = await PostAsync(channel, threadTs, message, ct);
        if (result.Ok)
        {
            // The text is out; its charts follow through the outbox.
            pictures?.Follow(outgoing, SlackChatSender.PlatformName);
            return true;
        }
        if (!result.Transient)
        {
            logger.LogWarning("Answer in {Channel} was not posted: {Error}", channel, result.Error);
            return false;
        }
        var after = time.GetUtcNow() + (result.RetryAfter ?? TimeSpan.Zero);
        outbox.Enqueue(outgoing, after);
        logger.LogInformation("Slack could not take the answer in {Channel} now ({Error}); queued in the outbox as {Key}, due {After:u}", channel, result.Error, key, after);
        return true;
    }

    /// <summary>
    /// Posts a late /cs answer to the command's <paramref name="responseUrl"/>. When Slack cannot take it now (5xx,
    /// 429, timeout) it is queued in the outbox under <paramref name="key"/> with the URL, and delivered there when
    /// Slack allows, or to the asker in a direct message once the URL has expired or is used up. An answer ready after
    /// the URL expired, or one the URL refuses for good, is queued for the direct message at once. True when posted
    /// or queued.
    /// </summary>
    public async Task<bool> PostLateAnswerAsync(string responseUrl, DateTimeOffset urlExpiresAt, Recipient asker, ChatMessage message, bool inChannel,
        string key, CancellationToken ct)
    {
        var urlUsable = time.GetUtcNow() < urlExpiresAt;
        TimeSpan? wait = null;
        if (urlUsable)
        {
            var result = await RespondAsync(responseUrl, message, inChannel, replaceOriginal: false, ct);
            if (result.Ok) return true;
            urlUsable = result.Transient;
            wait = result.RetryAfter;
            logger.LogInformation("Slack did not take the late /cs answer for {User} ({Error}); queued in the outbox as {Key}", asker.Key, result.Error, key);
        }
        else
        {
            logger.LogInformation("The /cs answer for {User} was ready after its response_url expired; queued as a direct message, {Key}", asker.Key, key);
        }
        var outgoing = new OutgoingMessage(asker, message, key)
        {
            Platform = SlackChatSender.PlatformName,
            ReplyUrl = urlUsable ? responseUrl : null,
            ReplyUrlExpiresAt = urlUsable ? urlExpiresAt : null,
        };
        outbox.Enqueue(outgoing, time.GetUtcNow() + (wait ?? TimeSpan.Zero));
        return true;
    }

    /// <summary>
    /// Replies to a button press through its <paramref name="responseUrl"/>. When Slack cannot take it now (a wait
    /// longer than <see cref="MaxInlineWait"/>, 5xx, timeout) it is queued in the outbox under <paramref name="key"/>
    /// with the URL, and delivered there when Slack allows, or to <paramref name="presser"/> directly once the URL has
    /// expired. False only when the URL refused it for good, so the caller can post it elsewhere.
    /// </summary>
    public async Task<bool> RespondOrQueueAsync(string responseUrl, DateTimeOffset urlExpiresAt, Recipient presser, ChatMessage message, bool replaceOriginal,
        string key, CancellationToken ct)
    {
        var result = await RespondAsync(responseUrl, message, inChannel: false, replaceOriginal, ct);
        if (result.Ok) return true;
        if (!result.Transient) return false;
        var after = time.GetUtcNow() + (result.RetryAfter ?? TimeSpan.Zero);
        outbox.Enqueue(new OutgoingMessage(presser, message, key) { Platform = SlackChatSender.PlatformName, ReplyUrl = responseUrl, ReplyUrlExpiresAt = urlExpiresAt }, after);
        logger.LogInformation("Slack could not take the reply to {User}'s button press now ({Error}); queued in the outbox as {Key}, due {After:u}", presser.Key, result.Error, key, after);
        return true;
    }

    public async Task<SlackResult<SlackPostedMessage>> UpdateAsync(string channel, string ts, ChatMessage message, CancellationToken ct)
    {
        var payload = BlockKitRenderer.Render(message);
        // chat.update keeps what is not sent, so clear the other container: a message may move in or out of a coloured attachment.
        payload.TryAdd("blocks", new JsonArray());
        payload.TryAdd("attachments", new JsonArray());
        var result = await WithOneRetryAsync(() => api.UpdateMessageAsync(channel, ts, payload, ct), ct);
        if (result.Ok) sent.Remember(channel, ts, message);
        return result;
    }

    /// <summary>Answers through a response_url: visible to the asker only unless <paramref name="inChannel"/>; <paramref name="replaceOriginal"/> swaps out the message that held the button.</summary>
    public Task<SlackResult<bool>> RespondAsync(string responseUrl, ChatMessage message, bool inChannel, bool replaceOriginal, CancellationToken ct)
    {
        var payload = BlockKitRenderer.Render(message);
        payload["response_type"] = inChannel ? "in_channel" : "ephemeral";
        payload["replace_original"] = replaceOriginal;
        return WithOneRetryAsync(() => api.RespondAsync(responseUrl, payload, ct), ct);
    }

    private async Task<SlackResult<T>> WithOneRetryAsync<T>(Func<Task<SlackResult<T>>> call, CancellationToken ct)
    {
        var result = await call();
        if (result.Ok || !result.Transient || result.RetryAfter is not { } wait || wait > MaxInlineWait) return result;
        logger.LogInformation("Slack asked to wait {Seconds:0} s; replying after that", wait.TotalSeconds);
        // A little past the wait: timers run on another clock than the wall clock the client's rate-limit memory is
        // kept in, and one that fires a few milliseconds early would find the method still limited and never send.
        await Task.Delay(wait + InlineWaitMargin, time, ct);
        return await call();
    }
}
