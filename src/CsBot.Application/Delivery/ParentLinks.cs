using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;

namespace CsBot.Application.Delivery;

/// <summary>
/// Resolves a linked message (an in-place update or a thread reply, <see cref="MessageLink"/>) against the outbox
/// entry of the message it belongs to, just before it is sent: the platform's id of that message is only known once
/// it was delivered, and only the platform that delivered it can update it or reply under it.
/// </summary>
internal static class ParentLinks
{
    /// <summary>How long after the parent's next attempt a waiting update or reply tries again.</summary>
    public static readonly TimeSpan AfterParent = TimeSpan.FromSeconds(1);

    public static ParentResolution Resolve(IOutboxStore outbox, OutgoingMessage message)
    {
        if (message.Link is not { } link) return ParentResolution.Send(message);
        var parent = outbox.FindByIdempotencyKey(link.ParentKey);
        if (parent is { State: OutboxState.Pending or OutboxState.Delivering })
            return ParentResolution.Wait(parent.NextAttemptAt + AfterParent);
        if (parent is { State: OutboxState.Delivered, PlatformMessageId: { Length: > 0 } id })
            return ParentResolution.Send(message with { Link = link with { ParentMessageId = id }, Platform = parent.Platform ?? message.Platform });
        // The parent never reached anyone (dead-lettered, posted where it cannot be addressed, or gone): a reply
        // stands on its own, an update has nothing to redraw.
        return link.Kind == MessageLinkKind.Reply ? ParentResolution.Send(message with { Link = null }) : ParentResolution.Nothing();
    }
}

/// <summary>What to do with a linked message now: send it (resolved), wait for its parent, or nothing.</summary>
internal sealed record ParentResolution(OutgoingMessage? Message, DateTimeOffset? WaitUntil)
{
    public static ParentResolution Send(OutgoingMessage message) => new(message, null);
    public static ParentResolution Wait(DateTimeOffset until) => new(null, until);
    public static ParentResolution Nothing() => new(null, null);
}
