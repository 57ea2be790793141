using System.Text.Json;
using System.Text.Json.Serialization;

namespace CsBot.Host.Api;

/// <summary>
/// Reads a request body as a JSON array of records: a body over the size limit is a 413, malformed JSON or an unknown
/// field a 400 naming the line, position and JSON path where it broke. Never a 500.
/// </summary>
public sealed class JsonBatchReader(JsonSerializerOptions appOptions, long maxBytes)
{
    // Unknown fields are refused so a misspelt one ("activeUser") is reported rather than silently dropped.
    private readonly JsonSerializerOptions _options = new(appOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public long MaxBytes => maxBytes;

    public async Task<(List<T>? Records, IResult? Problem)> ReadAsync<T>(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge(request.ContentLength.Value));

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) return (null, TooLarge(null));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The web server's own limit tripped first (it is set to the same limit per request, see
            // RequestBodyLimit): the same answer, with a body that names the setting.
            return (null, TooLarge(null));
        }
        buffer.Position = 0;

        try
        {
            var records = await JsonSerializer.DeserializeAsync<List<T>>(buffer, _options, cancellationToken);
            if (records is null) return (null, BadJson($"The body is null; send a JSON array of {what}.", null, null, null));
            return (records, null);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? l + 1 : (long?)null;
            var position = ex.BytePositionInLine is { } p ? p + 1 : (long?)null;
            var where = line is null ? "" : $" at line {line}, position {position}" + (string.IsNullOrEmpty(ex.Path) ? "" : $" ({ex.Path})");
            return (null, BadJson($"The body is not a valid JSON array of {what}{where}: {FirstSentence(ex.Message)}", line, position, ex.Path));
        }
    }

    private IResult TooLarge(long? length) => Results.Problem(
        title: "Request body too large",
        detail: $"The body is {(length is { } n ? $"{n:N0} bytes" : "larger than the limit")}; the limit is {maxBytes:N0} bytes (Api:MaxBodyBytes). Split the batch into smaller ones.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult BadJson(string detail, long? line, long? position, string? path) => Results.Problem(
        title: "Malformed JSON", detail: detail, statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["line"] = line, ["position"] = position, ["path"] = path });

    // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 1." with 0-based numbers; those are given above, 1-based.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
