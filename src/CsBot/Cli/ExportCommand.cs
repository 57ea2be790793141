using System.CommandLine;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Signals;
using CsBot.DemoData;
using CsBot.Host.Configuration;
using CsvHelper;
using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// export &lt;kind&gt; &lt;file.csv&gt; [--accounts N] [--demo]: writes the stored data (or, with --demo, the demo
/// portfolio) in the layout import reads, so an export re-imports unchanged. Accounts are taken in id order.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var kind = CsvArguments.Kind("What to write.");
        var file = new Argument<string>("file") { Description = "The CSV file to write (replaced if it exists)." };
        var accounts = new Option<int?>("--accounts") { Description = "Only the first N accounts (in id order).", HelpName = "N" };
        accounts.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0) r.AddError("--accounts needs a positive whole number, e.g. --accounts 20");
        });
        var demo = new Option<bool>("--demo") { Description = "Export the generated demo portfolio (Demo:AccountCount, Demo:Seed) instead of the database." };
        var command = new Command("export",
            "Writes the stored accounts or one kind of their signals to a CSV file in the layout import reads, with CsBot stopped " +
            "(the database is one process's at a time; --demo needs no database).")
        {
            kind, file, accounts, demo,
        };
        command.SetAction(parse =>
        {
            var layout = CsvLayout.ByName[parse.GetRequiredValue(kind)];
            var path = parse.GetRequiredValue(file);
            var count = parse.GetValue(accounts);
            using var services = context.CreateServices();
            var settings = services.GetRequiredService<CsBotSettings>();
            var portfolio = parse.GetValue(demo)
                ? DemoPortfolio.Generate(services.GetRequiredService<BusinessClock>().Today, count ?? settings.Host.Demo.AccountCount, settings.Host.Demo.Seed)
                : services.GetRequiredService<IPortfolioStore>().LoadAllSignals();
            return Run(layout, path, portfolio, count, settings.Application.Metrics.Currency, context.Console.Rich);
        });
        return command;
    }

    public static int Run(CsvLayout layout, string path, IEnumerable<AccountSignals> portfolio, int? accounts, string currency, IAnsiConsole console)
    {
        var selected = accounts is { } n ? portfolio.Take(n) : portfolio;
        var rows = 0;
        var count = 0;
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using var stream = File.Create(path);
            using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" });
            csv.WriteHeader(layout.Columns);
            foreach (var signals in selected)
            {
                count++;
                foreach (var row in layout.Rows(signals, currency))
                {
                    foreach (var field in row) csv.WriteField(field);
                    csv.EndRecord();
                    rows++;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot write {path}:[/] {ex.Message}");
            return ExitCodes.Failed;
        }
        if (count == 0)
        {
            console.MarkupLine("[yellow]No accounts to export:[/] the store is empty. Run CsBot once (it loads the demo portfolio), import accounts, or add --demo.");
            return ExitCodes.Failed;
        }
        console.MarkupLineInterpolated($"Wrote {rows:N0} {layout.Kind} rows of {count:N0} accounts to {path}.");
        return ExitCodes.Ok;
    }
}
