using System.Collections.Concurrent;
using System.Globalization;
using Fangkong.Core.Common;

namespace Fangkong.Core.Documents;

/// <summary>
/// The words an exported line list uses for coded values, in the export's language: the key
/// "Documents.&lt;Type&gt;.&lt;Value&gt;" of Documents/Messages.resx ("Documents.CaseClass.Mild"). The culture is passed
/// rather than read from the thread, as an export runs in the background in the language it was asked in.
/// </summary>
public static class LineLabels
{
    // An export words a few values hundreds of thousands of times: each is looked up in the catalogue once per language.
    private static readonly ConcurrentDictionary<(string Culture, Enum Value), string> Words = new();

    /// <summary>The value's word, or its name when the catalogue has none (a test checks every listed value has one).</summary>
    public static string Of(Enum value, CultureInfo culture) =>
        Words.GetOrAdd((culture.Name, value), k => Key(k.Value) is var key && Messages.Has(culture, key) ? Messages.Get(culture, key) : k.Value.ToString());

    /// <summary>Yes or no.</summary>
    public static string Of(bool value, CultureInfo culture) => Messages.Get(culture, value ? "Documents.Yes" : "Documents.No");

    /// <summary>The catalogue key of a coded value.</summary>
    public static string Key(Enum value) => $"Documents.{value.GetType().Name}.{value}";
}
