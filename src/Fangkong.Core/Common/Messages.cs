using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Common;

/// <summary>
/// The one way Fangkong words a sentence for a reader (ADR 0020): a key in a .resx catalogue — Chinese in
/// <c>Messages.resx</c>, English in <c>Messages.en.resx</c> — resolved in the reader's UI culture. Core keeps one
/// catalogue per feature folder (<c>Core/Testing/Messages.resx</c> holds the keys "Testing.*"), so a feature's words
/// live beside its rules. A request's culture flows into Core with the request, so an exception thrown here is already
/// in the language of the person who will read it.
/// </summary>
public static class Messages
{
    private static readonly ConcurrentDictionary<string, ResourceManager> Catalogues = new(StringComparer.Ordinal);

    /// <summary>The sentence <paramref name="key"/> in the current UI culture, with <paramref name="args"/> filled in.</summary>
    public static string Get(string key, params object?[] args) => Get(CultureInfo.CurrentUICulture, key, args);

    /// <summary>The sentence <paramref name="key"/> in <paramref name="culture"/> (an export job's language, say).</summary>
    public static string Get(CultureInfo culture, string key, params object?[] args)
    {
        var format = Find(culture, key) ?? throw new InvalidOperationException($"No text for the key '{key}' in Core's catalogues.");
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }

    /// <summary>A stored or returned <see cref="Message"/>, worded for the current reader.</summary>
    public static string Get(Message message) => Get(CultureInfo.CurrentUICulture, message);

    public static string Get(CultureInfo culture, Message message) => Get(culture, message.Key, [.. message.Args]);

    /// <summary>Whether <paramref name="key"/> has a sentence in <paramref name="culture"/> (the catalogue guard test).</summary>
    public static bool Has(CultureInfo culture, string key) => Find(culture, key) is not null;

    private static string? Find(CultureInfo culture, string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        var catalogue = Catalogues.GetOrAdd(key[..dot], feature =>
            new ResourceManager($"Fangkong.Core.{feature}.Messages", typeof(Messages).Assembly));
        try
        {
            return catalogue.GetString(key, culture);
        }
        catch (MissingManifestResourceException)
        {
            return null;
        }
    }
}
