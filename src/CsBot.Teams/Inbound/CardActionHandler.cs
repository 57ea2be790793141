using CsBot.Application.Actions;
using CsBot.Core.Messaging;
using CsBot.Teams.Outbound;
using CsBot.Teams.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Inbound;

/// <summary>
/// A pressed card button (Action.Execute arrives as an adaptiveCard/action invoke, Action.Submit on older cards as a
/// message whose value is {kind, value}), decoded into a
/// <see cref="ButtonPress"/> for <see cref="ButtonPressHandler"/>. Its result is drawn here: the card redrawn in
/// place when the press changed it, and the reply posted below.
/// </summary>
public sealed class CardActionHandler(ButtonPressHandler buttons, PostedCards cards, ILogger<CardActionHandler> logger)
{
    public async Task HandleAsync(ITurnContext<IMessageActivity> turnContext, ChatConversation conversation, string? email, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (CardActionData.TryRead(activity.Value) is not { } action)
        {
            await cards.ReplyAsync(turnContext, ButtonPressHandler.UnknownButton(), cancellationToken);
            return;
        }

        var press = new ButtonPress(action.Kind, action.Value, TeamsAskers.From(activity, conversation, email))
        {
            Original = cards.Recall(activity.Conversation.Id, activity.ReplyToId),
        };
        var result = buttons.Handle(press);
        if (result.UpdatedOriginal is { } updated && !string.IsNullOrEmpty(activity.ReplyToId))
            await UpdateCardAsync(turnContext, activity.ReplyToId, updated, cancellationToken);
        // Always posted below, a chosen account's answer too: the conversation keeps what was offered and what was picked.
        await cards.ReplyAsync(turnContext, result.Reply, cancellationToken);
    }

    /// <summary>
    /// An Action.Execute press (invoke adaptiveCard/action). The same press as a submitted one, answered the Universal
    /// Actions way: the card redrawn for everyone (updated in the conversation, and returned so the presser's Teams
    /// draws it at once), the reply posted below as for Action.Submit. A press that changes no card (refused, or an
    /// answer) answers with a short message; one that is not CsBot's button with an error the presser reads.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> HandleInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invoke, ChatConversation conversation, string? email, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (CardActionData.TryRead(invoke.Action?.Data, invoke.Action?.Verb) is not { Value.Length: > 0 } action)
        {
            logger.LogWarning("Refused a Teams card action that is not one of CsBot's buttons (verb {Verb})", invoke.Action?.Verb ?? "(none)");
            var unknown = ButtonPressHandler.UnknownButton();
            return InvokeResponses.Error(System.Net.HttpStatusCode.BadRequest, "BadRequest", $"{unknown.Title}. {unknown.Sections[0].Text}");
        }

        var press = new ButtonPress(action.Kind, action.Value, TeamsAskers.From(activity, conversation, email))
        {
            Original = cards.Recall(activity.Conversation.Id, activity.ReplyToId),
        };
        var result = buttons.Handle(press);
        if (result.UpdatedOriginal is { } updated && !string.IsNullOrEmpty(activity.ReplyToId))
            await UpdateCardAsync(turnContext, activity.ReplyToId, updated, cancellationToken);
        try
        {
            await cards.ReplyAsync(turnContext, result.Reply, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The press was applied and the presser still gets the invoke response; only the note below is lost.
            logger.LogWarning("Could not post the reply to a Teams card action in {Conversation}: {Error}", activity.Conversation.Id, ex.Message);
        }
        return result.UpdatedOriginal is { } card ? InvokeResponses.Card(card) : InvokeResponses.Message(result.Reply.Title);
    }

    private async Task UpdateCardAsync(ITurnContext turnContext, string cardActivityId, ChatMessage updated, CancellationToken cancellationToken)
    {
        var replacement = TeamsMessages.ToActivity(updated);
        replacement.Id = cardActivityId;
        try
        {
            await turnContext.UpdateActivityAsync(replacement, cancellationToken);
            cards.Remember(turnContext.Activity.Conversation.Id, cardActivityId, updated);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The action itself was applied; a card that cannot be redrawn (deleted, too old) only loses its new look.
            logger.LogWarning("Could not update Teams card {Activity}: {Error}", cardActivityId, ex.Message);
        }
    }
}
