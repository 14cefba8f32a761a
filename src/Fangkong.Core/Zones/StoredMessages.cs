using System.Text.Encodings.Web;
using System.Text.Json;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fangkong.Core.Zones;

/// <summary>
/// Sentences a zone stores (its reason, a case's evidence, a change's evidence) kept as keys and arguments in a JSON
/// text column, so they are worded when read, in the reader's language (ADR 0020).
/// </summary>
internal static class StoredMessages
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Stored(string K, string[] A);

    public static readonly ValueConverter<string[], string> ArgsConverter = new(
        args => JsonSerializer.Serialize(args, Json),
        text => JsonSerializer.Deserialize<string[]>(text, Json) ?? Array.Empty<string>());

    public static readonly ValueComparer<string[]> ArgsComparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        args => args.Aggregate(0, (hash, arg) => HashCode.Combine(hash, arg.GetHashCode(StringComparison.Ordinal))),
        args => args.ToArray());

    public static readonly ValueConverter<Message[], string> ListConverter = new(
        list => Write(list),
        text => Read(text));

    public static readonly ValueComparer<Message[]> ListComparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, m) => HashCode.Combine(hash, m.GetHashCode())),
        list => list.ToArray());

    private static string Write(Message[] list) => JsonSerializer.Serialize(list.Select(m => new Stored(m.Key, m.Args)).ToArray(), Json);

    private static Message[] Read(string text) =>
        (JsonSerializer.Deserialize<Stored[]>(text, Json) ?? []).Select(s => new Message(s.K, s.A)).ToArray();
}
