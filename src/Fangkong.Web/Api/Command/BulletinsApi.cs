using System.Text;
using Fangkong.Core.Command;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Command;

/// <summary>The daily bulletin (疫情通报): drafts generated from the data, edited, published by an administrator, published ones public.</summary>
public static class BulletinsApi
{
    public static void MapBulletinsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bulletins").WithTags("Bulletins").WithProblems();

        api.MapPost("/", async (BulletinRequest body, FangkongDb db, Bulletins bulletins, HttpContext http) =>
        {
            var b = await bulletins.DraftAsync(db, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/bulletins/{b.Id}", b);
        }).RequireAuthorization(AuthSetup.Tracing)
            .WithSummary("Generate a draft for a day (0–24 h, city time, a day that has ended) and an area: level Province/City/District with its code.");

        api.MapGet("/", async (BulletinState? state, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await Bulletins.ListAsync(db, state, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Drafts and published bulletins, newest day first.");

        api.MapGet("/published", async (int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await Bulletins.ListAsync(db, BulletinState.Published, page, pageSize, http.RequestAborted)))
            .AllowAnonymous().WithSummary("Published bulletins, for anyone.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, HttpContext http) => TypedResults.Ok(await VisibleAsync(db, id, http)))
            .AllowAnonymous().WithSummary("One bulletin: a published one for anyone, a draft for epidemiologists and administrators.");

        api.MapGet("/{id:long}.{format}", async (long id, string format, FangkongDb db, CityClock clock, HttpContext http) =>
        {
            var b = await VisibleAsync(db, id, http);
            var name = $"bulletin-{b.AreaCode}-{b.Day:yyyyMMdd}";
            return format switch
            {
                "txt" => Results.File(Encoding.UTF8.GetBytes($"{b.TitleZh}\r\n\r\n{b.TextZh}\r\n\r\n{b.TitleEn}\r\n\r\n{b.TextEn}\r\n"), "text/plain; charset=utf-8", name + ".txt"),
                "pdf" => Results.File(BulletinPdf.Render(b, clock.Time.GetUtcNow()), "application/pdf", name + ".pdf"),
                _ => throw new InputException("format", Messages.Get("Command.BulletinFormat")),
            };
        }).AllowAnonymous().Produces<Stream>(StatusCodes.Status200OK, "text/plain", "application/pdf")
          .WithSummary("Download a bulletin as text or PDF (drafts only for epidemiologists and administrators).");

        api.MapPatch("/{id:long}", async (long id, BulletinEdit body, FangkongDb db, Bulletins bulletins, HttpContext http) =>
            TypedResults.Ok(await bulletins.EditAsync(db, id, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Edit a draft's title or text (409 once published).");

        api.MapPost("/{id:long}/publish", async (long id, FangkongDb db, Bulletins bulletins, HttpContext http) =>
            TypedResults.Ok(await bulletins.PublishAsync(db, id, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Publish a draft: kept unchanged from then on; one per area and day (409 for a second).");
    }

    // A draft is as good as absent to anyone who may not see drafts.
    private static Task<Bulletin> VisibleAsync(FangkongDb db, long id, HttpContext http) =>
        Bulletins.VisibleAsync(db, id, http.User.IsInRole(Core.Accounts.Roles.Epidemiologist) || http.User.IsInRole(Core.Accounts.Roles.Administrator), http.RequestAborted);
}
