using System.Text.Json;
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

    /// <summary>The body as <typeparamref name="T"/>, null when it is empty; or the problem to answer with.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Results.Problem(title: "Send JSON", detail: "The body must be JSON, sent with Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        if (request.ContentLength > MaxBytes) return (null, TooLarge());

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, TooLarge());
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, null);

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return (null, Results.Problem(title: "Malformed JSON", detail: $"The body is not valid JSON{where}.", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static IResult TooLarge() => Results.Problem(title: "Request body too large",
        detail: $"The body is larger than {MaxBytes:N0} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
