using System.Security.Claims;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Returnees;
using Fangkong.Domain.Travel;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Returnees;

public sealed record RiskAreaBody(string? Province, string? City, string? County, string? Name, RiskLevel? Level, DateOnly? From, DateOnly? To, bool? CountyHasOutbreak)
{
    public RiskAreaDraft Draft() => new(Province, City, County, Name, Level, From, To, CountyHasOutbreak);
}

public sealed record RiskAreaEndBody(DateOnly? To);

public sealed record ReturneeBody(string? IdempotencyKey, long? RiskAreaId, string? Origin, DateOnly? LeftOn, DateOnly? ArrivedOn, TravelMode? Travel, string? TravelNumber,
    long? HouseholdId, long? CheckpointId, long? PersonId, string? DocumentNumber, string? Name, string? Phone)
{
    public ReturneeForm Form() => new(IdempotencyKey, RiskAreaId, Origin, LeftOn, ArrivedOn, Travel, TravelNumber, HouseholdId, CheckpointId, PersonId, DocumentNumber, Name, Phone);
}

public sealed record ReturneeReviewBody(IReadOnlyList<long>? Ids);

public sealed record ReturneePlaceBody(long? SiteId);

/// <summary>
/// Returnees (外返人员, issue 21): other regions' risk areas (officers configure and import them; anyone signed in
/// searches them), registration from the resident's phone (idempotency key; a checkpoint's QR adds its id) or by the
/// community for someone, the worker's daily follow-up, the review that releases by the rule. A confined caller reaches
/// only their area's returnees (ADR 0028).
/// </summary>
public static class ReturneesApi
{
    public static void MapReturneesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/returnees").WithTags("Returnees").WithProblems();

        api.MapGet("/risk-areas", async ([AsParameters] RiskAreaFilter filter, FangkongDb db, CityClock clock, HttpContext http) =>
            TypedResults.Ok(await RiskAreas.ListAsync(db, filter, clock.Today, http.RequestAborted)))
            .RequireAuthorization().WithSummary("Other regions' risk areas, highest level first: q= a place's name, level, inForce (today).");

        api.MapPost("/risk-areas", async (RiskAreaBody body, FangkongDb db, RiskAreas areas, HttpContext http) =>
        {
            var a = await areas.AddAsync(db, http.User.UserId(), body.Draft(), http.RequestAborted);
            return TypedResults.Created($"/api/returnees/risk-areas/{a.Id}", a);
        }).RequireAuthorization(AuthSetup.Tracing).WithSummary("Add another region's risk area: province, city, county, area, level (High, Medium, Low), from, to, whether its county has an outbreak.");

        api.MapPost("/risk-areas/{id:long}/end", async (long id, RiskAreaEndBody body, FangkongDb db, RiskAreas areas, HttpContext http) =>
            TypedResults.Ok(await areas.EndAsync(db, id, body.To, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("The area was lowered or lifted: in force until the day given (today when none).");

        api.MapPost("/risk-areas/import", async (string? fileName, FangkongDb db, RiskAreas areas, HttpContext http) =>
        {
            var (stream, name) = await UploadAsync(http, fileName);
            var report = await areas.ImportAsync(db, http.User.UserId(), stream, name, http.RequestAborted);
            return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }).DisableAntiforgery().RequireAuthorization(AuthSetup.Tracing)
          .Produces<RiskAreaImportReport>(StatusCodes.Status200OK).Produces<RiskAreaImportReport>(StatusCodes.Status422UnprocessableEntity)
          .WithSummary("Import a published list (multipart field file, or a CSV or XLSX body): 省/province, 市/city, 县区/county, 风险区/area, 风险等级/level, 起始日期/from, 截止日期/to, 县区有疫情/outbreak. An area listed before is not added again; one bad row and nothing is written (422, line by line).");

        api.MapPost("/me", async (ReturneeBody body, FangkongDb db, ReturneeRegistry registry, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            var r = await registry.ForResidentAsync(db, http.User.UserId(), personId, body.Form() with { PersonId = null, DocumentNumber = null, Name = null, Phone = null }, http.RequestAborted);
            return TypedResults.Created($"/api/returnees/{r.Id}", r);
        }).RequireAuthorization(AuthSetup.ResidentOnly)
          .WithSummary("A resident registers their return from the phone (before arrival, or at a checkpoint's QR with checkpointId): where from (riskAreaId or origin), leftOn, arrivedOn, travel and its number, householdId (their own home when none). The idempotency key makes a retry answer with the same registration; so does the same arrival day.");

        api.MapGet("/me", async (FangkongDb db, MyReturns mine, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await mine.MineAsync(db, personId, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The resident's registrations: the decision in words, the test days and their state, the stay, today's check-in.");

        api.MapPost("/me/{id:long}/check-in", async (long id, CheckInRequest body, FangkongDb db, MyReturns mine, HttpContext http) =>
        {
            var personId = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Codes.NotAResident"));
            return TypedResults.Ok(await mine.CheckInAsync(db, http.User.UserId(), personId, id, body, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("The returnee's daily health check-in (temperature, symptoms) under isolation or home observation; a second one the same day replaces the first.");

        api.MapPost("", async (ReturneeBody body, FangkongDb db, ReturneeRegistry registry, HttpContext http) =>
        {
            var r = await registry.ForCommunityAsync(db, http.User.UserId(), body.Form(), http.RequestAborted);
            return TypedResults.Created($"/api/returnees/{r.Id}", r);
        }).RequireAuthorization(AuthSetup.CommunityWork)
          .WithSummary("The community registers a returnee in its area: personId, or an ID number (with name and phone for someone not yet known), the household staying at, where from, when left, how travelled; idempotency key.");

        api.MapGet("", async ([AsParameters] ReturneeLineFilter filter, long? after, int? size, FangkongDb db, Core.Exports.LinePages lines, HttpContext http) =>
            TypedResults.Ok(await lines.ReturneesAsync(db, filter, after, size, null, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community)
            .WithSummary("The caller's area's returnees (masked), newest first, with the line list's filters (overdue=true: the overdue list); epidemiologists unmask at /api/lists/returnees.");

        api.MapGet("/{id:long}", async (long id, FangkongDb db, CityClock clock, HttpContext http) =>
            TypedResults.Ok(await ReturneeViews.OneAsync(db, id, clock, http.RequestAborted) ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"))))
            .RequireAuthorization(AuthSetup.Community).WithSummary("One returnee (masked): the decision, its policy version, the stay, the test days, today's check-in and follow-up.");

        api.MapGet("/follow-up", async (FangkongDb db, ReturneeFollowUps followUps, HttpContext http) =>
            TypedResults.Ok(await followUps.TodayAsync(db, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Community).WithSummary("The caller's returnees under a measure today, overdue first: today's check-in, test days, follow-up done or not.");

        api.MapPost("/{id:long}/follow-up", async (long id, FollowUpRequest body, FangkongDb db, ReturneeFollowUps followUps, HttpContext http) =>
            TypedResults.Ok(await followUps.RecordAsync(db, http.User.UserId(), http.User.FindFirstValue(ClaimTypes.GivenName) ?? http.User.Identity?.Name ?? "", id, body, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommunityWork).WithSummary("Record today's follow-up of a returnee: reached, symptoms, a note (one a day; a second replaces it).");

        api.MapPost("/{id:long}/place", async (long id, ReturneePlaceBody body, FangkongDb db, ReturneeRegistry registry, HttpContext http) =>
            TypedResults.Ok(await registry.PlaceAsync(db, id, body.SiteId, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Place a returnee whose centralized isolation found no free room, at the site named or any with a room.");

        api.MapPost("/review", async (ReturneeReviewBody body, FangkongDb db, ReturneeRelease release, HttpContext http) =>
            TypedResults.Ok(await release.ReviewAsync(db, body.Ids, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.CommunityWork)
            .WithSummary("Release by the rule the returnees whose days are over with every test negative (ids, or all in the caller's area); a positive test makes one a case; the rest are named with why they wait.");
    }

    /// <summary>The uploaded file: a multipart form's first file, or the body itself as CSV or XLSX.</summary>
    private static async Task<(Stream Stream, string Name)> UploadAsync(HttpContext http, string? fileName)
    {
        var buffer = new MemoryStream();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.Count > 0 ? form.Files[0] : throw new InputException("file", Messages.Get("Returnees.Import.Empty"));
            await using var s = file.OpenReadStream();
            await s.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            return (buffer, file.FileName);
        }
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        var xlsx = http.Request.ContentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true;
        return (buffer, fileName ?? (xlsx ? "upload.xlsx" : "upload.csv"));
    }
}
