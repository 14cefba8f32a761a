using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Institutions;
using Fangkong.Domain.Institutions;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Institutions;

/// <summary>The institutions' line list filter as query parameters.</summary>
public sealed record InstitutionListQuery(InstitutionKind? Kind, string? DistrictCode, bool? Closed, bool? Missing)
{
    public InstitutionFilter Filter() => new() { Kind = Kind, DistrictCode = DistrictCode, Closed = Closed, Missing = Missing };
}

/// <summary>
/// Institutions and their daily reports (issue 23 parts 1, 2, 4 and 7, ADR 0045): registration and imports, a unit's
/// report in one submission, a member's own, the missing units, fever referrals with their contact lists, closed
/// management and closed-loop shifts, the district's overview, the line list and its export.
/// </summary>
public static class InstitutionsApi
{
    public static void MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/institutions").WithTags("Institutions").WithProblems();

        api.MapPost("", async (InstitutionForm body, FangkongDb db, InstitutionRegistry registry, HttpContext http) =>
        {
            var v = await registry.CreateAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/institutions/{v.Id}", v);
        }).RequireAuthorization(InstitutionAccess.Manage).WithSummary("Register an institution: name, kind, district (and community), size, responsible person, prevention plan.");

        api.MapPost("/import", async (string? fileName, FangkongDb db, InstitutionImport import, HttpContext http) =>
        {
            var (stream, name) = await UploadAsync(http, fileName);
            var report = await import.ImportAsync(db, stream, name, http.RequestAborted);
            return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }).DisableAntiforgery().RequireAuthorization(InstitutionAccess.Manage)
          .Produces<ImportReport>(StatusCodes.Status200OK).Produces<ImportReport>(StatusCodes.Status422UnprocessableEntity)
          .WithSummary("Import a list of institutions (XLSX or CSV, multipart field file or a text/csv body); one bad row and nothing is written (422, line by line).");

        api.MapGet("", async ([AsParameters] InstitutionListQuery q, long? after, int? size, FangkongDb db, InstitutionReads reads, HttpContext http) =>
        {
            OnlyListFields(http, "after", "size");
            return TypedResults.Ok(await reads.PageAsync(db, q.Filter(), after, size, http.RequestAborted));
        }).RequireAuthorization(InstitutionAccess.Lists).WithSummary("Institutions with today's reporting state, newest first, continued by key (after=); missing=true: those with a unit missing its report past the deadline.");

        api.MapGet("/export.{format}", async (string format, [AsParameters] InstitutionListQuery q, FangkongDb db, InstitutionReads reads, HttpContext http) =>
        {
            OnlyListFields(http);
            var (name, type, content) = await reads.ExportAsync(db, q.Filter(), format, http.RequestAborted);
            return Results.File(content, type, name);
        }).RequireAuthorization(InstitutionAccess.Lists)
          .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .WithSummary("The institutions' line list as csv or xlsx.");

        api.MapGet("/overview", async (FangkongDb db, InstitutionReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.OverviewAsync(db, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Overview).WithSummary("Today's institutions reporting and missing, the rate, fevers and closed institutions, by district.");

        api.MapGet("/missing", async (DateOnly? day, FangkongDb db, InstitutionReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.MissingAsync(db, day, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Lists).WithSummary("The alert to the district: every unit past the deadline without its day's report.");

        api.MapGet("/fevers", async (DateOnly? day, FangkongDb db, InstitutionReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.FeversAsync(db, day, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Lists).WithSummary("Members sent to a fever clinic from a day's reports, each with its contact list's size.");

        api.MapGet("/referrals/{id:long}/contacts", async (long id, FangkongDb db, InstitutionReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.ContactsAsync(db, id, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Tracing).WithSummary("A fever referral's contact list for tracing: the member's unit, masked.");

        api.MapGet("/mine", async (FangkongDb db, InstitutionReads reads, HttpContext http) =>
        {
            var own = await ScopeAsync(db, http) ?? ReporterScope.None;
            return TypedResults.Ok(await reads.OneAsync(db, own, own, http.RequestAborted));
        }).RequireAuthorization(InstitutionAccess.Reporter).WithSummary("The reporter's own institution with today's units.");

        api.MapPost("/me/report", async (SelfReport body, FangkongDb db, DailyReports reports, HttpContext http) =>
            TypedResults.Ok(await reports.SubmitOwnAsync(db, http.User.UserId(), http.User.PersonId(), body, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Member).WithSummary("A member's own temperature and symptoms today, into their unit's report (idempotency key).");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, InstitutionReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.OneAsync(db, id, await ScopeAsync(db, http), http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Read).WithSummary("One institution with its plan, closed management and today's units.");

        api.MapPost("/{id:long}/members/import", async (long id, string? fileName, FangkongDb db, MemberImport import, HttpContext http) =>
        {
            var (stream, name) = await UploadAsync(http, fileName);
            var report = await import.ImportAsync(db, id, await ScopeAsync(db, http), stream, name, http.RequestAborted);
            return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }).DisableAntiforgery().RequireAuthorization(InstitutionAccess.Report)
          .Produces<ImportReport>(StatusCodes.Status200OK).Produces<ImportReport>(StatusCodes.Status422UnprocessableEntity)
          .WithSummary("Import the institution's members (ID number, name, unit, kind) from XLSX or CSV; one bad row and nothing is written.");

        api.MapGet("/{id:long}/roster", async (long id, string? unit, DateOnly? day, FangkongDb db, InstitutionReads reads, HttpContext http) =>
            TypedResults.Ok(await reads.RosterAsync(db, id, await ScopeAsync(db, http), unit, day, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Report).WithSummary("A unit's roster for a day with the readings already in.");

        api.MapPost("/{id:long}/reports", async (long id, UnitReport body, FangkongDb db, DailyReports reports, HttpContext http) =>
            TypedResults.Ok(await reports.SubmitAsync(db, http.User.UserId(), id, await ScopeAsync(db, http), body, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Report).WithSummary("A unit's day in one submission (temperatures and symptoms, or a zero report) with out-of-province returns; fevers are referred.");

        api.MapPost("/{id:long}/closure", async (long id, InstitutionClosure body, FangkongDb db, InstitutionRegistry registry, HttpContext http) =>
            TypedResults.Ok(await registry.CloseAsync(db, id, body, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Manage).WithSummary("Begin closed management (nursing homes, child welfare institutions) from a day with its shift length, or end it.");

        api.MapGet("/{id:long}/shifts", async (long id, FangkongDb db, ClosedLoops loops, HttpContext http) =>
            TypedResults.Ok(await loops.ShiftsAsync(db, id, await ScopeAsync(db, http), http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Read).WithSummary("The closed loop's staff shifts, each with its state and the tests it owes.");

        api.MapPost("/{id:long}/shifts", async (long id, ShiftStart body, FangkongDb db, ClosedLoops loops, HttpContext http) =>
            TypedResults.Ok(await loops.StartAsync(db, id, await ScopeAsync(db, http), body, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Report).WithSummary("A staff member's closed-loop shift begins (their earlier one ends).");

        api.MapPost("/{id:long}/shifts/{shiftId:long}/tests", async (long id, long shiftId, ShiftTestInput body, FangkongDb db, ClosedLoops loops, HttpContext http) =>
            TypedResults.Ok(await loops.TestAsync(db, id, await ScopeAsync(db, http), shiftId, body, http.RequestAborted)))
            .RequireAuthorization(InstitutionAccess.Report).WithSummary("A test a staff member on shift took, and its result.");
    }

    /// <summary>A reporter's one institution (administrators and epidemiologists are confined by their area instead).</summary>
    private static Task<long?> ScopeAsync(FangkongDb db, HttpContext http) =>
        ReporterScope.OfAsync(db, http.User.UserId(), http.User.IsInRole(Roles.InstitutionReporter) && !http.User.IsInRole(Roles.Administrator)
            && !http.User.IsInRole(Roles.Epidemiologist), http.RequestAborted);

    private static async Task<(Stream Stream, string Name)> UploadAsync(HttpContext http, string? fileName)
    {
        var buffer = new MemoryStream();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.Count > 0 ? form.Files[0] : throw new InputException("file", Messages.Get("Institutions.Import.Empty"));
            await using var s = file.OpenReadStream();
            await s.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            return (buffer, file.FileName);
        }
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        return (buffer, fileName ?? "upload.csv");
    }

    private static void OnlyListFields(HttpContext http, params string[] paging) =>
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(InstitutionFilter)), .. paging]);
}
