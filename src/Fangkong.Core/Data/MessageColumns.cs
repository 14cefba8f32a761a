using System.Text.Json;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Core.Data;

/// <summary>
/// A sentence the platform wrote into a record (why it released a contact, why a transfer was cancelled) is stored as
/// its <see cref="Message"/> — key and arguments, as JSON text — not as words, so it is worded when it is read, in the
/// reader's language (ADR 0020).
/// </summary>
internal static class MessageColumns
{
    private sealed record Stored(string Key, string[] Args);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One message, or null.</summary>
    public static PropertyBuilder<Message?> StoredAsKey(this PropertyBuilder<Message?> p) =>
        p.HasConversion(m => Write(m!), s => Read(s));

    /// <summary>Messages in the order they were added, or null for none.</summary>
    public static PropertyBuilder<IReadOnlyList<Message>?> StoredAsKeys(this PropertyBuilder<IReadOnlyList<Message>?> p) =>
        p.HasConversion(
            list => JsonSerializer.Serialize(list!.Select(m => new Stored(m.Key, m.Args)).ToList(), Json),
            s => ReadList(s),
            new ValueComparer<IReadOnlyList<Message>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                list => list == null ? 0 : list.Aggregate(0, (h, m) => HashCode.Combine(h, m.GetHashCode())),
                list => list == null ? null : list.ToList()));

    private static string Write(Message m) => JsonSerializer.Serialize(new Stored(m.Key, m.Args), Json);

    private static Message Read(string s)
    {
        var stored = JsonSerializer.Deserialize<Stored>(s, Json)!;
        return new Message(stored.Key, stored.Args ?? []);
    }

    private static List<Message> ReadList(string s) =>
        (JsonSerializer.Deserialize<List<Stored>>(s, Json) ?? []).Select(x => new Message(x.Key, x.Args ?? [])).ToList();
}
