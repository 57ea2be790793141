using System.Xml.Linq;

namespace CsBot.Architecture.Tests;

/// <summary>What a project file says it depends on: other projects, packages, frameworks, assemblies by path.</summary>
public sealed record ProjectFile(
    string Name,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> Frameworks,
    IReadOnlyList<string> Assemblies,
    bool UsesBotFramework)
{
    /// <summary>Every reference of any kind, as written.</summary>
    public IEnumerable<string> AllReferences => [.. Projects, .. Packages, .. Frameworks, .. Assemblies, .. UsesBotFramework ? ["UseBotFramework"] : Array.Empty<string>()];

    public static ProjectFile Load(string path)
    {
        var xml = XDocument.Load(path);
        string[] Includes(string item) =>
            [.. xml.Descendants().Where(e => e.Name.LocalName == item).Select(e => (string?)e.Attribute("Include")).OfType<string>()];

        return new ProjectFile(
            Path.GetFileNameWithoutExtension(path),
            [.. Includes("ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/')))],
            Includes("PackageReference"),
            Includes("FrameworkReference"),
            Includes("Reference"),
            // Directory.Build.targets turns this property into the Bot Framework references (see there).
            xml.Descendants().Any(e => e.Name.LocalName == "UseBotFramework" && e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)));
    }
}
