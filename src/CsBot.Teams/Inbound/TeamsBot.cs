using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Teams.Outbound;
using CsBot.Teams.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Inbound;

/// <summary>
/// CsBot in Teams: answers questions typed in personal chats, group chats and channels (after an @mention),
/// "subscribe this channel to the weekly digest" included, handles card buttons (Action.Execute invokes and Action.Submit
/// messages), and keeps every conversation's
/// reference so alerts and digests can be posted there later. Tenants outside Teams:AllowedTenants get a polite refusal and nothing is stored.
/// </summary>
public sealed class TeamsBot(
    TeamsOptions options,
    ConversationCapture capture,
    AskService askService,
    CardActionHandler cardActions,
    PostedCards cards,
    IConversationStore store,
    ILogger<TeamsBot> logger,
    TeamsPictureReplies? pictures = null) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        // Nothing can be answered or stored without a conversation; the turn stops here and the request gets 400.
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            throw new MalformedActivityException($"The {activity.Type} activity names no conversation (conversation.id).");
        var tenant = ConversationCapture.ReadChannelData(activity)?.Tenant?.Id ?? activity.Conversation?.TenantId;
        if (!options.IsTenantAllowed(tenant))
        {
            logger.LogWarning("Refused a Teams {Type} activity from tenant {Tenant}: not in Teams:AllowedTenants", activity.Type, tenant ?? "(none)");
            if (activity.Type == ActivityTypes.Message)
                await turnContext.SendActivityAsync(MessageFactory.Text(TenantRefusal), cancellationToken);
            return;
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    public const string TenantRefusal = "Sorry, CsBot isn't enabled for your organisation. Ask your CsBot administrator to add your tenant.";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversation = await capture.CaptureAsync(turnContext, cancellationToken);
        var email = conversation.Email ?? KnownEmail(activity);

        if (activity.Value is not null)
        {
            await cardActions.HandleAsync(turnContext, conversation, email, cancellationToken);
            return;
        }

        var text = MessageText.Question(activity);
        if (text.Length == 0)
        {
            await cards.ReplyAsync(turnContext, HelpMessages.Help(), cancellationToken);
            return;
        }

        // The channel was captured above, so a digest subscribed here can be delivered here.
        var answer = askService.Ask(text, TeamsAskers.From(activity, conversation, email));
        await cards.ReplyAsync(turnContext, answer, cancellationToken);
        // Charts go after the answer's card, never before it.
        if (pictures is not null) await pictures.FollowAsync(turnContext, answer, cancellationToken);
    }

    /// <summary>
    /// A card's Action.Execute. Never throws: whatever goes wrong, Teams gets an invoke response to show the presser
    /// (without one the adapter would answer 501 and Teams would show a generic failure).
    /// </summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        try
        {
            var conversation = await capture.CaptureAsync(turnContext, cancellationToken);
            return await cardActions.HandleInvokeAsync(turnContext, invokeValue, conversation, conversation.Email ?? KnownEmail(turnContext.Activity), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Teams card action failed in conversation {Conversation}", turnContext.Activity.Conversation?.Id);
            return InvokeResponses.Message(Hosting.TurnErrorHandler.Apology);
        }
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Not the base handler: TeamsActivityHandler looks up every added member on the connector, which CsBot
        // does not need. Only the bot's own arrival (the app was installed here) matters.
        var activity = turnContext.Activity;
        if (activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) != true) return;
        await capture.CaptureAsync(turnContext, cancellationToken);
        await cards.ReplyAsync(turnContext, Welcome(), cancellationToken);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        capture.CaptureAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The reference is kept: sends there fail as permanent (BotNotInConversationRoster) and say why.
        logger.LogInformation("CsBot was removed from Teams conversation {Conversation}", turnContext.Activity.Conversation?.Id);
        return Task.CompletedTask;
    }

    /// <summary>In a channel the person's email is not in the activity; their personal chat with the bot may know it.</summary>
    private string? KnownEmail(IActivity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? store.FindPerson(TeamsOptions.Platform, aad)?.Email : null;

    private static ChatMessage Welcome() => HelpMessages.Help() with { Title = "Hi, I'm CsBot. Ask me about your accounts" };
}
