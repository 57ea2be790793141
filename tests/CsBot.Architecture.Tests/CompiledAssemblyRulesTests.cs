namespace CsBot.Architecture.Tests;

/// <summary>
/// The compiled projects keep the dependency rules, type by type; and each rule fails when it reads a compiled project
/// that breaks it (real assemblies of this build put where they do not belong, or a made-up one where none does).
/// </summary>
public sealed class CompiledAssemblyRulesTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, CompiledAssembly>> Built = new(() =>
        Repository.SourceProjectFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .ToDictionary(name => name, name => CompiledAssembly.Read(Path.Combine(AppContext.BaseDirectory, name + ".dll"))));

    private static CompiledAssembly Assembly(string name) => Built.Value[name];

    [Fact]
    public void The_compiled_projects_keep_the_dependency_rules()
    {
        var violations = AssemblyRules.Check(Built.Value.Values, Repository.FrameworkAssemblies);

        Assert.True(violations.Count == 0, "The compiled projects break the dependency rules:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Each_library_is_seen_in_the_project_that_owns_it()
    {
        // Guards against a reader that sees nothing (and so passes everything).
        Assert.NotEmpty(Assembly(Layers.Storage).TypesUsing(Layers.Libraries.Single(l => l.Prefix == "LiteDB")));
        Assert.NotEmpty(Assembly(Layers.Scheduling).TypesUsing(Layers.Libraries.Single(l => l.Prefix == "Quartz")));
        Assert.NotEmpty(Assembly(Layers.Teams).TypesUsing(Layers.Libraries.Single(l => l.Prefix == "Microsoft.Bot")));
        Assert.NotEmpty(Assembly(Layers.Prediction).TypesUsing(Layers.Libraries.Single(l => l.Prefix == "Microsoft.ML")));
        Assert.NotEmpty(Assembly(Layers.Charts).TypesUsing(Layers.Libraries.Single(l => l.Prefix == "ScottPlot")));
    }

    [Fact]
    public void Core_using_anything_but_dotnet_is_reported()
    {
        var violations = Check(Assembly(Layers.Slack) with { Name = Layers.Core });

        Assert.Contains(violations, v => v.StartsWith($"{Layers.Core} uses {Layers.Application} (in CsBot.Slack.", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_using_storage_or_the_host_is_reported()
    {
        var violations = Check(Assembly(Layers.Host) with { Name = Layers.Application });

        Assert.Contains(violations, v => v.StartsWith($"{Layers.Application} uses {Layers.Storage} (in CsBot.Host.", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_using_scheduling_or_a_platform_is_reported()
    {
        var violations = Check(new CompiledAssembly(Layers.Application, new HashSet<string> { "System.Runtime", Layers.Scheduling, Layers.Teams },
            new Dictionary<string, IReadOnlySet<string>> { ["CsBot.Application.Digest.DigestService"] = new HashSet<string> { Layers.Scheduling, Layers.Teams } }));

        Assert.Contains($"{Layers.Application} uses {Layers.Scheduling} (in CsBot.Application.Digest.DigestService); Core and Application never reach storage, scheduling, a platform or the host.", violations);
        Assert.Contains(violations, v => v.StartsWith($"{Layers.Application} uses {Layers.Teams} ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_platform_using_another_platform_is_reported()
    {
        var violations = Check(new CompiledAssembly(Layers.Slack, new HashSet<string> { "System.Runtime", Layers.LocalChat },
            new Dictionary<string, IReadOnlySet<string>> { ["CsBot.Slack.Outbound.SlackChatSender"] = new HashSet<string> { Layers.LocalChat } }));

        Assert.Equal([$"{Layers.Slack} uses {Layers.LocalChat} (in CsBot.Slack.Outbound.SlackChatSender); a chat platform never reaches another one."], violations);
    }

    [Fact]
    public void A_LiteDB_type_outside_storage_is_reported_with_the_types_that_use_it()
    {
        var violations = Check(Assembly(Layers.Storage) with { Name = Layers.Application });

        Assert.Contains(violations, v => v.StartsWith($"{Layers.Application} uses LiteDB in CsBot.Storage.LiteDb.", StringComparison.Ordinal) && v.EndsWith("only CsBot.Storage.LiteDb uses LiteDB.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Quartz_type_outside_scheduling_is_reported_in_a_platform_and_in_the_host_alike()
    {
        var inPlatform = Check(Assembly(Layers.Scheduling) with { Name = Layers.Slack });
        var inHost = Check(new CompiledAssembly(Layers.Host, new HashSet<string> { "Quartz" }, new Dictionary<string, IReadOnlySet<string>>
        {
            ["CsBot.Host.Configuration.SettingsLoader"] = new HashSet<string> { "Quartz" },
        }));

        Assert.Contains(inPlatform, v => v.StartsWith($"{Layers.Slack} uses Quartz in CsBot.Scheduling.", StringComparison.Ordinal));
        Assert.Equal(["CsBot uses Quartz in CsBot.Host.Configuration.SettingsLoader; only CsBot.Scheduling uses Quartz."], inHost);
    }

    [Fact]
    public void A_Bot_Framework_type_outside_teams_is_reported()
    {
        var violations = Check(Assembly(Layers.Teams) with { Name = Layers.Host });

        Assert.Contains(violations, v => v.StartsWith($"{Layers.Host} uses Microsoft.Bot in CsBot.Teams.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ScottPlot_type_outside_charts_is_reported()
    {
        var violations = Check(Assembly(Layers.Charts) with { Name = Layers.Application });

        Assert.Contains(violations, v => v.StartsWith($"{Layers.Application} uses ScottPlot in CsBot.Charts.", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Check(CompiledAssembly assembly) => AssemblyRules.Check([assembly], Repository.FrameworkAssemblies);
}
