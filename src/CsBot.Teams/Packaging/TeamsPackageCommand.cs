using Microsoft.Extensions.Configuration;

namespace CsBot.Teams.Packaging;

/// <summary>
/// <c>csbot teams package [--out csbot-teams.zip]</c>: builds the Teams app package from Teams:MicrosoftAppId and
/// Teams:PublicHost. Exit codes: 0 written, 2 a setting or argument is missing or wrong (the message says which), 1 the file could not be written.
/// </summary>
public static class TeamsPackageCommand
{
    public const string DefaultFile = "csbot-teams.zip";

    public static bool Matches(string[] args) => args is ["teams", "package", ..];

    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var outPath = DefaultFile;
        var rest = args.Skip(2).ToArray();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] is "--out" or "-o" && i + 1 < rest.Length) outPath = rest[++i];
            else if (rest[i].StartsWith("--out=", StringComparison.Ordinal)) outPath = rest[i]["--out=".Length..];
            // Any other --Key value / --Key=value is a setting, already read into the configuration.
            else if (rest[i].StartsWith("--", StringComparison.Ordinal) && rest[i].Length > 2)
            {
                if (!rest[i].Contains('=')) i++;
            }
            else
            {
                error.WriteLine($"Unknown argument '{rest[i]}'. Usage: teams package [--out {DefaultFile}]");
                return 2;
            }
        }

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
