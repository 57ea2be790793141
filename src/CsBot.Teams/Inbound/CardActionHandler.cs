using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Teams.Outbound;
using CsBot.Teams.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Inbound;

/// <summary>
/// A pressed card button (Action.Submit arrives as a message whose value is {kind, value}). Acknowledge and snooze
/// go to <see cref="IAlertActions"/> and redraw the card in place with the outcome; Choose and Why ask the follow-up.
/// </summary>
public sealed class CardActionHandler(
    IServiceProvider services,
    AskService askService,
    IPortfolioStore portfolio,
    PostedCards cards,
    ILogger<CardActionHandler> logger)
{
    public async Task HandleAsync(ITurnContext<IMessageActivity> turnContext, CardActionData action, string? email, CancellationToken cancellationToken)
    {
        var asker = TeamsAskers.From(turnContext.Activity, email);
        switch (action.Kind)
        {
            case ActionKind.Choose:
                await ReplyAsync(turnContext, askService.Ask(action.Value, asker), cancellationToken);
                break;
            case ActionKind.Why:
                // The button carries an account id; ask by name, which is what the question grammar understands.
                var name = portfolio.GetAccount(action.Value)?.Name ?? action.Value;
                await ReplyAsync(turnContext, askService.Ask($"why is {name} at risk", asker), cancellationToken);
                break;
            default:
                await ApplyAlertActionAsync(turnContext, action, asker, cancellationToken);
                break;
        }
    }

    public static ChatMessage UnknownButton() => new()
    {
        Title = "That button no longer works",
        Sections = [new MessageSection { Text = "It may be from an older card. Ask me again, e.g. \"health of Acme Corp\"." }],
    };

    private async Task ApplyAlertActionAsync(ITurnContext<IMessageActivity> turnContext, CardActionData action, Asker asker, CancellationToken cancellationToken)
    {
        // Resolved per press: alert actions are an optional service of the host.
        var alertActions = services.GetService<IAlertActions>();
        if (alertActions is null)
        {
            await ReplyAsync(turnContext, new ChatMessage
            {
                Title = "Acknowledging and snoozing aren't available here yet",
                Sections = [new MessageSection { Text = "The alert stays open. Your CsBot administrator can enable alert actions." }],
            }, cancellationToken);
            return;
        }

        var activity = turnContext.Activity;
        var original = cards.Recall(activity.Conversation.Id, activity.ReplyToId);
        var outcome = alertActions.Apply(action.Kind, action.Value, asker, original);
        if (outcome.UpdatedOriginal is { } updated && !string.IsNullOrEmpty(activity.ReplyToId))
            await UpdateCardAsync(turnContext, activity.ReplyToId, updated, cancellationToken);
        await ReplyAsync(turnContext, outcome.Reply, cancellationToken);
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

    private Task ReplyAsync(ITurnContext turnContext, ChatMessage message, CancellationToken cancellationToken) =>
        cards.ReplyAsync(turnContext, message, cancellationToken);
}
