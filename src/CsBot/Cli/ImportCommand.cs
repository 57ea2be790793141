using System.CommandLine;
using CsBot.Application.Evaluation;
using CsBot.Application.Ingestion;
using CsBot.Host.Configuration;
using CsBot.Storage.LiteDb;
using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// import &lt;kind&gt; &lt;file.csv&gt; [--skip-invalid] [--url] [--api-key] [--batch-size]: reads a CSV file through the same
/// use case as the API (upsert, then rescore the changed accounts). Every error names the line, the column and the
/// reason; with any error nothing is written unless --skip-invalid. With CsBot stopped it writes the database file
/// itself; while CsBot runs (it holds the file) or with --url it sends the rows to that CsBot (<see cref="RunningHostImport"/>).
/// On PostgreSQL it always writes the shared database itself, running CsBots or not (<see cref="QueuedMessagesNote"/>).
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
        var url = new Option<Uri>("--url")
        {
            Description = "Send the rows to the running CsBot at this address (e.g. http://localhost:5080) instead of writing the database file. " +
                          "Also the setting Import:Url. Without either, a running CsBot is reached at the first of its Urls.",
        };
        var apiKey = new Option<string>("--api-key")
        {
            Description = "The API key (Access ReadWrite) for a running CsBot; better kept out of the command line in the setting Import:ApiKey " +
                          "(environment variable Import__ApiKey). Never printed.",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per request to a running CsBot.",
            DefaultValueFactory = _ => RunningHostImport.DefaultBatchSize,
        };
        batchSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch-size must be at least 1.");
        });
        var command = new Command("import",
            "Reads a CSV file into CsBot. Records are keyed by external ids, so importing a file again changes nothing, and the accounts " +
            "it changes are rescored and their rules evaluated at once. With CsBot stopped, the file is written into the database and " +
            "the alerts this raises wait in the outbox until CsBot next starts. On PostgreSQL (Storage:Provider) the file is written into " +
            "the shared database whether or not CsBots run, and the running ones deliver those alerts on their next delivery run. " +
            "While CsBot runs on its LiteDB file (it holds the database), or with --url, " +
            "the rows are checked here and then sent to the running CsBot's /api/v1 in batches with an API key (--api-key or Import:ApiKey); " +
            "it rescores and delivers at once. Nothing is sent while any row is invalid; a batch the running CsBot rejects stops the " +
            "import with the batches before it written, and importing the file again once fixed is safe.")
        {
            kind, file, skipInvalid, url, apiKey, batchSize,
        };
        command.SetAction(async (parse, ct) =>
        {
            var layout = CsvLayout.ByName[parse.GetRequiredValue(kind)];
            var path = parse.GetRequiredValue(file);
            var settings = context.CreateBuilder().Configuration;
            var key = parse.GetValue(apiKey) ?? Blank(settings[ImportApiKeySetting]);
            var address = parse.GetValue(url);
            if (address is null && Blank(settings[ImportUrlSetting]) is { } configured && !Uri.TryCreate(configured, UriKind.Absolute, out address))
            {
                context.Console.Error.WriteLine($"{ImportUrlSetting} is '{configured}', not an address; give the running CsBot's address, e.g. http://localhost:5080.");
                return ExitCodes.UsageOrConfiguration;
            }
            if (address is null && parse.GetValue(apiKey) is null)
            {
                ServiceProvider services;
                IngestAndRescoreService intake;
                StorageProvider store;
                try
                {
                    services = context.CreateServices();
                    store = services.GetRequiredService<CsBotSettings>().Store.Provider;
                    intake = ActivatorUtilities.CreateInstance<IngestAndRescoreService>(services, new DeliveryOnNextStart());
                }
                catch (DatabaseFileException ex) when (ex.InUse)
                {
                    // A running CsBot holds the file: send it the rows rather than refusing the import.
                    address = RunningHostAddress(settings["Urls"]);
                    if (key is null || address is null)
                    {
                        context.Console.Error.WriteLine(ex.Message);
                        context.Console.Error.WriteLine(
                            "To import while CsBot runs, give its API key (Access ReadWrite) with --api-key or the setting Import:ApiKey " +
                            "(environment variable Import__ApiKey), and its address with --url if it is not the first of Urls.");
                        return ExitCodes.UsageOrConfiguration;
                    }
                    context.Console.Error.WriteLine($"CsBot is running and holds the database file, so the rows go to it at {address}.");
                    return await SendAsync(layout, path, parse.GetValue(skipInvalid), address, key, parse.GetValue(batchSize), context.Console, ct);
                }
                using (services) return await RunAsync(layout, path, parse.GetValue(skipInvalid), intake, store, context.Console.Rich, ct);
            }
            address ??= RunningHostAddress(settings["Urls"]);
            if (key is null || address is null)
            {
                context.Console.Error.WriteLine(key is null
                    ? "Sending to a running CsBot needs its API key (Access ReadWrite): give --api-key, or the setting Import:ApiKey (environment variable Import__ApiKey)."
                    : "Sending to a running CsBot needs its address: give --url, or the setting Import:Url.");
                return ExitCodes.UsageOrConfiguration;
            }
            return await SendAsync(layout, path, parse.GetValue(skipInvalid), address, key, parse.GetValue(batchSize), context.Console, ct);
        });
        return command;
    }

    public const string ImportUrlSetting = "Import:Url";
    public const string ImportApiKeySetting = "Import:ApiKey";

    private static async Task<int> SendAsync(CsvLayout layout, string path, bool skipInvalid, Uri address, string key, int batchSize, CommandConsole console, CancellationToken ct)
    {
        using var http = RunningHostImport.Client(address, key);
        return await new RunningHostImport(http, batchSize).RunAsync(layout, path, skipInvalid, console, ct);
    }

    /// <summary>
    /// Where this machine reaches the CsBot that runs with these settings: the first of its Urls, with a wildcard host
    /// (http://*:5080, http://0.0.0.0:5080) read as localhost.
    /// </summary>
    public static Uri? RunningHostAddress(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return null;
        var local = System.Text.RegularExpressions.Regex.Replace(first, @"^(\w+://)(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", "${1}localhost");
        return Uri.TryCreate(local, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <param name="store">Where the rows went, which decides when the messages they queue are delivered.</param>
    public static async Task<int> RunAsync(CsvLayout layout, string path, bool skipInvalid, IngestAndRescoreService intake, StorageProvider store, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (Read(layout, path, console) is not { } rows) return ExitCodes.Failed;
        var errors = RowErrors(rows);

        IngestResult? result = null;
        EvaluationSummary? rescore = null;
        var sent = rows.Where(r => r.Errors.Count == 0).ToList();
        if (errors.Count == 0 || skipInvalid)
        {
            (result, rescore) = await intake.RunAsync(layout.Kind.ToString(), s => layout.Upsert(s, [.. sent.Select(r => r.Record)], skipInvalid), cancellationToken);
            errors.AddRange(result.Errors.Select(e => (sent[e.Index].Line, CsvLayout.ColumnOf(e.Field), e.Reason)));
        }

        var rejectedLines = PrintErrors(errors, console);

        var written = result is { Rejected: false } && (errors.Count == 0 || skipInvalid);
        console.Write(Counts(rows.Count, written ? result!.Inserted : 0, written ? result!.Updated : 0, written ? result!.Unchanged : 0, rejectedLines));

        if (!written && errors.Count > 0)
        {
            console.MarkupLine("[red]Nothing was written.[/] Fix the rows above, or add --skip-invalid to import the valid rows only.");
            return ExitCodes.Failed;
        }
        PrintWarnings(result!.Warnings, console);
        console.MarkupLine(Rescored(result!, rescore, store));
        return errors.Count > 0 ? ExitCodes.PartlyImported : ExitCodes.Ok;
    }

    /// <summary>
    /// Reads and checks the file: its rows, or null (after saying why) when the file is missing or unreadable as a
    /// whole. Row errors are left on the rows.
    /// </summary>
    internal static List<CsvImportFile.Row>? Read(CsvLayout layout, string path, IAnsiConsole console)
    {
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]No such file:[/] {path}");
            return null;
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

        if (file!.FileErrors.Count == 0) return file.Rows;
        foreach (var error in file.FileErrors) console.MarkupLineInterpolated($"[red]{path}: {error}.[/]");
        console.MarkupLine("[red]Nothing was written.[/]");
        return null;
    }

    internal static List<(long Line, string Column, string Reason)> RowErrors(IEnumerable<CsvImportFile.Row> rows) =>
        [.. rows.SelectMany(r => r.Errors.Select(e => (r.Line, e.Column, e.Reason)))];

    /// <summary>Prints the errors by line (the first 200) and returns how many lines they reject.</summary>
    internal static int PrintErrors(List<(long Line, string Column, string Reason)> errors, IAnsiConsole console)
    {
        foreach (var (line, column, reason) in errors.OrderBy(e => e.Line).Take(200))
            console.MarkupLineInterpolated($"[red]line {line}, column {column}:[/] {reason}");
        if (errors.Count > 200) console.MarkupLineInterpolated($"[red]... and {errors.Count - 200} more errors[/]");
        return errors.Select(e => e.Line).Distinct().Count();
    }

    /// <summary>Warnings about accepted records worth a look (an mrr that disagrees with the revenue events), the first 200.</summary>
    internal static void PrintWarnings(IReadOnlyList<RecordWarning> warnings, IAnsiConsole console)
    {
        foreach (var warning in warnings.Take(200))
            console.MarkupLineInterpolated($"[yellow]warning: account {warning.AccountExternalId}, {warning.Field}:[/] {warning.Reason}");
        if (warnings.Count > 200) console.MarkupLineInterpolated($"[yellow]... and {warnings.Count - 200} more warnings[/]");
    }

    internal static Table Counts(int rows, int inserted, int updated, int unchanged, int rejectedLines)
    {
        var table = new Table().AddColumns("Rows", "Inserted", "Updated", "Unchanged", "Rejected");
        table.AddRow(N(rows), N(inserted), N(updated), N(unchanged), N(rejectedLines));
        return table;
    }

    private static string Rescored(IngestResult result, EvaluationSummary? rescore, StorageProvider store) => (result.ChangedAccountIds.Count, rescore) switch
    {
        (0, _) => "Imported. No account changed, so none was rescored.",
        (var changed, null) => $"Imported. Rescoring the {N(changed)} changed accounts failed (see above); CsBot's next risk evaluation scores them.",
        (_, var r) => $"Imported. Rescored {N(r.AccountsScored)} changed accounts: {N(r.AlertsStarted)} new alerts, {N(r.AlertsResolved)} resolved. " +
                       (r.MessagesSent == 0 ? "No messages to send." : QueuedMessagesNote.For(store, r.MessagesSent)),
    };

    internal static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
