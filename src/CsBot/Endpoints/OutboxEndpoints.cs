using CsBot.Core.Outbox;
using CsBot.Core.Ports;

namespace CsBot.Host.Endpoints;

/// <summary>
/// The outbox as an admin sees it: what is queued, what failed and why. <c>GET /api/local/outbox?state=DeadLetter</c>
/// lists dead letters newest first; <c>GET /api/local/outbox/counts</c> gives the number per state;
/// <c>POST /api/local/outbox/{id}/retry</c> puts a dead letter back in the queue.
/// </summary>
public static class OutboxEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public sealed record OutboxItem(
        string Id, string Key, string Recipient, string RecipientKey, string Title, OutboxState State, int Attempts,
        string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt,
        DateTimeOffset? DeadLetteredAt, string? Platform, string? PlatformMessageId);

    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var outbox = app.MapGroup("/api/local/outbox");
        outbox.MapGet("/", (string? state, int? limit, IOutboxStore store) =>
        {
            OutboxState? filter = null;
            if (!string.IsNullOrWhiteSpace(state))
            {
                if (!Enum.TryParse<OutboxState>(state, ignoreCase: true, out var parsed) || int.TryParse(state, out _))
                    return Results.Problem(title: "Unknown outbox state",
                        detail: $"'{state}' is not an outbox state; use one of {string.Join(", ", Enum.GetNames<OutboxState>())}.",
                        statusCode: StatusCodes.Status400BadRequest);
                filter = parsed;
            }
            if (limit is < 1 or > MaxLimit)
                return Results.Problem(title: "Bad limit", detail: $"limit is {limit}; use 1 to {MaxLimit} (default {DefaultLimit}).",
                    statusCode: StatusCodes.Status400BadRequest);

            return Results.Ok(store.List(filter, limit ?? DefaultLimit).Select(ToItem));
        });
        outbox.MapGet("/counts", (IOutboxStore store) => Results.Ok(store.Counts()));
        // After fixing what made a message fail (a channel the bot was not in, a revoked token), send it again.
        outbox.MapPost("/{id}/retry", (string id, IOutboxStore store, TimeProvider time) =>
        {
            if (store.Get(id) is not { } entry)
                return Results.Problem(title: "No such outbox entry", detail: $"There is no outbox entry '{id}'.", statusCode: StatusCodes.Status404NotFound);
            if (!store.Requeue(id, time.GetUtcNow()))
                return Results.Problem(title: "Not a dead letter", detail: $"Entry '{id}' is {entry.State}; only dead letters can be retried.", statusCode: StatusCodes.Status409Conflict);
            return Results.Ok(ToItem(store.Get(id)!));
        });
        return app;
    }

    private static OutboxItem ToItem(OutboxEntry e) => new(
        e.Id, e.IdempotencyKey, e.Message.Recipient.DisplayName, e.Message.Recipient.Key, e.Message.Message.Title, e.State,
        e.Attempts, e.LastError, e.NextAttemptAt, e.CreatedAt, e.DeliveredAt, e.DeadLetteredAt, e.Platform, e.PlatformMessageId);
}
