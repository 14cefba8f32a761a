using Microsoft.AspNetCore.Http.HttpResults;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Where a page may send someone back to: only a local path as the framework defines it (<see cref="RedirectHttpResult.IsLocalUrl"/>,
/// the rule behind Url.IsLocalUrl and LocalRedirect). "Starts with / but not //" is not enough: browsers read "/\host" and
/// "/\t/host" as "//host" and leave the site. Every place that reads a return URL goes through here.
/// </summary>
public static class ReturnUrls
{
    /// <summary>The URL when it is local, otherwise null; characters beyond ASCII are percent-encoded (a Location header is ASCII).</summary>
    public static string? Local(string? url) => !string.IsNullOrEmpty(url) && RedirectHttpResult.IsLocalUrl(url) ? Ascii(url) : null;

    private static string Ascii(string url)
    {
        if (url.All(char.IsAscii)) return url;
        var b = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii) { b.Append((char)rune.Value); continue; }
            var n = rune.EncodeToUtf8(utf8);
            foreach (var x in utf8[..n]) b.Append('%').Append(x.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return b.ToString();
    }

    /// <summary>"/login?returnUrl=…" for a page, or plain "/login" when the page's own address is not a local path.</summary>
    public static string LoginFor(string path) => Local(path) is { } local ? "/login?returnUrl=" + Uri.EscapeDataString(local) : "/login";
}
