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

    /// <summary>
    /// Reads a text column's JSON as the UTF-8 bytes the server sent (<see cref="Utf8"/>), without decoding it into a
    /// string the serializer would encode back to UTF-8: for the portfolio's 12 KB of signals per account that
    /// round trip cost about as much as the parsing.
    /// </summary>
    public static T Read<T>(ReadOnlySpan<byte> utf8) where T : class =>
        JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");

    /// <summary>The UTF-8 bytes of text column <paramref name="ordinal"/> (the database's encoding is UTF-8, as CsBot's migrations expect).</summary>
    public static byte[] Utf8(this Npgsql.NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
