using System.Text.Json;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// POST /slack/interactions: our buttons (block_actions). Acknowledge and snooze go to <see cref="IAlertActions"/>
/// and the alert message is updated in place; Choose and Why ask the follow-up question and answer the presser.
/// Slack gets its 200 at once; the work runs from the queue.
/// </summary>
public sealed class SlackInteractionHandler(
    IServiceProvider services,
    IQuestionAnswerer answerer,
    SlackAskers askers,
    SlackResponder responder,
    SlackSentMessages sent,
    SlackWorkQueue queue,
    TeamAllowList teams,
    ILogger<SlackInteractionHandler> logger)
{
    public const string ActionsUnavailable = "Acknowledge and snooze are not available right now, so the alert is unchanged. Please try again later.";

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
        queue.Enqueue($"{kind} pressed by {payload.User.Id}", ct => RunAsync(kind, action.Value ?? "", payload, ct));
        return Results.Ok();
    }

    private async Task RunAsync(ActionKind kind, string value, SlackInteraction payload, CancellationToken ct)
    {
        var asker = await askers.ResolveAsync(payload.User!.Id!, payload.User.Name ?? payload.User.Username, ct, payload.Container?.ChannelId ?? payload.Channel?.Id);
        var place = new Place(payload.Container?.ChannelId ?? payload.Channel?.Id, payload.Container?.MessageTs ?? payload.Message?.Ts,
            payload.Container?.IsEphemeral == true, payload.ResponseUrl);
        switch (kind)
        {
            case ActionKind.Choose:
                await ReplyAsync(place, answerer.Ask(value, asker), replaceOriginal: true, ct);
                break;
            case ActionKind.Why:
                var account = services.GetService<IPortfolioStore>()?.GetAccount(value);
                await ReplyAsync(place, answerer.Ask(account is null ? $"why is {value} at risk" : $"why is {account.Name} at risk", asker), replaceOriginal: false, ct);
                break;
            default:
                await ApplyAlertActionAsync(kind, value, asker, place, ct);
                break;
        }
    }

    private async Task ApplyAlertActionAsync(ActionKind kind, string alertId, Asker asker, Place place, CancellationToken ct)
    {
        var actions = services.GetService<IAlertActions>();
        if (actions is null)
        {
            logger.LogWarning("{Kind} pressed on alert {AlertId} but no alert actions are registered", kind, alertId);
            await ReplyAsync(place, Notice("Alert actions are unavailable", ActionsUnavailable), replaceOriginal: false, ct);
            return;
        }
        AlertActionOutcome outcome;
        try
        {
            outcome = actions.Apply(kind, alertId, asker, sent.Find(place.Channel, place.Ts));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Kind} on alert {AlertId} by {User} failed", kind, alertId, asker.UserId);
            await ReplyAsync(place, HelpMessages.Failure(), replaceOriginal: false, ct);
            return;
        }
        logger.LogInformation("{Kind} on alert {AlertId} by {User}: {Result}", kind, alertId, asker.UserId, outcome.Applied ? "applied" : "not applied");
        if (outcome.UpdatedOriginal is { } updated && await UpdateInPlaceAsync(place, updated, ct)) return;
        await ReplyAsync(place, outcome.Reply, replaceOriginal: false, ct);
    }

    private async Task<bool> UpdateInPlaceAsync(Place place, ChatMessage updated, CancellationToken ct)
    {
        if (place is { Channel: { } channel, Ts: { } ts, Ephemeral: false } && (await responder.UpdateAsync(channel, ts, updated, ct)).Ok) return true;
        return place.ResponseUrl is { } url && (await responder.RespondAsync(url, updated, inChannel: false, replaceOriginal: true, ct)).Ok;
    }

    private async Task ReplyAsync(Place place, ChatMessage message, bool replaceOriginal, CancellationToken ct)
    {
        if (place.ResponseUrl is { } url && (await responder.RespondAsync(url, message, inChannel: false, replaceOriginal, ct)).Ok) return;
        if (place.Channel is { } channel) await responder.PostAsync(channel, place.Ts, message, ct);
    }

    private static ChatMessage Notice(string title, string text) => new() { Title = title, FallbackText = text, Sections = [new MessageSection { Text = text }] };

    private sealed record Place(string? Channel, string? Ts, bool Ephemeral, string? ResponseUrl);
}
