using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Records;

namespace CsBot.Host.Api;

/// <summary>POST /api/v1/{accounts,usage,tickets,surveys,invoices,revenue-events,renewal-outcomes}: keyed bulk upserts, then a rescore of the changed accounts and delivery of their alerts.</summary>
public static class IngestionEndpoints
{
    public static RouteGroupBuilder MapIngestionEndpoints(this RouteGroupBuilder api)
    {
        Map<AccountRecord>(api, "/accounts", "accounts", (s, r) => s.UpsertAccounts(r),
            ApiDescription.MrrRule + " " + ApiDescription.ChurnRule + " " + ApiDescription.TermRule);
        Map<UsageRecord>(api, "/usage", "usage days", (s, r) => s.UpsertUsage(r));
        Map<TicketRecord>(api, "/tickets", "tickets", (s, r) => s.UpsertTickets(r));
        Map<SurveyRecord>(api, "/surveys", "survey responses", (s, r) => s.UpsertSurveys(r));
        Map<InvoiceRecord>(api, "/invoices", "invoices", (s, r) => s.UpsertInvoices(r));
        Map<RevenueEventRecord>(api, "/revenue-events", "revenue events", (s, r) => s.UpsertRevenueEvents(r),
            ApiDescription.MrrRule + " " + ApiDescription.ChurnRule);
        Map<RenewalOutcomeRecord>(api, "/renewal-outcomes", "renewal outcomes", (s, r) => s.UpsertRenewalOutcomes(r), ApiDescription.RenewalRule);
        return api;
    }

    private static void Map<T>(RouteGroupBuilder api, string path, string what, Func<IngestionService, List<T>, IngestResult> upsert, string? description = null) =>
        api.MapPost(path, async (HttpRequest request, JsonBatchReader reader, IngestAndRescoreService intake, CancellationToken ct) =>
            {
                var (records, problem) = await reader.ReadAsync<T>(request, what, ct);
                if (problem is not null) return problem;

                // Upsert, rescore the changed accounts and deliver their alerts at once: the same use case as CSV import.
                var (result, summary) = await intake.RunAsync(what, s => upsert(s, records!), ct);
                if (result.Errors.Count > 0) return Invalid(result, what, records!.Count);
                return Results.Ok(new IngestResponse(path.TrimStart('/'), records!.Count, result.Inserted, result.Updated, result.Unchanged,
                    summary?.AccountsScored ?? 0, summary?.AlertsStarted ?? 0, summary?.AlertsResolved ?? 0) { Warnings = result.Warnings });
            })
            .Accepts<List<T>>("application/json")
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary($"Insert or update {what}; the same batch sent again changes nothing.")
            .WithDescription(description ?? $"Keyed by external ids: the same batch sent again changes nothing; with any invalid record nothing is written.");

    private static IResult Invalid(IngestResult result, string what, int received) => Results.Problem(
        title: "The batch was rejected; nothing was written",
        detail: $"{result.Errors.Select(e => e.Index).Distinct().Count()} of {received} {what} are invalid. Fix them and send the whole batch again.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
}
