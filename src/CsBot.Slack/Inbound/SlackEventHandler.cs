using System.Text.Json;
using System.Text.Json.Nodes;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// POST /slack/events: answers the url_verification handshake, and takes app_mention (answered in the thread) and
/// direct messages (answered in the DM). Every event is acknowledged with 200 at once and answered from the work
/// queue; Slack's retries of an event already taken are recognised by event_id and dropped. A message with a file
/// attached is answered by its text. The bot's own messages, other bots and edits are ignored so CsBot never talks
/// to itself.
/// </summary>
public sealed class SlackEventHandler(
    IQuestionAnswerer answerer,
    SlackAskers askers,
    SlackMentions mentions,
    SlackResponder responder,
    SlackBotIdentity identity,
    SlackWorkQueue queue,
    EventDeduplicator dedupe,
    TeamAllowList teams,
    ILogger<SlackEventHandler> logger)
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";
    public const string RetryReasonHeader = "X-Slack-Retry-Reason";

    public IResult Handle(byte[] body, IHeaderDictionary headers)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SlackEventEnvelope>(body, SlackJson.Options);
        }
        catch (JsonException)
        {
            return SlackReplies.Malformed("the event body is not JSON");
        }
        switch (envelope?.Type)
        {
            case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                return SlackReplies.Json(new JsonObject { ["challenge"] = envelope.Challenge });
            case "event_callback" when envelope.Event is not null:
                return Take(envelope, envelope.Event, headers);
            case null or "url_verification" or "event_callback":
                return SlackReplies.Malformed("the event has no type, challenge or event");
            default:
                logger.LogInformation("Slack sent a {Type} request; nothing to do", envelope.Type);
                return Results.Ok();
        }
    }

    private IResult Take(SlackEventEnvelope envelope, SlackEvent e, IHeaderDictionary headers)
    {
        if (!teams.Allows(envelope.TeamId))
        {
            // 200, not 403: a refusal would only make Slack retry and count against the app's delivery rate.
            logger.LogWarning("Event from workspace {TeamId} dropped: not in Slack:AllowedTeamIds", envelope.TeamId);
            return Results.Ok();
        }
        if (envelope.EventId is { } eventId && !dedupe.FirstSighting(eventId))
        {
            logger.LogInformation("Slack retry {Retry} ({Reason}) of event {EventId} dropped: already taken", headers[RetryNumHeader].ToString(), headers[RetryReasonHeader].ToString(), eventId);
            return Results.Ok();
        }

        var mention = e.Type == "app_mention" && e.ChannelType != "im";
        var direct = e.Type == "message" && e.ChannelType == "im";
        // file_share is a message with a file attached; its text is a question like any other. Other subtypes are
        // edits, deletions, joins and bot posts.
        if (!(mention || direct) || e.Subtype is not (null or "file_share") || e.BotId is not null || string.IsNullOrEmpty(e.User) || string.IsNullOrEmpty(e.Channel)
            || e.User == identity.Known?.BotUserId)
            return Results.Ok();

        var threadTs = mention ? e.ThreadTs ?? e.Ts : e.ThreadTs;
        queue.Enqueue($"answer {e.Type} {envelope.EventId} from {e.User}", async ct =>
        {
            var botUserId = (await identity.GetAsync(ct))?.BotUserId;
            if (e.User == botUserId) return;
            // A mention in a channel is answered in its thread, so that thread is where its follow-ups are typed.
            var asker = await askers.ResolveAsync(e.User, null, ct, e.Channel, threadTs);
            var answer = answerer.Ask(Question(await mentions.ToPlainTextAsync(e.Text, botUserId, ct)), asker);
            // One key per asked message: Slack's retries of the event and restarts never queue the answer twice.
            await responder.PostAnswerAsync(e.Channel, threadTs, answer, $"slack:answer:{e.Channel}:{e.Ts ?? envelope.EventId ?? Guid.NewGuid().ToString("N")}", ct);
        });
        return Results.Ok();
    }

    /// <summary>The question with Slack's escaping undone (mentions already made plain); "help" when nothing is left.</summary>
    public static string Question(string text)
    {
        var question = SlackText.Unescape(text).Trim();
        return question.Length == 0 ? "help" : question;
    }
}
