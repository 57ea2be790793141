using System.Text.Json;
using System.Text.Json.Serialization;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// How domain records are stored as JSON: System.Text.Json, enums by name (safe against reordering, readable in psql),
/// nulls and derived (get-only) members left out, instants with their offset, so a record reads back equal.
/// </summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) where T : class =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}
