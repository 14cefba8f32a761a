using System.Text.Json;
using Fangkong.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Fangkong.Web.Api;

/// <summary>Every error is a ProblemDetails naming the field and the reason; nothing escapes as a 500 with a stack trace.</summary>
public static class Problems
{
    public static IResult Field(int status, string field, string message) =>
        Results.Problem(statusCode: status, title: message, extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
        });

    /// <summary>Documents, in OpenAPI, the ProblemDetails answers every API route can give.</summary>
    public static RouteGroupBuilder WithProblems(this RouteGroupBuilder group) => group
        .ProducesValidationProblem(400)
        .ProducesProblem(401)
        .ProducesProblem(403)
        .ProducesProblem(404)
        .ProducesProblem(409)
        .ProducesProblem(413);

    /// <summary>
    /// A refusal the platform gives on purpose (bad input, unknown record, wrong role, conflict, unreadable or oversized
    /// body): answered with its 4xx and logged at Debug without a stack trace. Anything else is a real failure: the
    /// exception handler middleware logs it as an error with its stack (once), and the caller gets a 500.
    /// </summary>
    public static bool IsRefusal(Exception? e) => e is InputException or NotFoundException or ForbiddenException or ConflictException
        or KeyReusedException or BadHttpRequestException { StatusCode: < 500 };

    public static void UseFangkongProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // The middleware's own "unhandled exception" error log (with the stack) is for real failures only.
            SuppressDiagnosticsCallback = c => IsRefusal(c.Exception),
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var result = error switch
                {
                    InputException e => Field(400, Camel(e.Field), e.Message),
                    NotFoundException e => Field(404, Camel(e.Field), e.Message),
                    KeyReusedException e => Field(422, Camel(e.Field), e.Message),
                    ForbiddenException e => Results.Problem(statusCode: 403, title: e.Message),
                    ConflictException e => Results.Problem(statusCode: 409, title: e.Message,
                        extensions: e.Code is null ? null : new Dictionary<string, object?> { ["code"] = e.Code }),
                    BadHttpRequestException { InnerException: JsonException je } =>
                        Field(400, string.IsNullOrEmpty(je.Path) ? "$" : je.Path, HostText.Get("Api.BadJson", FirstLine(je.Message))),
                    // A query value of the wrong type ("onePerPerson=maybe"): named as the field, as every other error.
                    BadHttpRequestException { StatusCode: 400 } b when BoundParameter(b.Message) is { } name =>
                        Field(400, Camel(name), HostText.Get("Api.BadRequest", FirstLine(b.Message))),
                    BadHttpRequestException b => Results.Problem(statusCode: b.StatusCode, title: b.StatusCode == 413
                        ? HostText.Get("Api.BodyTooLarge") : HostText.Get("Api.BadRequest", FirstLine(b.Message))),
                    _ => null,
                };
                if (result is null) result = Results.Problem(statusCode: 500, title: HostText.Get("Api.InternalError"));
                else http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Fangkong.Refusals")
                    .LogDebug("{Method} {Path} refused: {Kind}: {Message}", http.Request.Method, http.Request.Path.Value, error!.GetType().Name, error.Message);
                // Pages get a page, not JSON.
                if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/code/card"))
                {
                    var status = error switch
                    {
                        NotFoundException => 404,
                        ForbiddenException => 403,
                        InputException => 400,
                        ConflictException => 409,
                        KeyReusedException => 422,
                        BadHttpRequestException { StatusCode: < 500 } b => b.StatusCode,
                        _ => 500,
                    };
                    result = Components.Shared.ErrorPage.For(http, status, status == 413 ? HostText.Get("Api.BodyTooLarge") : error?.Message);
                }
                await result.ExecuteAsync(http);
            },
        });
    }

    // "Failed to bind parameter \"bool? OnePerPerson\" from \"maybe\"." → OnePerPerson.
    private static string? BoundParameter(string message)
    {
        const string prefix = "Failed to bind parameter \"";
        if (!message.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var end = message.IndexOf('"', prefix.Length);
        if (end < 0) return null;
        var name = message[prefix.Length..end].Split(' ')[^1];
        return name.Length > 0 && name.All(char.IsAsciiLetterOrDigit) ? name : null;
    }

    private static string Camel(string s) => string.IsNullOrEmpty(s) ? s : char.ToLowerInvariant(s[0]) + s[1..];
    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
