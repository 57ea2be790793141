using CsBot.Core.Ports;
using CsBot.Core.Signals;
using CsvHelper;
using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// export &lt;kind&gt; &lt;file.csv&gt; [--accounts N] [--demo]: writes the stored data (or, with --demo, the demo
/// portfolio) in the layout import reads, so an export re-imports unchanged. Accounts are taken in id order.
/// </summary>
public static class ExportCommand
{
    public static int Run(CsvLayout layout, string path, IEnumerable<AccountSignals> portfolio, int? accounts, string currency, IAnsiConsole console)
    {
        var selected = accounts is { } n ? portfolio.Take(n) : portfolio;
        var rows = 0;
        var count = 0;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using (var stream = File.Create(path))
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }))
        {
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
        if (count == 0)
        {
            console.MarkupLine("[yellow]No accounts to export:[/] the store is empty. Run CsBot once (it loads the demo portfolio), import accounts, or add --demo.");
            return 1;
        }
        console.MarkupLineInterpolated($"Wrote {rows:N0} {layout.Kind} rows of {count:N0} accounts to {path}.");
        return 0;
    }

    public static IEnumerable<AccountSignals> Stored(IPortfolioStore store) => store.LoadAllSignals();
}
