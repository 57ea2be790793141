using CsBot.Core.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>"subscribe this channel to the weekly digest" / "unsubscribe": only from the channel itself, so nobody subscribes a channel they are not in.</summary>
public static class SubscriptionCommands
{
    public static ChatMessage Handle(AskContext ctx, IDigestSubscriptions subscriptions, TimeZoneInfo zone)
    {
        var channel = ctx.Asker.ChannelId;
        if (channel is null)
            return HelpMessages.Refused("Ask me in the channel that should get the weekly digest; in a direct conversation there is no channel to subscribe.");

        if (ctx.Question.Intent == IntentKind.Unsubscribe)
        {
            return subscriptions.Remove(channel)
                ? Done($"This channel will no longer get the weekly digest", "Say \"subscribe this channel to the weekly digest\" to get it again.")
                : HelpMessages.Refused("This channel is not subscribed to the weekly digest.");
        }

        string? segment = null;
        if (ctx.Question.Segment is { } typed)
        {
            segment = Lookups.FindSegment(typed, ctx.Portfolio.Segments);
            if (segment is null) return HelpMessages.NoSuchSegment(typed, ctx.Portfolio.Segments);
        }
        var existing = subscriptions.Find(channel);
        // A channel signing up again keeps its time; a new one gets the scheduler's default (Mondays 09:00).
        var subscription = new DigestSubscription(channel, existing?.TimeZone ?? zone.Id, segment ?? existing?.Segment, existing?.Schedule);
        subscriptions.Upsert(subscription);
        var scope = subscription.Segment is null ? "the whole portfolio" : $"the {subscription.Segment} segment";
        return Done("This channel is subscribed to the weekly digest",
            $"Every Monday at 09:00 ({subscription.TimeZone}) unless configured otherwise, covering {scope}. Say \"unsubscribe\" to stop it.");
    }

    private static ChatMessage Done(string title, string text) => new()
    {
        Title = title,
        FallbackText = title,
        Sections = [new MessageSection { Text = text }],
    };
}
