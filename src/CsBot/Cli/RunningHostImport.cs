using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsBot.Application.Ingestion;
using CsBot.Host.Api;
using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// Imports a CSV file into a running CsBot, which holds the database, by sending its rows to the host's /api/v1 in
/// batches with an API key: the host checks, writes and rescores each batch exactly as it does for any API client,
/// and delivers the alerts this raises at once. The file is read and checked here first, with the same line and column
/// errors as a direct import, and a key given on two lines of the file is an error here, as it is within one batch
/// (<see cref="CsvDuplicateRows"/>); nothing is sent while any row is invalid. A batch the host rejects (an account it
/// does not know) stops the import; the batches before it stay written, and since every record is keyed (external id,
/// or account and date), importing the whole file again after fixing it is safe. Busy answers (429, 502, 503, 504) and lost connections
/// are retried, after Retry-After when the host gives one; any other refusal stops at once.
/// </summary>
public sealed class RunningHostImport(HttpClient http, int batchSize, Func<TimeSpan, CancellationToken, Task>? wait = null)
{
    public const int DefaultBatchSize = 1000;
    private const int MaxAttempts = 6;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    // The API's own shape (camelCase, fields left out when empty), so the host reads each record as the CSV row meant it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Func<TimeSpan, CancellationToken, Task> _wait = wait ?? Task.Delay;

    /// <summary>The endpoint of a kind under /api/v1, named after it: RevenueEvents is revenue-events.</summary>
    public static string PathOf(IngestKind kind) =>
        "api/v1/" + string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public static HttpClient Client(Uri baseAddress, string apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async Task<int> RunAsync(CsvLayout layout, string path, bool skipInvalid, CommandConsole console, CancellationToken cancellationToken)
    {
        var rich = console.Rich;
        if (ImportCommand.Read(layout, path, rich) is not { } rows) return ExitCodes.Failed;
        // The host checks keys within each batch only: a key repeated in a later batch would overwrite silently.
        CsvDuplicateRows.Mark(rows);
        var errors = ImportCommand.RowErrors(rows);
        if (errors.Count > 0 && !skipInvalid)
        {
            rich.Write(ImportCommand.Counts(rows.Count, 0, 0, 0, ImportCommand.PrintErrors(errors, rich)));
            rich.MarkupLine("[red]Nothing was sent to CsBot, so nothing was written.[/] Fix the rows above, or add --skip-invalid to import the valid rows only.");
            return ExitCodes.Failed;
        }

        var valid = rows.Where(r => r.Errors.Count == 0).ToList();
        var endpoint = PathOf(layout.Kind);
        var progress = new ImportProgress(console.Error, console.ErrorIsTerminal, layout.Kind.ToString().ToLowerInvariant(), valid.Count);
        var (inserted, updated, unchanged, rescored, started, resolved, writtenRows, batches) = (0, 0, 0, 0, 0, 0, 0, 0);
        long? lastWrittenLine = null;
        var warnings = new List<RecordWarning>();

        for (var offset = 0; offset < valid.Count; offset += batchSize)
        {
            var batch = valid.Skip(offset).Take(batchSize).ToList();
            var size = batch.Count;
            while (true)
            {
                var outcome = await SendAsync(endpoint, batch, progress, cancellationToken);
                if (outcome.Response is { } ok)
                {
                    (inserted, updated, unchanged) = (inserted + ok.Inserted, updated + ok.Updated, unchanged + ok.Unchanged);
                    (rescored, started, resolved) = (rescored + ok.AccountsRescored, started + ok.AlertsStarted, resolved + ok.AlertsResolved);
                    warnings.AddRange(ok.Warnings);
                    writtenRows += batch.Count;
                    batches++;
                    if (batch.Count > 0) lastWrittenLine = batch[^1].Line;
                    break;
                }
                if (outcome.Rejected is { } rejected)
                {
                    errors.AddRange(rejected.Select(e => (batch[e.Index].Line, CsvLayout.ColumnOf(e.Field), e.Reason)));
                    if (!skipInvalid) return Stopped(errors, rows.Count, inserted, updated, unchanged, writtenRows, lastWrittenLine, progress, console, ExitCodes.Failed, null);
                    // The host writes nothing of a batch with an invalid record: send the batch again without those.
                    var bad = rejected.Select(e => e.Index).ToHashSet();
                    batch = [.. batch.Where((_, i) => !bad.Contains(i))];
                    if (batch.Count == 0) break;
                    continue;
                }
                return Stopped(errors, rows.Count, inserted, updated, unchanged, writtenRows, lastWrittenLine, progress, console, outcome.ExitCode, outcome.Message);
            }
            progress.Advance(size);
        }
        progress.Done();

        var rejectedLines = ImportCommand.PrintErrors(errors, rich);
        rich.Write(ImportCommand.Counts(rows.Count, inserted, updated, unchanged, rejectedLines));
        ImportCommand.PrintWarnings(warnings, rich);
        rich.MarkupLine(Markup.Escape($"Imported into the running CsBot at {http.BaseAddress}. " + (rescored == 0
            ? "No account changed, so none was rescored."
            : (batches == 1 ? $"Rescored {ImportCommand.N(rescored)} changed accounts: " : $"Rescored the changed accounts of each of {ImportCommand.N(batches)} batches ({ImportCommand.N(rescored)} rescorings): ") +
              $"{ImportCommand.N(started)} new alerts, {ImportCommand.N(resolved)} resolved; CsBot delivers their messages now.")));
        return errors.Count > 0 ? ExitCodes.PartlyImported : ExitCodes.Ok;
    }

    private static int Stopped(List<(long Line, string Column, string Reason)> errors, int rows, int inserted, int updated, int unchanged, int writtenRows,
        long? lastWrittenLine, ImportProgress progress, CommandConsole console, int exitCode, string? message)
    {
        progress.Done();
        var rich = console.Rich;
        var rejectedLines = ImportCommand.PrintErrors(errors, rich);
        // Plain on stderr: a nightly job's log keeps the whole reason on one line.
        if (message is not null) console.Error.WriteLine(message);
        rich.Write(ImportCommand.Counts(rows, inserted, updated, unchanged, rejectedLines));
        if (writtenRows == 0)
            rich.MarkupLine("[red]The import stopped and nothing was written.[/]");
        else
            rich.MarkupLine($"[red]The import stopped after {ImportCommand.N(writtenRows)} rows (up to line {lastWrittenLine}); those were written, the rest were not.[/] " +
                            "Records are keyed (by external id, or account and date), so importing the whole file again once it is fixed is safe: the rows already written stay unchanged.");
        return exitCode;
    }

    private sealed record Outcome(IngestResponse? Response, List<RecordError>? Rejected, int ExitCode, string? Message);

    private async Task<Outcome> SendAsync(string endpoint, List<CsvImportFile.Row> batch, ImportProgress progress, CancellationToken cancellationToken)
    {
        var records = batch.Select(r => r.Record).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var retry = attempt < MaxAttempts;
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(endpoint, JsonContent.Create(records, options: Json), cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var why = ex is HttpRequestException ? ex.Message : "no answer in time";
                if (!retry) return new Outcome(null, null, ExitCodes.Failed, $"CsBot at {http.BaseAddress} cannot be reached ({why}), after {MaxAttempts} attempts.");
                await Pause(Backoff(attempt), $"CsBot at {http.BaseAddress} cannot be reached ({why})", progress, cancellationToken);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new Outcome(await response.Content.ReadFromJsonAsync<IngestResponse>(Json, cancellationToken), null, ExitCodes.Ok, null);
                if (status is 429 or 502 or 503 or 504 && retry)
                {
                    await Pause(RetryAfter(response) ?? Backoff(attempt), $"CsBot answered {status} ({response.ReasonPhrase})", progress, cancellationToken);
                    continue;
                }
                var problem = await Problem(response, cancellationToken);
                if (response.StatusCode == HttpStatusCode.UnprocessableEntity && problem.Errors is { Count: > 0 } errors) return new Outcome(null, errors, ExitCodes.Failed, null);
                var said = string.Join(" ", new[] { problem.Title, problem.Detail }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.TrimEnd('.') + "."));
                var text = $"CsBot at {http.BaseAddress} refused the import with {status} ({response.ReasonPhrase}): {said}";
                return response.StatusCode switch
                {
                    // The key itself is wrong or read-only: a configuration problem, fixed by giving another key.
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new Outcome(null, null, ExitCodes.UsageOrConfiguration,
                        text + " Give a key with Access ReadWrite (one of the host's Api:Keys) with --api-key or Import:ApiKey."),
                    HttpStatusCode.RequestEntityTooLarge => new Outcome(null, null, ExitCodes.Failed, text + " Send smaller batches with --batch-size."),
                    HttpStatusCode.NotFound => new Outcome(null, null, ExitCodes.Failed, text + $" Is CsBot the server at {http.BaseAddress}, and does it accept {endpoint}?"),
                    _ => new Outcome(null, null, ExitCodes.Failed, text),
                };
            }
        }
    }

    private async Task Pause(TimeSpan delay, string why, ImportProgress progress, CancellationToken cancellationToken)
    {
        progress.Note($"{why}; retrying in {delay.TotalSeconds:0} s.");
        await _wait(delay, cancellationToken);
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, attempt - 1)));

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } w) return null;
        return w < TimeSpan.Zero ? TimeSpan.Zero : w > MaxWait ? MaxWait : w;
    }

    private sealed record ProblemBody(string? Title, string? Detail, List<RecordError>? Errors);

    private static async Task<ProblemBody> Problem(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken) ?? new ProblemBody(null, null, null);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // Not a problem document (a proxy's HTML page): the status line says enough.
            return new ProblemBody(null, null, null);
        }
    }
}
