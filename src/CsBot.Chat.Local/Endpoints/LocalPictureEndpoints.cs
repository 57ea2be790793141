using CsBot.Application.Pictures;
using CsBot.Core.Messaging;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// The pictures that follow a local answer: the playground shows an answer's text as soon as it has it, then asks
/// here for each chart the answer names (<see cref="ChatMessage.FollowedBy"/>) and adds it below. Alerts and digests
/// delivered to the local chat carry theirs already drawn, through the outbox as on Slack and Teams.
/// </summary>
public static class LocalPictureEndpoints
{
    public static IEndpointRouteBuilder MapLocalPictureEndpoints(this IEndpointRouteBuilder app)
    {
        // GET /api/local/pictures?kind=HealthTrend&subject=a-1042: the drawn picture as a message (PNG in base64, alt text).
        app.MapGet("/api/local/pictures", async (string? kind, string? subject, PictureDelivery pictures, CancellationToken ct) =>
        {
            if (!Enum.TryParse<PictureKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Results.Problem(title: "Unknown picture", detail: $"kind is one of {string.Join(", ", Enum.GetNames<PictureKind>())}.", statusCode: StatusCodes.Status400BadRequest);
            var (drawn, error) = await pictures.DrawAsync(new PictureRequest(parsed, subject ?? ""), ct);
            return drawn is null
                ? Results.Problem(title: "No picture", detail: error, statusCode: pictures.CanDraw ? StatusCodes.Status404NotFound : StatusCodes.Status503ServiceUnavailable)
                : Results.Ok(drawn);
        });
        return app;
    }
}
