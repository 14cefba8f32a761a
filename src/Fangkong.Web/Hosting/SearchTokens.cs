using Microsoft.AspNetCore.DataProtection;

namespace Fangkong.Web.Hosting;

/// <summary>
/// What was searched for, carried in a URL as an opaque, expiring token instead of the text itself (ADR 0026): an ID number or a
/// name typed into a search box would otherwise sit in the address bar, the browser's history and every proxy's access log. The
/// form posts the text; the page answers with a redirect to <c>?s=token</c>, which its pager links carry on.
/// </summary>
public sealed class SearchTokens(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Fangkong.SearchQuery").ToTimeLimitedDataProtector();

    public string Protect(string text) => _protector.Protect(text, Lifetime);

    /// <summary>The text, or null for a token that is damaged, forged or expired (the page then shows an empty search).</summary>
    public string? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
