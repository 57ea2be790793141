using CsBot.Application.Ingestion;
using CsBot.Application.Time;
using CsBot.DemoData;
using CsBot.Host.Configuration;
using CsBot.Storage.LiteDb;
using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// Commands that run without the web host: import and export of CSV files. <see cref="TryRun"/> returns null when the
/// arguments are not a command, and the host starts as usual. Settings come from the same places as the host's
/// (appsettings.json, environment, --Key=value options), so the configured LiteDB file is used.
/// </summary>
public static class CommandLine
{
    private const string Usage = "usage: import <accounts|usage|tickets|surveys|invoices|revenue> <file.csv> [--skip-invalid]\n       export <accounts|usage|tickets|surveys|invoices|revenue> <file.csv> [--accounts N] [--demo]";

    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("import" or "export")) return null;
        var options = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(options)
            .Build();
        return Run(args, configuration, AnsiConsole.Console);
    }

    /// <summary>Runs a command with the given configuration and console: the entry point tests use.</summary>
    public static int Run(string[] args, IConfiguration configuration, IAnsiConsole console)
    {
        var positional = new List<string>();
        bool skipInvalid = false, demo = false;
        int? accounts = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--skip-invalid") skipInvalid = true;
            else if (arg == "--demo") demo = true;
            else if (arg == "--accounts" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0) accounts = n;
            else if (arg == "--accounts") return Fail(console, "--accounts needs a positive whole number, e.g. --accounts 20");
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=')) continue;
            else if (arg.StartsWith("--", StringComparison.Ordinal)) return Fail(console, $"unknown option {arg}");
            else positional.Add(arg);
            if (arg == "--accounts") i++;
        }
        if (positional.Count != 3 || !CsvLayout.ByName.TryGetValue(positional[1], out var layout)) return Fail(console, Usage);

        var settings = SettingsLoader.Load(configuration);
        var clock = new BusinessClock(TimeProvider.System, settings.Application.TimeZone);
        if (positional[0] == "export" && demo)
            return ExportCommand.Run(layout, positional[2], DemoPortfolio.Generate(clock.Today, accounts ?? settings.Host.Demo.AccountCount, settings.Host.Demo.Seed), accounts, settings.Application.Metrics.Currency, console);

        LiteDbContext context;
        try
        {
            context = new LiteDbContext(settings.Storage.DatabasePath);
        }
        catch (IOException ex)
        {
            return Fail(console, $"cannot open {settings.Storage.DatabasePath} ({ex.Message}). Stop CsBot first: the database file is used by one process at a time.");
        }
        using (context)
        {
            var store = new LiteDbPortfolioStore(context);
            if (positional[0] == "export")
                return ExportCommand.Run(layout, positional[2], store.LoadAllSignals(), accounts, settings.Application.Metrics.Currency, console);
            return ImportCommand.Run(layout, positional[2], skipInvalid, new IngestionService(store, settings.Application.Metrics, clock), console);
        }
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}[/]");
        return 1;
    }
}
