using CsBot.Application.Delivery.Failures;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;

namespace CsBot.Host.Endpoints;

/// <summary>
/// The outbox as an admin sees it: what is queued, what failed and why. <c>GET /api/local/outbox?state=DeadLetter</c>
/// lists dead letters newest first; <c>GET /api/local/outbox/counts</c> gives the number per state;
/// <c>POST /api/local/outbox/{id}/retry</c> puts a dead letter back in the queue. Dead letters grouped by what must
/// be fixed: <c>GET /api/local/outbox/failures</c>, and <c>POST /api/local/outbox/retry?cause=...</c> requeues a whole
/// group (the key the admin-channel post names) or, with a bare code such as <c>not_in_channel</c>, every group of it.
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
        outbox.MapGet("/failures", (FailedDeliveries failures) => Results.Ok(failures.Groups().Select(ToFailure)));
        outbox.MapPost("/retry", (string? cause, FailedDeliveries failures) =>
        {
            if (string.IsNullOrWhiteSpace(cause))
                return Results.Problem(title: "Which cause?", statusCode: StatusCodes.Status400BadRequest,
                    detail: "'cause' is missing; give a cause key from GET /api/local/outbox/failures (e.g. not_in_channel:cs-enterprise) or a bare code (e.g. not_in_channel).");
            var retried = failures.Retry(cause);
            if (retried.Count == 0)
                return Results.Problem(title: "Nothing to retry", statusCode: StatusCodes.Status404NotFound,
                    detail: $"No dead letter has the cause '{cause}'; GET /api/local/outbox/failures lists the causes of those that do.");
            return Results.Ok(new RetryReply(cause.Trim(), retried.Sum(g => g.Count), [.. retried.Select(ToFailure)]));
        });
        return app;
    }

    /// <param name="Cause">What to pass as <c>cause</c> to retry this group.</param>
    public sealed record FailureItem(string Cause, string Code, int Count, string Recipients, string Sentence, DateTimeOffset LatestFailure, string? LastError,
        IReadOnlyList<string> Ids);

    public sealed record RetryReply(string Cause, int Retried, IReadOnlyList<FailureItem> Groups);

    private static FailureItem ToFailure(FailureGroup g) =>
        new(g.Cause.Key, g.Cause.Code, g.Count, g.Recipients, g.Sentence, g.LatestFailure, g.LastError, [.. g.Entries.Select(e => e.Id)]);

    private static OutboxItem ToItem(OutboxEntry e) => new(
        e.Id, e.IdempotencyKey, e.Message.Recipient.DisplayName, e.Message.Recipient.Key, e.Message.Message.Title, e.State,
        e.Attempts, e.LastError, e.NextAttemptAt, e.CreatedAt, e.DeliveredAt, e.DeadLetteredAt, e.Platform, e.PlatformMessageId);
}
