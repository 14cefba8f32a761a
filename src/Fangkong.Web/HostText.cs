using System.Globalization;
using System.Resources;

namespace Fangkong.Web;

/// <summary>
/// The web host's own sentences (Resources/HostText.resx: Chinese; .en.resx: English): the refusals the pipeline gives
/// before any feature runs — no such endpoint, a body too large, a query value of the wrong type — and the plain error
/// page. Read here through a <see cref="ResourceManager"/> rather than <c>IStringLocalizer</c> because most of them are
/// worded where there is no service provider (middleware delegates, static query checks); it is the same catalogue
/// format as every other (ADR 0020), in the request's UI culture unless one is given.
/// </summary>
public static class HostText
{
    private static readonly ResourceManager Catalogue = new("Fangkong.Web.Resources.HostText", typeof(HostText).Assembly);

    /// <summary>The sentence <paramref name="key"/> in the current UI culture (the request's), with <paramref name="args"/> filled in.</summary>
    public static string Get(string key, params object?[] args) => Get(CultureInfo.CurrentUICulture, key, args);

    public static string Get(CultureInfo culture, string key, params object?[] args)
    {
        var format = Catalogue.GetString(key, culture) ?? throw new InvalidOperationException($"No text for the key '{key}' in HostText.resx.");
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }

    /// <summary>Whether <paramref name="key"/> has a sentence in <paramref name="culture"/> (the catalogue test).</summary>
    public static bool Has(CultureInfo culture, string key) => Catalogue.GetString(key, culture) is not null;
}
