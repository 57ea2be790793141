using CsBot.Application.Digest;
using CsBot.Chat.Local;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Host.Endpoints;

/// <summary>Preview the weekly digest as a channel would get it, without sending anything.</summary>
public static class DigestEndpoints
{
    public sealed record DigestPreview(string? Channel, string? Segment, string? IdempotencyKey, string Title, string Text, ChatMessage Message);

    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/local/digest/preview", (string? channel, string? segment, DigestService digests, IDigestSubscriptions subscriptions) =>
        {
            string? key = null;
            if (!string.IsNullOrWhiteSpace(channel))
            {
                if (subscriptions.Find(channel) is not { } subscription)
                {
                    var known = subscriptions.GetAll().Select(s => s.Channel).ToList();
                    return Results.Problem(
                        title: "Channel not subscribed",
                        detail: $"No digest subscription for '{channel}'. " + (known.Count == 0 ? "No channel is subscribed; add one under Digest:Subscriptions." : $"Subscribed: {string.Join(", ", known)}."),
                        statusCode: StatusCodes.Status404NotFound);
                }
                // The channel's own segment applies unless the caller asks for another.
                segment = string.IsNullOrWhiteSpace(segment) ? subscription.Segment : segment;
                key = digests.KeyFor(subscription);
            }
            if (!string.IsNullOrWhiteSpace(segment) && !digests.Segments().Contains(segment.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return Results.Problem(
                    title: "Unknown segment",
                    detail: $"No accounts in segment '{segment.Trim()}'. Segments: {string.Join(", ", digests.Segments())}.",
                    statusCode: StatusCodes.Status404NotFound);
            }
            var message = digests.Preview(segment);
            return Results.Ok(new DigestPreview(channel, string.IsNullOrWhiteSpace(segment) ? null : segment.Trim(), key, message.Title, PlainTextRenderer.Render(message), message));
        });
        return app;
    }
}
