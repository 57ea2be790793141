using System.Text.Json;
using System.Text.Json.Serialization;
using CsBot.Core.Messaging;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CsBot.Teams.Rendering;

/// <summary>Turns neutral messages into Bot Framework activities, and keeps a message's payload for later updates.</summary>
public static class TeamsMessages
{
    private static readonly JsonSerializerOptions PayloadJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// A message activity carrying the card. The summary is the one-line preview Teams shows in notifications and
    /// the chat list; the card's own fallbackText holds the full text for clients that cannot draw cards.
    /// </summary>
    public static Activity ToActivity(ChatMessage message)
    {
        var card = AdaptiveCardRenderer.Render(message);
        var activity = Activity.CreateMessageActivity() as Activity ?? throw new InvalidOperationException("Not a message activity.");
        activity.Summary = TeamsMarkdown.Plain(message.PreviewText);
        activity.Attachments =
        [
            new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = JObject.Parse(AdaptiveCardRenderer.ToJson(card)) },
        ];
        return activity;
    }

    /// <summary>A message worth remembering has buttons that may change it (acknowledge, snooze, retry on an admin-channel post).</summary>
    public static bool HasAlertActions(ChatMessage message) =>
        message.Actions.Concat(message.Sections.SelectMany(s => s.Actions)).Any(a => a.Kind is ActionKind.Acknowledge or ActionKind.Snooze1Day or ActionKind.Snooze7Days or ActionKind.SnoozeUntilRenewal or ActionKind.RetryDeliveries);

    public static string ToPayload(ChatMessage message) => JsonSerializer.Serialize(message, PayloadJson);

    /// <summary>Null when the payload is missing or no longer reads as a message (then the card is not updated, only answered).</summary>
    public static ChatMessage? FromPayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            return JsonSerializer.Deserialize<ChatMessage>(payload, PayloadJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
