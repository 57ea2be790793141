namespace CsBot.Architecture.Tests;

/// <summary>The project files under src/ keep the dependency rules, and each rule fails on a project file that breaks it.</summary>
public sealed class ProjectFileRulesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-arch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_source_projects_keep_the_dependency_rules()
    {
        var projects = Repository.SourceProjectFiles.Select(ProjectFile.Load).ToList();

        // Every project a rule names is really there, so no rule passes for want of its project.
        HashSet<string> named = [Layers.Core, Layers.Application, Layers.Storage, Layers.Scheduling, Layers.Prediction, Layers.Charts, Layers.Host, .. Layers.Platforms];
        Assert.Superset(named, projects.Select(p => p.Name).ToHashSet());
        var violations = ProjectRules.Check(projects);

        Assert.True(violations.Count == 0, "The project files break the dependency rules:\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("CsBot.Core", """<PackageReference Include="FuzzySharp" />""", "CsBot.Core references FuzzySharp")]
    [InlineData("CsBot.Core", """<ProjectReference Include="..\CsBot.DemoData\CsBot.DemoData.csproj" />""", "CsBot.Core references CsBot.DemoData")]
    [InlineData("CsBot.Core", """<FrameworkReference Include="Microsoft.AspNetCore.App" />""", "CsBot.Core references Microsoft.AspNetCore.App")]
    [InlineData("CsBot.Application", """<ProjectReference Include="..\CsBot.Storage.LiteDb\CsBot.Storage.LiteDb.csproj" />""", "CsBot.Application references CsBot.Storage.LiteDb")]
    [InlineData("CsBot.Application", """<ProjectReference Include="../CsBot.Scheduling/CsBot.Scheduling.csproj" />""", "CsBot.Application references CsBot.Scheduling")]
    [InlineData("CsBot.Application", """<ProjectReference Include="..\CsBot.Chat.Local\CsBot.Chat.Local.csproj" />""", "CsBot.Application references CsBot.Chat.Local")]
    [InlineData("CsBot.Application", """<ProjectReference Include="..\CsBot\CsBot.csproj" />""", "CsBot.Application references CsBot;")]
    [InlineData("CsBot.Slack", """<ProjectReference Include="..\CsBot.Teams\CsBot.Teams.csproj" />""", "CsBot.Slack references CsBot.Teams")]
    [InlineData("CsBot.Chat.Local", """<ProjectReference Include="..\CsBot.Slack\CsBot.Slack.csproj" />""", "CsBot.Chat.Local references CsBot.Slack")]
    [InlineData("CsBot.Application", """<PackageReference Include="LiteDB" />""", "CsBot.Application references LiteDB; only CsBot.Storage.LiteDb")]
    [InlineData("CsBot", """<PackageReference Include="Quartz.Extensions.Hosting" />""", "CsBot references Quartz.Extensions.Hosting; only CsBot.Scheduling")]
    [InlineData("CsBot.Application", """<PackageReference Include="Microsoft.ML.FastTree" />""", "CsBot.Application references Microsoft.ML.FastTree; only CsBot.Prediction")]
    [InlineData("CsBot.Slack", """<Reference Include="Microsoft.Bot.Schema" HintPath="x.dll" />""", "CsBot.Slack references Microsoft.Bot.Schema; only CsBot.Teams")]
    [InlineData("CsBot.Application", """<PackageReference Include="ScottPlot" />""", "CsBot.Application references ScottPlot; only CsBot.Charts")]
    [InlineData("CsBot.Teams", """<PackageReference Include="SkiaSharp.NativeAssets.Linux.NoDependencies" />""", "CsBot.Teams references SkiaSharp.NativeAssets.Linux.NoDependencies; only CsBot.Charts")]
    [InlineData("CsBot.Slack", """</ItemGroup><PropertyGroup><UseBotFramework>true</UseBotFramework></PropertyGroup><ItemGroup>""", "CsBot.Slack sets UseBotFramework")]
    public void A_project_file_that_breaks_a_rule_is_reported(string project, string reference, string expected)
    {
        var violations = ProjectRules.Check([Write(project, reference)]);

        Assert.Contains(violations, v => v.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_leave_the_allowed_references_alone()
    {
        var allowed = new[]
        {
            Write("CsBot.Application", """<ProjectReference Include="..\CsBot.Core\CsBot.Core.csproj" /><PackageReference Include="FuzzySharp" />"""),
            Write("CsBot.Slack", """<ProjectReference Include="..\CsBot.Application\CsBot.Application.csproj" />"""),
            Write("CsBot.Scheduling", """<PackageReference Include="Quartz" />"""),
            Write("CsBot", """<ProjectReference Include="..\CsBot.Teams\CsBot.Teams.csproj" /></ItemGroup><PropertyGroup><UseBotFramework>true</UseBotFramework></PropertyGroup><ItemGroup>"""),
        };

        Assert.Empty(ProjectRules.Check(allowed));
    }

    private ProjectFile Write(string name, string items)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, name + ".csproj");
        File.WriteAllText(path, $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{items}</ItemGroup></Project>""");
        return ProjectFile.Load(path);
    }
}
