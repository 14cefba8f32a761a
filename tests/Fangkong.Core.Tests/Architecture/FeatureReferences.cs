using Mono.Cecil;

namespace Fangkong.Core.Tests.Architecture;

/// <summary>
/// Reads from a compiled assembly which feature folder uses which: every type a type mentions —
/// base type, interfaces, attributes, fields, properties, events, signatures, generic arguments and
/// whatever its method bodies touch. Reading IL rather than source also catches qualified names and
/// types the compiler inferred (var, lambdas), which a grep for usings would miss.
/// </summary>
public static class FeatureReferences
{
    /// <summary>One use of a type in folder <paramref name="To"/> by a type in folder <paramref name="From"/>.</summary>
    public sealed record Use(string From, string To, string User, string Used);

    /// <summary>The root namespace's own types (CoreRegistration) sit in this pseudo-folder.</summary>
    public const string Root = "(root)";

    public static IReadOnlyList<Use> Read(string assemblyPath, string rootNamespace)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var uses = new HashSet<Use>();
        foreach (var type in module.Types)
        {
            var from = FolderOf(type, rootNamespace);
            if (from is null) continue;
            var seen = new HashSet<string>();
            foreach (var used in Mentioned(type))
            {
                var to = FolderOf(used, rootNamespace);
                if (to is null || to == from) continue;
                var name = TopLevel(used).FullName;
                if (seen.Add(name)) uses.Add(new Use(from, to, type.FullName, name));
            }
        }
        return [.. uses.OrderBy(u => u.From).ThenBy(u => u.To).ThenBy(u => u.User).ThenBy(u => u.Used)];
    }

    /// <summary>The folders that hold at least one type.</summary>
    public static IReadOnlySet<string> Folders(string assemblyPath, string rootNamespace)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return module.Types.Select(t => FolderOf(t, rootNamespace)).OfType<string>().ToHashSet();
    }

    /// <summary>The folder of a type: the namespace segment after the root; nested types count for their top-level type.</summary>
    public static string? FolderOf(TypeReference type, string rootNamespace)
    {
        var ns = TopLevel(type).Namespace;
        if (ns == rootNamespace) return Root;
        if (!ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(rootNamespace.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    static TypeReference TopLevel(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>Every type named anywhere in a type and its nested (including compiler-generated) types.</summary>
    static List<TypeReference> Mentioned(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null or GenericParameter: return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments) Add(a);
                    return;
                case FunctionPointerType f:
                    Add(f.ReturnType);
                    foreach (var p in f.Parameters) Add(p.ParameterType);
                    return;
                case TypeSpecification s: // arrays, by-ref, pointers, modifiers
                    Add(s.ElementType);
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void Attributes(ICustomAttributeProvider p)
        {
            if (!p.HasCustomAttributes) return;
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(x => x.Argument)).Concat(a.Fields.Select(x => x.Argument)))
                    if (arg.Value is TypeReference tr) Add(tr);
            }
        }
        void GenericParameters(IGenericParameterProvider p)
        {
            foreach (var gp in p.GenericParameters)
                foreach (var c in gp.Constraints) Add(c.ConstraintType);
        }
        void Method(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod gm)
                foreach (var a in gm.GenericArguments) Add(a);
        }
        void Type(TypeDefinition t)
        {
            Attributes(t);
            GenericParameters(t);
            Add(t.BaseType);
            foreach (var i in t.Interfaces) Add(i.InterfaceType);
            foreach (var f in t.Fields) { Add(f.FieldType); Attributes(f); }
            foreach (var p in t.Properties) { Add(p.PropertyType); Attributes(p); }
            foreach (var e in t.Events) Add(e.EventType);
            foreach (var m in t.Methods)
            {
                Attributes(m);
                GenericParameters(m);
                Add(m.ReturnType);
                foreach (var p in m.Parameters) { Add(p.ParameterType); Attributes(p); }
                foreach (var o in m.Overrides) Method(o);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Add(v.VariableType);
                foreach (var h in m.Body.ExceptionHandlers) Add(h.CatchType);
                foreach (var ins in m.Body.Instructions)
                {
                    switch (ins.Operand)
                    {
                        case TypeReference tr: Add(tr); break;
                        case MethodReference mr: Method(mr); break;
                        case FieldReference fr: Add(fr.DeclaringType); Add(fr.FieldType); break;
                        case CallSite cs:
                            Add(cs.ReturnType);
                            foreach (var p in cs.Parameters) Add(p.ParameterType);
                            break;
                    }
                }
            }
            foreach (var n in t.NestedTypes) Type(n);
        }
        Type(type);
        return found;
    }
}
