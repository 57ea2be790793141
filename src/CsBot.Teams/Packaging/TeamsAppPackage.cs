using System.IO.Compression;

namespace CsBot.Teams.Packaging;

/// <summary>
/// The Teams app package: manifests/teams/manifest.json with its placeholders filled, plus the two icons, zipped
/// at the root as Teams expects. The files are embedded in this assembly, so the package builds from anywhere.
/// </summary>
public static class TeamsAppPackage
{
    public const string AppIdPlaceholder = "{{MICROSOFT_APP_ID}}";
    public const string HostPlaceholder = "{{PUBLIC_HOST}}";
    public static readonly IReadOnlyList<string> Files = ["manifest.json", "color.png", "outline.png"];

    public static string Manifest(string appId, string publicHost) =>
        ReadText("manifest.json").Replace(AppIdPlaceholder, appId, StringComparison.Ordinal).Replace(HostPlaceholder, publicHost, StringComparison.Ordinal);

    public static void Write(Stream destination, string appId, string publicHost)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in Files)
        {
            // A fixed timestamp, so the same settings always give the same bytes.
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var output = entry.Open();
            if (name == "manifest.json")
            {
                using var writer = new StreamWriter(output);
                writer.Write(Manifest(appId, publicHost));
            }
            else
            {
                using var input = Open(name);
                input.CopyTo(output);
            }
        }
    }

    private static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    private static Stream Open(string name) =>
        typeof(TeamsAppPackage).Assembly.GetManifestResourceStream("CsBot.Teams.Manifest." + name)
        ?? throw new InvalidOperationException($"The Teams app file {name} is missing from the build.");
}
