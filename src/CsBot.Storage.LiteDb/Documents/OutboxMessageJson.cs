using System.Text.Json;
using System.Text.Json.Serialization;
using CsBot.Core.Messaging;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// The neutral <see cref="ChatMessage"/> as stored in the outbox: System.Text.Json, enums by name, so the stored
/// text survives reordering of enum members and reads well when inspecting the file. A message whose shape changes
/// incompatibly gets a new <see cref="CurrentFormat"/>.
/// </summary>
internal static class OutboxMessageJson
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // PreviewText is derived from FallbackText and Title; storing it would only be noise.
        IgnoreReadOnlyProperties = true,
    };

    public static string Serialize(ChatMessage message) => JsonSerializer.Serialize(message, Options);

    public static ChatMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<ChatMessage>(json, Options) ?? throw new JsonException("The stored message is null.");
}
