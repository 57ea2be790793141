using CsBot.Application.Delivery;
using CsBot.Application.Evaluation;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Ingestion;

/// <summary>
/// A batch of data in, whichever way it came (the API, a CSV import): it is upserted, the accounts it changed are
/// rescored and their rules evaluated at once, and the alerts this starts or resolves are handed to delivery straight
/// away rather than at the next delivery poll.
/// </summary>
public sealed class IngestAndRescoreService(
    IngestionService ingestion,
    RiskEvaluationService evaluation,
    IDeliveryTrigger delivery,
    ILogger<IngestAndRescoreService> logger)
{
    /// <param name="what">What the batch holds ("usage days"), for the log.</param>
    /// <param name="upsert">The upsert of the batch, e.g. <c>s =&gt; s.UpsertUsage(records)</c>.</param>
    public async Task<IngestOutcome> RunAsync(string what, Func<IngestionService, IngestResult> upsert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upsert);
        var result = upsert(ingestion);
        // A rejected batch wrote nothing, so it changed no account.
        if (result.ChangedAccountIds.Count == 0) return new IngestOutcome(result, null);

        EvaluationSummary summary;
        try
        {
            // The accounts as just saved are scored as they are, not read back.
            summary = result.Saved.Count > 0
                ? await evaluation.RunForSavedAsync(result.Saved, cancellationToken)
                : await evaluation.RunForAccountsAsync(result.ChangedAccountIds, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The data is saved; the next scheduled evaluation scores these accounts anyway.
            logger.LogError(ex, "Rescoring {Count} accounts after ingesting {What} failed", result.ChangedAccountIds.Count, what);
            return new IngestOutcome(result, null);
        }

        if (summary.MessagesSent > 0)
        {
            try
            {
                await delivery.DeliverSoonAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The messages are in the outbox; the next delivery poll sends them.
                logger.LogWarning(ex, "Asking for delivery after ingesting {What} failed; the next delivery poll sends the {Count} queued messages", what, summary.MessagesSent);
            }
        }
        return new IngestOutcome(result, summary);
    }
}
