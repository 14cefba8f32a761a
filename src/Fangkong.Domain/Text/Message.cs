namespace Fangkong.Domain.Text;

/// <summary>
/// A sentence for a reader, kept as its key in Core's text catalogue and its arguments (already formatted), so it is
/// rendered in the reader's language when it is shown — also when it is stored and read later, as a colour's
/// explanation is. Domain rules say what happened; they do not choose words.
/// </summary>
public sealed record Message(string Key, params string[] Args)
{
    public bool Equals(Message? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Key, Args.Length);

    public override string ToString() => Args.Length == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}
