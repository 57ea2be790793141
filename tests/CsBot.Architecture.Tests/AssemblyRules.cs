namespace CsBot.Architecture.Tests;

/// <summary>The dependency rules as the compiled projects show them; each violation names the types to move.</summary>
public static class AssemblyRules
{
    public static IReadOnlyList<string> Check(IEnumerable<CompiledAssembly> assemblies, IReadOnlySet<string> frameworkAssemblies)
    {
        var violations = new List<string>();
        foreach (var assembly in assemblies)
        {
            if (assembly.Name == Layers.Core)
                violations.AddRange(assembly.References.Where(r => !frameworkAssemblies.Contains(r)).Order().Select(r =>
                    $"{Layers.Core} uses {r} ({Users(assembly, r)}); the core uses .NET itself only."));

            if (Layers.Inner.Contains(assembly.Name))
                violations.AddRange(assembly.References.Where(Layers.Outer.Contains).Order().Select(r =>
                    $"{assembly.Name} uses {r} ({Users(assembly, r)}); Core and Application never reach storage, scheduling, a platform or the host."));

            if (Layers.Platforms.Contains(assembly.Name))
                violations.AddRange(assembly.References.Where(r => r != assembly.Name && Layers.Platforms.Contains(r)).Order().Select(r =>
                    $"{assembly.Name} uses {r} ({Users(assembly, r)}); a chat platform never reaches another one."));

            foreach (var library in Layers.Libraries.Where(l => l.Owner != assembly.Name))
            {
                var users = assembly.TypesUsing(library).ToList();
                if (users.Count > 0)
                    violations.Add($"{assembly.Name} uses {library.Prefix} in {string.Join(", ", users)}; only {library.Owner} uses {library.Prefix}.");
            }
        }
        return violations;
    }

    private static string Users(CompiledAssembly assembly, string reference)
    {
        var types = assembly.TypeUses.Where(t => t.Value.Contains(reference)).Select(t => t.Key).Order().ToList();
        return types.Count == 0 ? "referenced" : "in " + string.Join(", ", types);
    }
}
