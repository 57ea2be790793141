using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// Reads a local endpoint's JSON body into one buffer before deserializing it, instead of letting the endpoint bind it
/// from the request pipe. From the pipe, System.Text.Json reads a body that spans several buffer segments, and a
/// literal cut short at a segment boundary (<c>{"text":tr</c>) throws IndexOutOfRangeException rather than a
/// JsonException (dotnet/runtime#134448), which answered 500; from one buffer it is a JsonException, answered 400.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>A question or a button press is a few kilobytes; a body this large is refused unread.</summary>
    public const int MaxBytes = 1024 * 1024;

    // Bodies of unknown length start here and double.
    private const int FirstBufferBytes = 4 * 1024;

    /// <summary>The body as <typeparamref name="T"/>, null when it is empty; or the problem to answer with.</summary>
    public static Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class =>
        ReadAsync(request, request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"No JSON contract for {typeof(T)}."));

    /// <summary>The body read as <paramref name="type"/> describes it (generated code for the busiest bodies).</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Results.Problem(title: "Send JSON", detail: "The body must be JSON, sent with Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        if (request.ContentLength > MaxBytes) return (null, TooLarge());

        // Pooled: a question's body is a few hundred bytes, and a fresh 16 KB chunk plus a growing stream per request
        // was garbage the collector paid for under load.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } announced and >= 0 and < FirstBufferBytes ? (int)announced + 1 : FirstBufferBytes);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
                if (length > MaxBytes) return (null, TooLarge());
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            if (length == 0) return (null, null);

            try
            {
                return (JsonSerializer.Deserialize(buffer.AsSpan(0, length), type), null);
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
                return (null, Results.Problem(title: "Malformed JSON", detail: $"The body is not valid JSON{where}.", statusCode: StatusCodes.Status400BadRequest));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge() => Results.Problem(title: "Request body too large",
        detail: $"The body is larger than {MaxBytes:N0} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
