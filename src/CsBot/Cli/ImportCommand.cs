using System.CommandLine;
using CsBot.Application.Evaluation;
using CsBot.Application.Ingestion;
using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// import &lt;kind&gt; &lt;file.csv&gt; [--skip-invalid]: reads a CSV file through the same use case as the API (upsert,
/// then rescore the changed accounts). Every error names the line, the column and the reason; with any error nothing
/// is written unless --skip-invalid.
/// </summary>
public static class ImportCommand
{
    /// <summary>Files larger than this show a progress bar while they are read (on an interactive console).</summary>
    private const long ProgressFromBytes = 1024 * 1024;

    public static Command Create(CommandContext context)
    {
        var kind = CsvArguments.Kind("What the file holds.");
        var file = new Argument<string>("file") { Description = "The CSV file; samples/README.md describes the columns of each kind." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "When some rows are invalid, import the valid ones (exit code 3) instead of writing nothing (exit code 1)." };
        var command = new Command("import",
            "Reads a CSV file into the database, with CsBot stopped (the database is one process's at a time). Records are keyed by " +
            "external ids, so importing a file again changes nothing. The accounts it changes are rescored and their rules evaluated " +
            "at once; the alerts this raises or resolves wait in the outbox, and CsBot delivers them within seconds of its next start.")
        {
            kind, file, skipInvalid,
        };
        command.SetAction(async (parse, ct) =>
        {
            var layout = CsvLayout.ByName[parse.GetRequiredValue(kind)];
            using var services = context.CreateServices();
            var intake = ActivatorUtilities.CreateInstance<IngestAndRescoreService>(services, new DeliveryOnNextStart());
            return await RunAsync(layout, parse.GetRequiredValue(file), parse.GetValue(skipInvalid), intake, context.Console.Rich, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(CsvLayout layout, string path, bool skipInvalid, IngestAndRescoreService intake, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]No such file:[/] {path}");
            return ExitCodes.Failed;
        }

        CsvImportFile? file = null;
        if (new FileInfo(path).Length > ProgressFromBytes && console.Profile.Capabilities.Interactive)
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Reading {Path.GetFileName(path)}");
                file = CsvImportFile.Read(path, layout, p => task.Value = p);
                task.Value = 100;
            });
        else file = CsvImportFile.Read(path, layout, null);

        if (file!.FileErrors.Count > 0)
        {
            foreach (var error in file.FileErrors) console.MarkupLineInterpolated($"[red]{path}: {error}.[/]");
            console.MarkupLine("[red]Nothing was written.[/]");
            return ExitCodes.Failed;
        }
        var rows = file.Rows;

        var errors = new List<(long Line, string Column, string Reason)>();
        foreach (var (line, _, rowErrors) in rows)
            errors.AddRange(rowErrors.Select(e => (line, e.Column, e.Reason)));

        IngestResult? result = null;
        EvaluationSummary? rescore = null;
        var sent = rows.Where(r => r.Errors.Count == 0).ToList();
        if (errors.Count == 0 || skipInvalid)
        {
            (result, rescore) = await intake.RunAsync(layout.Kind.ToString(), s => layout.Upsert(s, [.. sent.Select(r => r.Record)], skipInvalid), cancellationToken);
            errors.AddRange(result.Errors.Select(e => (sent[e.Index].Line, CsvLayout.ColumnOf(e.Field), e.Reason)));
        }

        var rejectedLines = errors.Select(e => e.Line).Distinct().Count();
        foreach (var (line, column, reason) in errors.OrderBy(e => e.Line).Take(200))
            console.MarkupLineInterpolated($"[red]line {line}, column {column}:[/] {reason}");
        if (errors.Count > 200) console.MarkupLineInterpolated($"[red]... and {errors.Count - 200} more errors[/]");

        var written = result is { Rejected: false } && (errors.Count == 0 || skipInvalid);
        var table = new Table().AddColumns("Rows", "Inserted", "Updated", "Unchanged", "Rejected");
        table.AddRow(N(rows.Count), N(written ? result!.Inserted : 0), N(written ? result!.Updated : 0), N(written ? result!.Unchanged : 0), N(rejectedLines));
        console.Write(table);

        if (!written && errors.Count > 0)
        {
            console.MarkupLine("[red]Nothing was written.[/] Fix the rows above, or add --skip-invalid to import the valid rows only.");
            return ExitCodes.Failed;
        }
        foreach (var warning in result!.Warnings.Take(200))
            console.MarkupLineInterpolated($"[yellow]warning: account {warning.AccountExternalId}, {warning.Field}:[/] {warning.Reason}");
        if (result.Warnings.Count > 200) console.MarkupLineInterpolated($"[yellow]... and {result.Warnings.Count - 200} more warnings[/]");
        console.MarkupLine(Rescored(result, rescore));
        return errors.Count > 0 ? ExitCodes.PartlyImported : ExitCodes.Ok;
    }

    private static string Rescored(IngestResult result, EvaluationSummary? rescore) => (result.ChangedAccountIds.Count, rescore) switch
    {
        (0, _) => "Imported. No account changed, so none was rescored.",
        (var changed, null) => $"Imported. Rescoring the {N(changed)} changed accounts failed (see above); CsBot's next risk evaluation scores them.",
        (_, var r) => $"Imported. Rescored {N(r.AccountsScored)} changed accounts: {N(r.AlertsStarted)} new alerts, {N(r.AlertsResolved)} resolved. " +
                       (r.MessagesSent == 0 ? "No messages to send." : $"{N(r.MessagesSent)} messages wait in the outbox; CsBot delivers them when it next starts."),
    };

    private static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
