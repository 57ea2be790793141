using System.CommandLine;
using CsBot.Application.Digest;
using CsBot.Chat.Local;
using CsBot.Core.Ports;
using CsBot.Host.Startup;
using CsBot.Storage.LiteDb;

namespace CsBot.Host.Cli;

/// <summary>
/// <c>digest preview [--segment Enterprise]</c>: prints the weekly digest and exits, without starting the web host or
/// the scheduler.
/// </summary>
public static class DigestCommand
{
    public static Command Create(CommandContext context)
    {
        var segment = new Option<string>("--segment") { Description = "Only the accounts of this segment (e.g. Enterprise), as a channel subscribed for one segment gets it.", HelpName = "segment" };
        var preview = new Command("preview",
            "Prints this week's digest as a subscribed channel would get it, and exits. Sends nothing. With CsBot running, preview " +
            "through it instead (GET /api/local/digest/preview): the database is one process's at a time. A fresh database gets the " +
            "demo portfolio first, as the bot's first start would.")
        {
            segment,
        };
        preview.SetAction(parse => Preview(context, parse.GetValue(segment)));
        return new Command("digest", "The weekly health digest.") { preview };
    }

    private static int Preview(CommandContext context, string? segment)
    {
        var (output, error) = (context.Console.Output, context.Console.Error);
        using var services = context.CreateServices();
        try
        {
            // A fresh database gets the demo portfolio first, exactly as the bot's first start would load it.
            if (services.GetRequiredService<IPortfolioStore>().IsEmpty())
                ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).StartAsync(CancellationToken.None).GetAwaiter().GetResult();

            var digests = services.GetRequiredService<DigestService>();
            var segments = digests.Segments();
            if (segment is not null && !segments.Contains(segment.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                error.WriteLine($"No accounts in segment '{segment}'. Segments: {string.Join(", ", segments)}.");
                return ExitCodes.Failed;
            }
            output.WriteLine(PlainTextRenderer.Render(digests.Preview(segment)));
            return ExitCodes.Ok;
        }
        catch (DatabaseFileException ex)
        {
            // Most often a running bot holds the file; it answers the same preview over HTTP.
            error.WriteLine(ex.Message);
            error.WriteLine("If CsBot is running, preview through it instead: GET /api/local/digest/preview");
            return ExitCodes.UsageOrConfiguration;
        }
    }
}
