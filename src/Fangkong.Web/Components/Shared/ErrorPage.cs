using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// The plain page a page request gets when it fails outside Blazor's rendering (a page threw before drawing): in the
/// reader's language, which the request's culture feature still knows after the pipeline unwound. The message comes
/// worded already (a refusal is worded in the request's culture where it is thrown).
/// </summary>
public static class ErrorPage
{
    public static IResult For(HttpContext http, int status, string? message)
    {
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("zh-CN");
        var text = status == 500 || string.IsNullOrEmpty(message) ? HostText.Get(culture, "Error.Internal") : message;
        var lang = culture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";
        var html = $"<!DOCTYPE html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>{HostText.Get(culture, "Error.Title", status)}</title>"
            + $"<body style=\"font-family:sans-serif;margin:3rem\"><h1>{status}</h1><p>{System.Net.WebUtility.HtmlEncode(text)}</p><p><a href=\"/\">{HostText.Get(culture, "Error.Home")}</a></p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
