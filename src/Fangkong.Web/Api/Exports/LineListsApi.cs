using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Exports;

/// <summary>How a caller pages a line list and, with a purpose, unmasks it.</summary>
public sealed record LinePaging(long? After, int? Size, bool? Reveal, string? Purpose);

/// <summary>Line lists of cases, contacts, quarantined people and samples taken (keyset paging, search, filters) and their exports as background jobs.</summary>
public static class LineListsApi
{
    public static void MapLineListsApi(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/lists").WithTags("Line lists").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        lists.MapGet("/cases", async ([AsParameters] CaseLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, CityClock clock, TimeOrderedIds ids, HttpContext http) =>
            Results.Ok(await PageAsync(db, filter, f => CaseLines.Query(db, f, clock), r => r.Id, r => r.Masked(), paging, LineLists.Cases, ids, clock, http)))
            .WithSummary("Cases, newest first: search by name prefix, ID or phone; filter by classification, status, how found, district, report dates. Masked unless reveal=true with a purpose (audited).");

        lists.MapGet("/contacts", async ([AsParameters] ContactLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, CityClock clock, TimeOrderedIds ids, HttpContext http) =>
            Results.Ok(await PageAsync(db, filter, f => ContactLines.Query(db, f, clock), r => r.Id, r => r.Masked(), paging, LineLists.Contacts, ids, clock, http)))
            .WithSummary("Contacts of every case, newest first: filter by grade, decision, kind, case, released, first-exposure, decision and release dates; onePerPerson=true keeps one row per person and grade (counts persons, as the bulletin does); becameCase=false leaves out contacts since reported cases (the bulletin counts them as cases). Masked unless revealed (audited).");

        lists.MapGet("/quarantine", async ([AsParameters] QuarantineLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, CityClock clock, TimeOrderedIds ids, HttpContext http) =>
            Results.Ok(await PageAsync(db, filter, f => QuarantineLines.Query(db, f, clock), r => r.Id, r => r.Masked(), paging, LineLists.Quarantined, ids, clock, http)))
            .WithSummary("Quarantine stays, newest first: filter by state, place, role, site, due for release by a date. Masked unless revealed (audited).");

        // Who reads the testing list: epidemiologists and administrators, as the other lists (the group's Tracing policy,
        // the same roles as TestingView). Not lab technicians, although TestingStaff would admit them: the lab works on
        // tubes by barcode and posts a tube's result without ever seeing whose swabs are in it (least privilege, the
        // lab page shows counts only); this list names, identifies and phones every person sampled.
        lists.MapGet("/tests", async ([AsParameters] TestLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, CityClock clock, TimeOrderedIds ids, HttpContext http) =>
            Results.Ok(await PageAsync(db, filter, f => TestLines.Query(db, f, clock), r => r.Id, r => r.Masked(), paging, LineLists.Tests, ids, clock, http)))
            .WithSummary("Samples taken (one row per person swabbed into a tube), newest first: search by name prefix, ID or phone; filter by round, site, result (Pending, Negative, PoolPositive, Positive), tube kind, quarantine tests, at home, sampling dates. Masked unless revealed (audited).");

        var exports = app.MapGroup("/api/exports").WithTags("Line lists").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        exports.MapPost("/", async (ExportRequest body, FangkongDb db, ExportJobs jobs, ExportSignal signal, HttpContext http) =>
        {
            var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            var job = await jobs.RequestAsync(db, body, Reader(http, body.Purpose), english, http.RequestAborted);
            signal.Wake();
            return Results.Accepted($"/api/exports/{job.Id}", job);
        }).WithSummary("Export a line list (cases, contacts, quarantine, tests) under a filter as xlsx or csv, in the background; follow it at the returned address.");

        exports.MapGet("/", async (FangkongDb db, ExportJobs jobs, HttpContext http) => Results.Ok(await jobs.MineAsync(db, http.User.UserId(), http.RequestAborted)))
            .WithSummary("The caller's last 20 exports with their progress.");

        exports.MapGet("/{id:long}", async (long id, FangkongDb db, ExportJobs jobs, HttpContext http) => Results.Ok(await jobs.GetAsync(db, id, http.User.UserId(), http.RequestAborted)))
            .WithSummary("One export's state and progress (rows written of the total).");

        exports.MapGet("/{id:long}/file", async (long id, FangkongDb db, ExportJobs jobs, HttpContext http) =>
        {
            var (name, type, content) = await jobs.FileAsync(db, id, http.User.UserId(), http.RequestAborted);
            return Results.File(content, type, name);
        }).WithSummary("Download a finished export (409 while it runs or after it expired, 24 hours after finishing).");
    }

    private static TraceReader Reader(HttpContext http, string? purpose) => new(http.User.UserId(), http.User.UserName(), purpose ?? "");

    /// <summary>Query parameters every route accepts: the language switch (UiSetup's QueryStringRequestCultureProvider).</summary>
    private static readonly string[] Everywhere = ["culture", "ui-culture"];

    private static async Task<KeysetPage<T>> PageAsync<TFilter, T>(FangkongDb db, TFilter filter, Func<TFilter, IQueryable<T>> query,
        System.Linq.Expressions.Expression<Func<T, long>> key, Func<T, T> mask, LinePaging paging, string list, TimeOrderedIds ids, CityClock clock, HttpContext http)
    {
        // The binder ignores a parameter it does not know: a misspelt filter (?clas=Mild) would list everyone.
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(Everywhere, StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(TFilter)), .. FilterFields.Of(typeof(LinePaging))]);
        var rows = query(filter);
        var reveal = paging.Reveal == true;
        if (reveal) LineLists.AuditReveal(db, ids, clock, Reader(http, paging.Purpose), "list:" + list);
        var page = await Keyset.PageAsync(rows, key, paging.After, paging.Size, http.RequestAborted);
        if (reveal) await db.SaveChangesAsync(http.RequestAborted);
        return reveal ? page : page with { Items = page.Items.Select(mask).ToList() };
    }
}
