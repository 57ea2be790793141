using System.Net;
using CsBot.Application.Observability;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Teams.Inbound;
using CsBot.Teams.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Outbound;

/// <summary>
/// Posts alerts, reminders and digests into Teams unprompted. A person (Recipient.Key = email, or an Entra object
/// id) is found by their one-to-one chat with the bot; a channel by its conversation id, or by name within one team
/// (see <see cref="TeamsChannelDirectory"/>). Each message is a new post in that
/// conversation, sent through the Bot Framework adapter; connector failures become transient or permanent
/// <see cref="SendResult"/>s for the outbox (see <see cref="ConnectorErrors"/>). Never throws for a failed delivery.
/// </summary>
public sealed class TeamsChatSender(
    BotAdapter adapter,
    IConversationStore store,
    PostedCards cards,
    TeamsChannelDirectory channels,
    TeamsChannelSettings settings,
    TeamsOptions options,
    TimeProvider time,
    ILogger<TeamsChatSender> logger) : IChatSender
{
    public string Platform => TeamsOptions.Platform;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var recipient = message.Recipient;
        ChatConversation? conversation;
        if (recipient.Kind == RecipientKind.Channel)
        {
            var lookup = channels.Find(recipient.Key);
            if (lookup.Conversation is null) return SendResult.Failed(WhereToFix(lookup.Problem!, recipient.Key), transient: false);
            conversation = lookup.Conversation;
        }
        else conversation = store.FindPerson(Platform, recipient.Key);
        if (conversation is null) return SendResult.Failed(NotReachable(recipient), transient: false);

        var reference = ConversationReferences.Deserialize(conversation.Reference);
        if (reference is null) return SendResult.Failed($"The stored Teams conversation for {recipient.DisplayName} is unreadable; it is refreshed when they next message CsBot.", transient: false);

        string? activityId = null;
        Exception? failure = null;
        try
        {
            await adapter.ContinueConversationAsync(options.MicrosoftAppId ?? "", reference, async (turn, ct) =>
            {
                // Errors are caught inside the turn: escaping it would run the adapter's turn-error handler, which
                // would try to apologise into the very conversation that just failed.
                try
                {
                    var activity = TeamsMessages.ToActivity(message.Message);
                    activity.ApplyConversationReference(reference);
                    // A new post (or an update or reply of one CsBot sent), not a reply to the activity that was captured.
                    activity.ReplyToId = null;
                    var client = turn.TurnState.Get<IConnectorClient>() ?? throw new InvalidOperationException("The adapter gave no connector client.");
                    activityId = await LinkedActivities.SendAsync(client, activity, message.Link, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failure = ex;
                }
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        if (failure is not null)
        {
            var result = ConnectorErrors.ToSendResult(failure, time.GetUtcNow());
            if (failure is ErrorResponseException { Response.StatusCode: HttpStatusCode.TooManyRequests }) CsBotMetrics.RateLimitReceived(Platform);
            logger.LogWarning("Teams message {Key} to {Recipient} failed ({Kind}): {Error}", message.IdempotencyKey, recipient.Key, result.Transient ? "will retry" : "permanent", result.Error);
            return result;
        }

        cards.Remember(conversation.ConversationId, activityId, message.Message);
        return SendResult.Ok(activityId);
    }

    private static string NotReachable(Recipient recipient) =>
        $"No Teams chat with {recipient.Key}: they need to install CsBot (personal scope) or message it once, so it learns their email.";

    /// <summary>A channel that settings name: the message says which key to change.</summary>
    private string WhereToFix(string problem, string address) => settings.KeysFor(address) is { Count: > 0 } keys
        ? $"{problem} (set in {string.Join(", ", keys)})"
        : problem;
}
