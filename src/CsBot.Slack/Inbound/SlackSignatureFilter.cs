using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// Runs before every Slack endpoint: buffers the raw body (the signature covers its exact bytes), verifies it,
/// and answers 401 with a log line when it does not check out, so no handler ever sees an unverified request.
/// </summary>
public sealed class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    /// <summary>Slack payloads are a few kilobytes; anything far larger is not from Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;
    private const string BodyKey = "CsBot.Slack.Body";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Rejected Slack request to {Path}: body larger than {Max} bytes", http.Request.Path, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var check = verifier.Verify(http.Request.Headers[SlackSignatureVerifier.TimestampHeader], http.Request.Headers[SlackSignatureVerifier.SignatureHeader], body);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Rejected Slack request to {Path} from {Remote}: {Reason}", http.Request.Path, http.Connection.RemoteIpAddress, Explain(check));
            return Results.Text("Request signature could not be verified.", statusCode: StatusCodes.Status401Unauthorized);
        }
        http.Items[BodyKey] = body;
        return await next(context);
    }

    public static byte[] VerifiedBody(HttpContext http) =>
        http.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("Slack endpoints must run behind SlackSignatureFilter.");

    private static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.MissingHeaders => "no X-Slack-Signature / X-Slack-Request-Timestamp headers",
        SignatureCheck.StaleTimestamp => "timestamp missing or more than 5 minutes from now (replay, or this server's clock is wrong)",
        _ => "signature does not match (wrong Slack:SigningSecret, or the body was altered)",
    };

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return buffer.ToArray();
    }
}
