using Mono.Cecil;

namespace CsBot.Architecture.Tests;

/// <summary>The names a compiled project gives its own properties, fields, methods and parameters.</summary>
public static class MemberNames
{
    /// <summary>
    /// "Type.Member" (or "Type.Method(parameter)") for each member of the assembly at <paramref name="path"/> whose
    /// name contains <paramref name="word"/>, ignoring case. Compiler-made names (backing fields, accessors) are left
    /// out, so a property is reported once.
    /// </summary>
    public static IReadOnlyList<string> Containing(string path, string word)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { ReadSymbols = false });
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.MainModule.GetTypes().Where(t => !t.Name.StartsWith('<')))
        {
            bool Matches(string name) => !name.StartsWith('<') && name.Contains(word, StringComparison.OrdinalIgnoreCase);
            foreach (var property in type.Properties.Where(p => Matches(p.Name))) found.Add($"{type.FullName}.{property.Name}");
            foreach (var field in type.Fields.Where(f => Matches(f.Name))) found.Add($"{type.FullName}.{field.Name}");
            foreach (var method in type.Methods.Where(m => !m.IsSpecialName || m.IsConstructor))
            {
                if (!method.IsConstructor && Matches(method.Name)) found.Add($"{type.FullName}.{method.Name}");
                foreach (var parameter in method.Parameters.Where(p => Matches(p.Name))) found.Add($"{type.FullName}.{method.Name}({parameter.Name})");
            }
        }
        return [.. found];
    }
}
