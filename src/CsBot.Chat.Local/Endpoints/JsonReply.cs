using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// A 200 answer with a JSON body of known length: serialized whole first, then sent with Content-Length. Written to
/// the response as it is serialized (as <c>Results.Ok</c> does), a body goes out chunked, which costs the server and
/// the client a little more on every answer. An answer is a few kilobytes.
/// </summary>
internal sealed class JsonReply<T>(T value, JsonTypeInfo<T> type) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = Serialize(value, type, options);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.WrittenCount;
        return response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted).AsTask();
    }

    /// <summary>
    /// <paramref name="value"/> as JSON, its names and structure written by the generated code of <paramref name="type"/>
    /// and its strings escaped as the host's <paramref name="options"/> escape them: the generated code's fastest path
    /// takes no encoder of its own, so the writer carries the host's.
    /// </summary>
    public static ArrayBufferWriter<byte> Serialize(T value, JsonTypeInfo<T> type, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
        JsonSerializer.Serialize(writer, value, type);
        return buffer;
    }
}
