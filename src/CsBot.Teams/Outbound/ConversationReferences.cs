using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CsBot.Teams.Outbound;

/// <summary>Conversation references as the opaque strings the conversation store keeps (the Bot Framework's own JSON).</summary>
public static class ConversationReferences
{
    public static string Serialize(ConversationReference reference) => JsonConvert.SerializeObject(reference);

    public static ConversationReference? Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var reference = JsonConvert.DeserializeObject<ConversationReference>(json);
            return reference?.Conversation?.Id is null || string.IsNullOrEmpty(reference.ServiceUrl) ? null : reference;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
