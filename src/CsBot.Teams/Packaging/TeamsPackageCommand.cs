using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace CsBot.Teams.Packaging;

/// <summary>
/// <c>teams package [--out csbot-teams.zip]</c>: builds the Teams app package from Teams:MicrosoftAppId and
/// Teams:PublicHost. The host lists it beside its own commands and hands it the bot's configuration. Exit codes, as in
/// the host's one table: 0 written, 1 the file could not be written, 2 a setting is missing or wrong (the message says
/// which and how to fix it).
/// </summary>
public static class TeamsPackageCommand
{
    public const string DefaultFile = "csbot-teams.zip";

    /// <summary>The <c>teams</c> command with its <c>package</c> subcommand.</summary>
    /// <param name="configuration">The bot's configuration, read when the command runs.</param>
    public static Command Create(Func<IConfiguration> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var outPath = new Option<string>("--out", "-o")
        {
            Description = "Where to write the zip.",
            HelpName = "file",
            DefaultValueFactory = _ => DefaultFile,
        };
        var package = new Command("package",
            "Builds the Teams app package (manifest with Teams:MicrosoftAppId and Teams:PublicHost, and the icons) to upload in " +
            "Teams: Apps > Manage your apps > Upload an app.")
        {
            outPath,
        };
        package.SetAction(parse => Run(parse.GetRequiredValue(outPath), configuration(), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return new Command("teams", "Microsoft Teams.") { package };
    }

    private static int Run(string outPath, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var options = new TeamsOptions();
        configuration.GetSection(TeamsOptions.SectionName).Bind(options);
        var problems = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
            problems.Add($"Teams:MicrosoftAppId is '{options.MicrosoftAppId}'; set it to the Microsoft App ID (a GUID) of your Azure Bot, e.g. --Teams:MicrosoftAppId 00000000-0000-0000-0000-000000000000.");
        var host = options.PublicHost?.Trim();
        if (string.IsNullOrEmpty(host) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            problems.Add($"Teams:PublicHost is '{options.PublicHost}'; set the host name CsBot is reached at, without https:// or a path, e.g. --Teams:PublicHost csbot.example.com.");
        if (problems.Count > 0)
        {
            error.WriteLine("Cannot build the Teams app package:");
            foreach (var problem in problems) error.WriteLine("  - " + problem);
            return 2;
        }

        var fullPath = Path.GetFullPath(outPath);
        try
        {
            var directory = Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using (var file = File.Create(fullPath))
                TeamsAppPackage.Write(file, options.MicrosoftAppId!.Trim(), host!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write {fullPath}: {ex.Message}");
            return 1;
        }

        output.WriteLine($"Wrote {fullPath} for app {options.MicrosoftAppId!.Trim()} at https://{host}/api/messages.");
        output.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app (or in the Teams admin center).");
        return 0;
    }
}
