using CsBot.Application.Digest;
using CsBot.Chat.Local;
using CsBot.Core.Ports;

namespace CsBot.Host.Startup;

/// <summary>
/// <c>csbot digest preview [--segment Enterprise]</c>: prints the weekly digest and exits, without starting the web
/// host or the scheduler. Other arguments are settings, as for the bot itself.
/// </summary>
public static class DigestCommand
{
    public const string Usage = "Usage: dotnet run --project src/CsBot -- digest preview [--segment <segment>]";

    public static bool Matches(string[] args) => args.Length > 0 && string.Equals(args[0], "digest", StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || !string.Equals(args[1], "preview", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine(Usage);
            return 1;
        }
        string? segment = null;
        var settings = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (string.Equals(args[i], "--segment", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= args.Length) { error.WriteLine("--segment needs a value. " + Usage); return 1; }
                segment = args[++i];
            }
            else settings.Add(args[i]);
        }

        var builder = WebApplication.CreateBuilder([.. settings]);
        builder.AddCsBot();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var app = builder.Build();
        try
        {
            // A fresh database gets the demo portfolio first, exactly as the bot's first start would load it.
            if (app.Services.GetRequiredService<IPortfolioStore>().IsEmpty())
                ActivatorUtilities.CreateInstance<DemoDataSeeder>(app.Services).StartAsync(CancellationToken.None).GetAwaiter().GetResult();

            var digests = app.Services.GetRequiredService<DigestService>();
            var segments = digests.Segments();
            if (segment is not null && !segments.Contains(segment.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                error.WriteLine($"No accounts in segment '{segment}'. Segments: {string.Join(", ", segments)}.");
                return 1;
            }
            output.WriteLine(PlainTextRenderer.Render(digests.Preview(segment)));
            return 0;
        }
        catch (IOException ex)
        {
            // LiteDB direct mode opens the file exclusively, so a running bot holds it.
            error.WriteLine($"Cannot open the database ({ex.Message}). If CsBot is running, preview through it instead: GET /api/local/digest/preview");
            return 1;
        }
    }
}
