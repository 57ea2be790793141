namespace CsBot.Slack.Inbound;

// The parts of Slack's inbound payloads CsBot reads (snake_case JSON, see SlackJson). Everything is nullable:
// a payload missing a field is answered with 400 or ignored, never a crash.

/// <summary>An Events API request: the url_verification handshake or an event_callback envelope.</summary>
public sealed record SlackEventEnvelope(string? Type, string? Challenge, string? TeamId, string? EventId, SlackEvent? Event);

/// <summary>An app_mention or message event.</summary>
public sealed record SlackEvent(string? Type, string? Subtype, string? User, string? BotId, string? Text, string? Channel, string? ChannelType, string? Ts, string? ThreadTs);

/// <summary>An interactivity request (the form field "payload"), e.g. block_actions from a button.</summary>
public sealed record SlackInteraction(
    string? Type,
    SlackIdRef? Team,
    SlackInteractionUser? User,
    SlackInteractionContainer? Container,
    SlackIdRef? Channel,
    SlackInteractionMessage? Message,
    string? ResponseUrl,
    IReadOnlyList<SlackInteractionAction>? Actions);

public sealed record SlackIdRef(string? Id);

public sealed record SlackInteractionUser(string? Id, string? Username, string? Name, string? TeamId);

public sealed record SlackInteractionContainer(string? Type, string? MessageTs, string? ChannelId, bool? IsEphemeral, string? ThreadTs = null);

public sealed record SlackInteractionMessage(string? Ts, string? ThreadTs = null);

public sealed record SlackInteractionAction(string? ActionId, string? Value, string? Type, string? ActionTs = null);
