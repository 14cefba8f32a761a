using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Fangkong.Web.Tests.Architecture;

/// <summary>
/// Finds code that reads a table itself instead of calling Core: a call to one of <c>FangkongDb</c>'s table properties,
/// to <c>DbContext.Set</c> or to <c>DbContext.Database</c> (raw SQL) from a type in the given namespaces. It reads the
/// compiled IL, so lambdas, async state machines and Razor pages are seen as they run (nested types count for the type
/// that declares them).
/// </summary>
internal static class TableReads
{
    private const string Context = "Fangkong.Core.Data.FangkongDb";

    public static List<string> In(string assemblyPath, params string[] namespacePrefixes)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new List<string>();
        foreach (var type in module.Types.Where(t => namespacePrefixes.Any(p => t.Namespace.StartsWith(p, StringComparison.Ordinal))))
            foreach (var (method, target) in Calls(type))
                if (IsTableRead(target)) found.Add($"{type.FullName}.{method.Name} reads {target.DeclaringType.Name}.{target.Name}");
        return found.Distinct().ToList();
    }

    private static IEnumerable<(MethodDefinition Method, MethodReference Target)> Calls(TypeDefinition type)
    {
        foreach (var method in type.Methods.Where(m => m.HasBody))
            foreach (var i in method.Body.Instructions)
                if (i.OpCode.Code is Code.Call or Code.Callvirt or Code.Ldftn or Code.Ldvirtftn && i.Operand is MethodReference target)
                    yield return (method, target);
        foreach (var nested in type.NestedTypes)
            foreach (var call in Calls(nested)) yield return call;
    }

    private static bool IsTableRead(MethodReference m)
    {
        var owner = m.DeclaringType.FullName;
        if (owner == Context && m.Name.StartsWith("get_", StringComparison.Ordinal) && m.ReturnType.Name == "DbSet`1") return true;
        return owner is Context or "Microsoft.EntityFrameworkCore.DbContext" && m.Name is "Set" or "get_Database";
    }
}
