using System.Net.Http.Headers;

namespace CsBot.Host.Tests.Fuzz;

/// <summary>One request to send: where, what, and how to sign it (Slack signs the exact bytes of the body).</summary>
public sealed record FuzzRequest(string Surface, HttpMethod Method, string PathAndQuery, FuzzBody? Body = null)
{
    public Action<HttpRequestMessage, byte[]>? Sign { get; init; }

    public override string ToString() =>
        $"{Method} {Shorten(PathAndQuery, 200)}" + (Body is { } b ? $" [{b.Kind}, {b.ContentType ?? "no content type"}, {b.Bytes.Length} bytes] {Shorten(b.Preview, 300)}" : "");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

/// <summary>A request answered with a server error, or one whose handling threw out of the host.</summary>
public sealed record FuzzFinding(FuzzRequest Request, int Status, string Answer)
{
    public override string ToString() => $"{Request.Surface}: {Status} for {Request}\n    answer: {Answer[..Math.Min(Answer.Length, 1500)]}";
}

/// <summary>
/// Sends generated requests one after another and keeps every one the server answered with 5xx (or that threw out
/// of the server). It judges the status only; the caller compares the store before and after.
/// </summary>
public sealed class SurfaceFuzzer(HttpClient client)
{
    public async Task<IReadOnlyList<FuzzFinding>> RunAsync(IEnumerable<FuzzRequest> requests)
    {
        var findings = new List<FuzzFinding>();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
            if (request.Body is { } body)
            {
                message.Content = new ByteArrayContent(body.Bytes);
                message.Content.Headers.ContentType = null;
                if (body.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed)) message.Content.Headers.ContentType = parsed;
                else if (body.ContentType is { } raw) message.Content.Headers.TryAddWithoutValidation("Content-Type", raw);
            }
            request.Sign?.Invoke(message, request.Body?.Bytes ?? []);
            try
            {
                using var response = await client.SendAsync(message);
                if ((int)response.StatusCode >= 500)
                    findings.Add(new FuzzFinding(request, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ex.Message.Contains("HttpClient.Timeout", StringComparison.Ordinal))
            {
                // The in-memory test server rethrows what the app did not handle: on a real server that is a 500.
                findings.Add(new FuzzFinding(request, 500, ex.ToString()));
            }
        }
        return findings;
    }
}
