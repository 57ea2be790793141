namespace CsBot.Architecture.Tests;

/// <summary>The dependency rules as the project files state them; each violation says what to change.</summary>
public static class ProjectRules
{
    public static IReadOnlyList<string> Check(IEnumerable<ProjectFile> projects)
    {
        var violations = new List<string>();
        foreach (var project in projects)
        {
            if (project.Name == Layers.Core)
                violations.AddRange(project.AllReferences.Select(r =>
                    $"{Layers.Core} references {r}; the core references no package or project (move the code that needs it outward)."));

            if (Layers.Inner.Contains(project.Name))
                violations.AddRange(project.Projects.Where(Layers.Outer.Contains).Select(p =>
                    $"{project.Name} references {p}; Core and Application define ports and never reach storage, scheduling, a platform or the host."));

            if (Layers.Platforms.Contains(project.Name))
                violations.AddRange(project.Projects.Where(p => p != project.Name && Layers.Platforms.Contains(p)).Select(p =>
                    $"{project.Name} references {p}; a chat platform never reaches another one (share through Application)."));

            foreach (var library in Layers.Libraries.Where(l => l.Owner != project.Name))
                violations.AddRange(project.Packages.Concat(project.Assemblies).Where(library.Names).Select(p =>
                    $"{project.Name} references {p}; only {library.Owner} uses {library.Prefix}."));

            // The host lists the Bot Framework assemblies for deployment only (its code uses none: see the assembly rules).
            if (project.UsesBotFramework && project.Name is not (Layers.Teams or Layers.Host))
                violations.Add($"{project.Name} sets UseBotFramework; only {Layers.Teams} uses the Bot Framework.");
        }
        return violations;
    }
}
