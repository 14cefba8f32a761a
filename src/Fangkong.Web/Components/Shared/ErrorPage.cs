using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// The plain page a page request gets when it fails outside Blazor's rendering (a page threw before drawing): in the
/// reader's language only, which the request's culture feature still knows after the pipeline unwound.
/// </summary>
public static class ErrorPage
{
    public static IResult For(HttpContext http, int status, string? message)
    {
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? new CultureInfo("zh-CN");
        var english = culture.TwoLetterISOLanguageName == "en";
        var text = status == 500 || string.IsNullOrEmpty(message)
            ? english ? "Something went wrong." : "服务器内部错误。"
            : Bilingual.Pick(message, culture);
        var (lang, app, home) = english ? ("en", "Fangkong", "Home") : ("zh-CN", "防控", "返回首页");
        var html = $"<!DOCTYPE html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>{status} · {app}</title>"
            + $"<body style=\"font-family:sans-serif;margin:3rem\"><h1>{status}</h1><p>{System.Net.WebUtility.HtmlEncode(text)}</p><p><a href=\"/\">{home}</a></p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
