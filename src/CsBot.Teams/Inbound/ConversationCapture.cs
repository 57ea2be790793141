using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Teams.Outbound;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Inbound;

/// <summary>
/// Keeps, for every conversation the bot is in, what it needs to post there later: the conversation reference
/// (refreshed on every activity, since Teams may move a conversation to another service URL), who the person is
/// in a one-to-one chat (Entra object id, and email from a member look-up, so alerts addressed by email find
/// them) and a channel's id, team and name (so a channel is addressed by its id, and settings naming "Team/cs-alerts"
/// find it within its own team). Digest subscriptions survive refreshes.
/// </summary>
public sealed class ConversationCapture(IConversationStore store, TimeProvider time, ILogger<ConversationCapture> logger)
{
    public async Task<ChatConversation> CaptureAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var channelData = ReadChannelData(activity);
        var scope = ScopeOf(activity);
        var reference = activity.GetConversationReference();
        // Proactive posts start a new message, so the reference must not point at the activity that was captured.
        reference.ActivityId = null;
        var channelId = scope == ConversationScope.Channel ? ChannelIdOf(activity, channelData) : null;
        if (channelId is not null && channelId != reference.Conversation.Id)
        {
            // A channel reply arrives in "19:...@thread.tacv2;messageid=..."; proactive posts go to the channel itself.
            // A copy, because the reference shares the activity's account object and this turn still replies in the thread.
            var c = reference.Conversation;
            reference.Conversation = new ConversationAccount(c.IsGroup, c.ConversationType, channelId, c.Name, c.AadObjectId, c.Role, c.TenantId);
        }

        var conversationId = reference.Conversation.Id;
        var existing = store.Get(TeamsOptions.Platform, conversationId);
        var conversation = new ChatConversation
        {
            Platform = TeamsOptions.Platform,
            ConversationId = conversationId,
            Scope = scope,
            Reference = ConversationReferences.Serialize(reference),
            UpdatedAt = time.GetUtcNow(),
            TenantId = channelData?.Tenant?.Id ?? activity.Conversation?.TenantId ?? existing?.TenantId,
            DigestSubscribed = existing?.DigestSubscribed ?? false,
            ChannelName = scope == ConversationScope.Channel ? ChannelName(channelId, channelData) ?? existing?.ChannelName : null,
            TeamName = channelData?.Team?.Name ?? existing?.TeamName,
            TeamId = scope == ConversationScope.Channel ? channelData?.Team?.Id ?? existing?.TeamId : null,
        };

        if (scope == ConversationScope.Personal)
        {
            var from = activity.From;
            var email = existing?.Email ?? await LookUpEmailAsync(turnContext, cancellationToken);
            conversation = conversation with
            {
                UserId = !string.IsNullOrEmpty(from?.AadObjectId) ? from.AadObjectId : existing?.UserId ?? from?.Id,
                DisplayName = from?.Name ?? existing?.DisplayName,
                Email = email,
            };
        }

        store.Save(conversation);
        return conversation;
    }

    public static ConversationScope ScopeOf(IActivity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationScope.Channel,
        "groupChat" => ConversationScope.GroupChat,
        // Teams says "personal"; the Emulator says nothing: both are one-to-one.
        _ => activity.Conversation?.IsGroup == true ? ConversationScope.GroupChat : ConversationScope.Personal,
    };

    public static TeamsChannelData? ReadChannelData(IActivity activity)
    {
        if (activity.ChannelData is null) return null;
        try
        {
            return activity.GetChannelData<TeamsChannelData>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The channel's own conversation id: channelData.channel.id when Teams sends it, else the conversation id without
    /// a thread's ";messageid=...". Teams leaves channelData.channel out of some activities in the General channel
    /// (the bot's installation among them), whose id is the team's id.
    /// </summary>
    public static string? ChannelIdOf(IActivity activity, TeamsChannelData? channelData) =>
        channelData?.Channel?.Id is { Length: > 0 } id ? id
        : activity.Conversation?.Id is { Length: > 0 } conversationId ? PostedCards.Key(conversationId)
        : null;

    /// <summary>Teams names every channel but the team's first one, which it leaves nameless: that is "General".</summary>
    private static string? ChannelName(string? channelId, TeamsChannelData? channelData) =>
        channelData?.Channel?.Name is { Length: > 0 } name ? name
        : channelId is not null && channelId == channelData?.Team?.Id ? "General"
        : null;

    /// <summary>
    /// The person's email (or, failing that, their sign-in name) from Teams' member list. Not fatal when Teams
    /// refuses or is unreachable: the person can still ask, and the next message tries again.
    /// </summary>
    private async Task<string?> LookUpEmailAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        if (from?.Id is null || turnContext.Activity.ChannelId != Microsoft.Bot.Connector.Channels.Msteams) return null;
        try
        {
            var member = await TeamsInfo.GetMemberAsync(turnContext, from.Id, cancellationToken);
            return !string.IsNullOrWhiteSpace(member?.Email) ? member.Email : member?.UserPrincipalName;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not look up Teams member {User} for their email: {Error}", from.Id, ex.Message);
            return null;
        }
    }
}
