namespace CsBot.Architecture.Tests;

/// <summary>The repository these tests were built from, and its production projects under src/.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> SourceProjectFiles { get; } =
        [.. Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories).Order()];

    /// <summary>The names of the assemblies .NET itself ships (System.Runtime, System.Linq...).</summary>
    public static IReadOnlySet<string> FrameworkAssemblies { get; } =
        Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CsBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CsBot.sln not found above the test folder.");
    }
}
