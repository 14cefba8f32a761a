using Fangkong.Core.Common;

namespace Fangkong.Web.Api;

/// <summary>
/// Control characters in a query string, a route value or a posted form field are refused with a 400 naming the
/// parameter, for pages and the API alike, before anything reads them. (Pages bind their query and forms themselves,
/// so <see cref="RequestGuard"/>, which checks what API endpoints bind, never sees them.)
/// </summary>
public static class UrlAndFormText
{
    public static void UseUrlAndFormText(this WebApplication app) => app.Use(async (http, next) =>
    {
        foreach (var (key, values) in http.Request.Query)
        {
            ControlCharacters.Check(key, "query");
            foreach (var v in values) ControlCharacters.Check(v, key);
        }
        foreach (var (key, value) in http.Request.RouteValues)
            if (value is string s) ControlCharacters.Check(s, key);
        if (http.Request.HasFormContentType && !HttpMethods.IsGet(http.Request.Method))
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // The form reader's own limits (value length, number of fields): too large, like an oversized body.
                throw new BadHttpRequestException(HostText.Get("Api.FormTooLarge", e.Message), 413, e);
            }
            foreach (var (key, values) in form)
            {
                ControlCharacters.Check(key, "form");
                foreach (var v in values) ControlCharacters.Check(v, key);
            }
        }
        await next(http);
    });
}
