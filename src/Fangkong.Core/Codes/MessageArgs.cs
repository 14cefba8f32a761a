using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fangkong.Core.Codes;

/// <summary>
/// A stored message's arguments as one JSON array of strings, the same text column on SQLite and PostgreSQL. Names
/// stay readable in the store (not \u-escaped): the column is read by the application, never put into HTML as is.
/// </summary>
internal static class MessageArgs
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ValueConverter<string[], string> Converter = new(
        args => JsonSerializer.Serialize(args, Json),
        text => JsonSerializer.Deserialize<string[]>(text, Json) ?? Array.Empty<string>());

    public static readonly ValueComparer<string[]> Comparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        args => args.Aggregate(0, (hash, arg) => HashCode.Combine(hash, arg.GetHashCode(StringComparison.Ordinal))),
        args => args.ToArray());
}
