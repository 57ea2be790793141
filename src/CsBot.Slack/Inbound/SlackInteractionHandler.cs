using System.Text.Json;
using CsBot.Application.Actions;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// POST /slack/interactions: our buttons (block_actions), decoded into a <see cref="ButtonPress"/> for
/// <see cref="ButtonPressHandler"/>, whose result is drawn here: an alert message updated in place, a "did you mean"
/// prompt replaced by its answer, any other reply posted to the presser. Slack gets its 200 at once; the work runs
/// from the queue.
/// </summary>
public sealed class SlackInteractionHandler(
    ButtonPressHandler buttons,
    SlackAskers askers,
    SlackResponder responder,
    SlackSentMessages sent,
    SlackWorkQueue queue,
    TeamAllowList teams,
    ILogger<SlackInteractionHandler> logger,
    TimeProvider time)
{
    public IResult Handle(byte[] body)
    {
        var json = new SlackForm(body)["payload"];
        if (string.IsNullOrEmpty(json)) return SlackReplies.Malformed("an interaction needs a payload field");
        SlackInteraction? payload;
        try
        {
            payload = JsonSerializer.Deserialize<SlackInteraction>(json, SlackJson.Options);
        }
        catch (JsonException)
        {
            return SlackReplies.Malformed("the interaction payload is not JSON");
        }
        if (payload?.Type is null) return SlackReplies.Malformed("the interaction payload has no type");
        if (payload.Type != "block_actions") return Results.Ok();

        var teamId = payload.Team?.Id ?? payload.User?.TeamId;
        if (!teams.Allows(teamId))
        {
            logger.LogWarning("Button press from workspace {TeamId} refused: not in Slack:AllowedTeamIds", teamId);
            if (payload.ResponseUrl is { } url)
                queue.Enqueue("refuse button press", ct => responder.RespondAsync(url, Notice("CsBot is not enabled here", TeamAllowList.RefusalText(teamId)), false, false, ct));
            return Results.Ok();
        }
        if (string.IsNullOrEmpty(payload.User?.Id)) return SlackReplies.Malformed("the interaction has no user");

        var action = payload.Actions?.FirstOrDefault(a => SlackActionId.TryDecode(a.ActionId, out _));
        if (action is null) return Results.Ok();
        SlackActionId.TryDecode(action.ActionId, out var kind);
        // A press is answered once: Slack's retries of it and restarts never queue its reply twice.
        var key = $"slack:press:{payload.User.Id}:{action.ActionTs ?? Guid.NewGuid().ToString("N")}";
        var receivedAt = time.GetUtcNow();
        queue.Enqueue($"{kind} pressed by {payload.User.Id}", ct => RunAsync(kind, action.Value ?? "", payload, new Reply(key, receivedAt + SlackApiClient.ResponseUrlLifetime), ct));
        return Results.Ok();
    }

    private async Task RunAsync(ActionKind kind, string value, SlackInteraction payload, Reply reply, CancellationToken ct)
    {
        var asker = await askers.ResolveAsync(payload.User!.Id!, payload.User.Name ?? payload.User.Username, ct, payload.Container?.ChannelId ?? payload.Channel?.Id,
            payload.Container?.ThreadTs ?? payload.Message?.ThreadTs);
        var place = new Place(payload.Container?.ChannelId ?? payload.Channel?.Id, payload.Container?.MessageTs ?? payload.Message?.Ts,
            payload.Container?.IsEphemeral == true, payload.ResponseUrl);
        var result = buttons.Handle(new ButtonPress(kind, value, asker) { Original = sent.Find(place.Channel, place.Ts) });
        // The marked alert message says what happened; the reply is only needed when it could not be updated.
        if (result.UpdatedOriginal is { } updated && await UpdateInPlaceAsync(place, updated, ct)) return;
        await ReplyAsync(place, result.Reply, replaceOriginal: result.ReplyAnswersOriginal, reply with { Presser = new Recipient(RecipientKind.User, asker.UserId, asker.DisplayName) }, ct);
    }

    private async Task<bool> UpdateInPlaceAsync(Place place, ChatMessage updated, CancellationToken ct)
    {
        if (place is { Channel: { } channel, Ts: { } ts, Ephemeral: false } && (await responder.UpdateAsync(channel, ts, updated, ct)).Ok) return true;
        return place.ResponseUrl is { } url && (await responder.RespondAsync(url, updated, inChannel: false, replaceOriginal: true, ct)).Ok;
    }

    /// <summary>
    /// The reply to the presser, through the response_url, else in the conversation. When Slack asks to wait it goes
    /// through the outbox (<see cref="SlackResponder.RespondOrQueueAsync"/>, <see cref="SlackResponder.PostAnswerAsync"/>), so it is never dropped.
    /// </summary>
    private async Task ReplyAsync(Place place, ChatMessage message, bool replaceOriginal, Reply reply, CancellationToken ct)
    {
        if (place.ResponseUrl is { } url && await responder.RespondOrQueueAsync(url, reply.UrlExpiresAt, reply.Presser!, message, replaceOriginal, reply.Key, ct)) return;
        if (place.Channel is { } channel) await responder.PostAnswerAsync(channel, place.Ts, message, reply.Key, ct);
    }

    private static ChatMessage Notice(string title, string text) => new() { Title = title, FallbackText = text, Sections = [new MessageSection { Text = text }] };

    /// <summary>The outbox key of the press's reply and when its response_url stops working; <see cref="Presser"/> is who gets it once it has.</summary>
    private sealed record Reply(string Key, DateTimeOffset UrlExpiresAt)
    {
        public Recipient? Presser { get; init; }
    }

    private sealed record Place(string? Channel, string? Ts, bool Ephemeral, string? ResponseUrl);
}
