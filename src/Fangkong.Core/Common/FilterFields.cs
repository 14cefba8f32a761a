using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Fangkong.Core.Common;

/// <summary>
/// The fields a filter accepts by name, and the check that refuses any other: a binder ignores a field it does not
/// know, so a misspelt filter (clas=Mild) would otherwise be dropped and the whole list shown or exported.
/// </summary>
public static class FilterFields
{
    private static readonly ConcurrentDictionary<Type, string[]> Names = new();

    /// <summary>The fields a filter (or paging) record is given by, camelCase as the API and the stored jobs spell them.</summary>
    public static IReadOnlyList<string> Of(Type record) => Names.GetOrAdd(record, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))]);

    /// <summary>Refuses, naming it, a field that is not one of <paramref name="known"/> (compared as the binders do, ignoring case).</summary>
    /// <param name="prefix">Put before the field's name in the error, e.g. "filter." for an export's filter.</param>
    public static void OnlyKnown(IEnumerable<string> given, IReadOnlyCollection<string> known, string prefix = "")
    {
        foreach (var field in given)
            if (!known.Contains(field, StringComparer.OrdinalIgnoreCase))
                throw new InputException(prefix + field,
                    Messages.Get("Common.UnknownFilter", field, string.Join(Messages.Get("Common.ListSeparator"), known)));
    }
}
