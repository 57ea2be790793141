using System.Text.Json;
using System.Text.Json.Serialization;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// The question's body and the answer's JSON, read and written by generated code instead of by reflection over the
/// types on every request: the answer carries the whole neutral message. The options are the host's (web defaults,
/// enums by name), so the JSON is the same as the host's serializer writes; a test compares them.
/// </summary>
[JsonSerializable(typeof(LocalChatEndpoints.AskBody))]
[JsonSerializable(typeof(LocalChatEndpoints.AskReply))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
internal sealed partial class LocalChatJson : JsonSerializerContext;
