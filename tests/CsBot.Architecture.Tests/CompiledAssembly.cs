using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CsBot.Architecture.Tests;

/// <summary>
/// What a compiled project really uses: the assemblies it references, and for each of its top-level types (with the
/// lambdas, iterators and async state machines the compiler nests inside it) the assemblies whose types it names in
/// a signature, a base type, an attribute or a method body.
/// </summary>
public sealed record CompiledAssembly(string Name, IReadOnlySet<string> References, IReadOnlyDictionary<string, IReadOnlySet<string>> TypeUses)
{
    public static CompiledAssembly Read(string path)
    {
        // Only this file's metadata is read; nothing is resolved, so referenced assemblies need not be at hand.
        using var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { ReadSymbols = false });
        var module = assembly.MainModule;
        var uses = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var type in module.Types.Where(t => t.Name != "<Module>"))
        {
            var scopes = new HashSet<string>();
            Collect(type, scopes);
            scopes.Remove(assembly.Name.Name);
            uses[type.FullName] = scopes;
        }
        return new CompiledAssembly(assembly.Name.Name, module.AssemblyReferences.Select(r => r.Name).ToHashSet(), uses);
    }

    /// <summary>The top-level types that use an assembly <paramref name="library"/> names.</summary>
    public IEnumerable<string> TypesUsing(Library library) =>
        TypeUses.Where(t => t.Value.Any(library.Names)).Select(t => t.Key).Order();

    private static void Collect(TypeDefinition type, HashSet<string> scopes)
    {
        Add(type.BaseType, scopes);
        foreach (var item in type.Interfaces) Add(item.InterfaceType, scopes);
        Attributes(type, scopes);
        foreach (var parameter in type.GenericParameters) Constraints(parameter, scopes);
        foreach (var field in type.Fields) { Add(field.FieldType, scopes); Attributes(field, scopes); }
        foreach (var property in type.Properties) { Add(property.PropertyType, scopes); Attributes(property, scopes); }
        foreach (var @event in type.Events) Add(@event.EventType, scopes);
        foreach (var method in type.Methods) Method(method, scopes);
        foreach (var nested in type.NestedTypes) Collect(nested, scopes);
    }

    private static void Method(MethodDefinition method, HashSet<string> scopes)
    {
        Signature(method, scopes);
        Attributes(method, scopes);
        foreach (var parameter in method.GenericParameters) Constraints(parameter, scopes);
        if (!method.HasBody) return;
        foreach (var variable in method.Body.Variables) Add(variable.VariableType, scopes);
        foreach (var handler in method.Body.ExceptionHandlers) Add(handler.CatchType, scopes);
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference type: Add(type, scopes); break;
                case MethodReference called: Add(called.DeclaringType, scopes); Signature(called, scopes); break;
                case FieldReference field: Add(field.DeclaringType, scopes); Add(field.FieldType, scopes); break;
                case CallSite site: Add(site.ReturnType, scopes); foreach (var p in site.Parameters) Add(p.ParameterType, scopes); break;
            }
        }
    }

    private static void Signature(MethodReference method, HashSet<string> scopes)
    {
        Add(method.ReturnType, scopes);
        foreach (var parameter in method.Parameters) Add(parameter.ParameterType, scopes);
        if (method is GenericInstanceMethod generic)
            foreach (var argument in generic.GenericArguments) Add(argument, scopes);
    }

    // The attribute's type is enough: reading its arguments would need the assemblies of the enums they use.
    private static void Attributes(ICustomAttributeProvider provider, HashSet<string> scopes)
    {
        foreach (var attribute in provider.CustomAttributes) Add(attribute.AttributeType, scopes);
    }

    private static void Constraints(GenericParameter parameter, HashSet<string> scopes)
    {
        foreach (var constraint in parameter.Constraints) Add(constraint.ConstraintType, scopes);
    }

    private static void Add(TypeReference? type, HashSet<string> scopes)
    {
        switch (type)
        {
            case null or GenericParameter: return;
            case GenericInstanceType generic:
                Add(generic.ElementType, scopes);
                foreach (var argument in generic.GenericArguments) Add(argument, scopes);
                return;
            case FunctionPointerType pointer:
                Add(pointer.ReturnType, scopes);
                foreach (var p in pointer.Parameters) Add(p.ParameterType, scopes);
                return;
            case TypeSpecification specification: // arrays, pointers, by-ref, modifiers
                Add(specification.ElementType, scopes);
                return;
        }
        // A nested type reference reports its outermost declaring type's scope.
        switch (type.Scope)
        {
            case AssemblyNameReference assembly: scopes.Add(assembly.Name); break;
            case ModuleDefinition module: scopes.Add(module.Assembly.Name.Name); break;
        }
    }
}
