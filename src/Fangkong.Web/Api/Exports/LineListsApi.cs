using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Requests;
using Fangkong.Core.Returnees;
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

        lists.MapGet("/cases", async ([AsParameters] CaseLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.CasesAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Cases, newest first: search by name prefix, ID or phone; filter by classification, status, how found, district, report dates. Masked unless reveal=true with a purpose (audited).");

        lists.MapGet("/contacts", async ([AsParameters] ContactLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.ContactsAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Contacts of every case, newest first: filter by grade, decision, kind, case, released, first-exposure, decision and release dates; onePerPerson=true keeps one row per person and grade (counts persons, as the bulletin does); becameCase=false leaves out contacts since reported cases (the bulletin counts them as cases). Masked unless revealed (audited).");

        lists.MapGet("/quarantine", async ([AsParameters] QuarantineLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.QuarantinedAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Quarantine stays, newest first: filter by state, place, role, site, due for release by a date. Masked unless revealed (audited).");

        // Who reads the testing list: epidemiologists and administrators, as the other lists (the group's Tracing policy,
        // the same roles as TestingView). Not lab technicians, although TestingStaff would admit them: the lab works on
        // tubes by barcode and posts a tube's result without ever seeing whose swabs are in it (least privilege, the
        // lab page shows counts only); this list names, identifies and phones every person sampled.
        lists.MapGet("/tests", async ([AsParameters] TestLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.TestsAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Samples taken (one row per person swabbed into a tube), newest first: search by name prefix, ID or phone; filter by round, site, result (Pending, Negative, PoolPositive, Positive), tube kind, quarantine tests, at home, sampling dates. Masked unless revealed (audited).");

        lists.MapGet("/tickets", async ([AsParameters] TicketLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.TicketsAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Citizens' requests as tickets, newest first: filter by state, category, source, unit, district, open, overdue, received and resolved dates; q= a ticket's number. Callers masked unless revealed (audited).");

        lists.MapGet("/venue-scans", async ([AsParameters] Fangkong.Core.VenueCodes.VenueScanLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.VenueScansAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Scans of venue codes by phones (own or for a household member), newest first: filter by venue, the venue's district, direction, outcome, method, dates. Masked unless revealed (audited).");
        lists.MapGet("/returnees", async ([AsParameters] ReturneeLineFilter filter, [AsParameters] LinePaging paging, FangkongDb db, LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.ReturneesAsync(db, Known(filter, http), paging.After, paging.Size, Reveal(paging, http), http.RequestAborted)))
            .WithSummary("Returnees, newest first: filter by state, measure, origin's level (or noRiskArea), source, travel, district, community, overdue, arrival and end dates; q= a registration's number. Masked unless revealed (audited).");

        var exports = app.MapGroup("/api/exports").WithTags("Line lists").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        exports.MapPost("/", async (ExportRequest body, FangkongDb db, ExportJobs jobs, ExportSignal signal, HttpContext http) =>
        {
            var job = await jobs.RequestAsync(db, body, Reader(http, body.Purpose), CultureInfo.CurrentUICulture, http.RequestAborted);
            signal.Wake();
            return TypedResults.Accepted($"/api/exports/{job.Id}", job);
        }).WithSummary("Export a line list (cases, contacts, quarantine, tests, zones, tickets, venue-scans, returnees) under a filter as xlsx or csv, in the background; follow it at the returned address.");

        exports.MapGet("/", async (FangkongDb db, ExportJobs jobs, HttpContext http) => TypedResults.Ok(await jobs.MineAsync(db, http.User.UserId(), http.RequestAborted)))
            .WithSummary("The caller's last 20 exports with their progress.");

        exports.MapGet("/{id:long}", async (long id, FangkongDb db, ExportJobs jobs, HttpContext http) => TypedResults.Ok(await jobs.GetAsync(db, id, http.User.UserId(), http.RequestAborted)))
            .WithSummary("One export's state and progress (rows written of the total).");

        exports.MapGet("/{id:long}/file", async (long id, FangkongDb db, ExportJobs jobs, HttpContext http) =>
        {
            var (name, type, content) = await jobs.FileAsync(db, id, http.User.UserId(), http.RequestAborted);
            return Results.File(content, type, name);
        }).Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Download a finished export (409 while it runs or after it expired, 24 hours after finishing).");
    }

    private static TraceReader Reader(HttpContext http, string? purpose) => new(http.User.UserId(), http.User.UserName(), purpose ?? "");

    /// <summary>Query parameters every route accepts: the language switch (UiSetup's QueryStringRequestCultureProvider).</summary>
    private static readonly string[] Everywhere = ["culture", "ui-culture"];

    /// <summary>The filter, once the query names only its fields and the paging's: the binder ignores a parameter it does not know, so a misspelt filter (?clas=Mild) would list everyone.</summary>
    private static TFilter Known<TFilter>(TFilter filter, HttpContext http)
    {
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(Everywhere, StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(TFilter)), .. FilterFields.Of(typeof(LinePaging))]);
        return filter;
    }

    /// <summary>Who reads unmasked rows and why; null keeps the page masked.</summary>
    private static TraceReader? Reveal(LinePaging paging, HttpContext http) => paging.Reveal == true ? Reader(http, paging.Purpose) : null;
}
