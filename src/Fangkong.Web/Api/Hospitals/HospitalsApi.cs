using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Hospitals;
using Fangkong.Domain.Common;
using Fangkong.Domain.Hospitals;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Hospitals;

/// <summary>Designated and Fangcang hospitals, their wards and beds, cases admitted, moved and discharged, and case transfers (转运).</summary>
public static class HospitalsApi
{
    public static void MapHospitalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospitals").WithTags("Hospitals").WithProblems();

        api.MapPost("", async (NewHospital body, FangkongDb db, HospitalRegistry hospitals, HttpContext http) =>
        {
            var h = await hospitals.CreateAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/hospitals/{h.Id}", h);
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Add a designated or Fangcang hospital with its wards and their beds (numbered 1 to N).");

        api.MapGet("", async (string? q, HospitalKind? kind, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await HospitalRegistry.ListAsync(db, q, kind, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Hospitals by kind and name, with wards, beds, cases in beds and free beds.");

        api.MapGet("/{id:long}", async (long id, long? wardId, BedShow? show, int? page, int? pageSize, FangkongDb db, HospitalBeds beds, HttpContext http) =>
            TypedResults.Ok(await beds.GetAsync(db, id, wardId, show ?? BedShow.All, page, pageSize, http.RequestAborted)
                ?? throw new NotFoundException("id", Messages.Get("Hospitals.UnknownHospital"))))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("One hospital: its wards with their load, and a page of beds with the case in each.");

        api.MapGet("/cases/{caseId:long}", async (long caseId, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await Admissions.BedsAsync(db, caseId, http.RequestAborted) ?? throw new NotFoundException("caseId", Messages.Get("Hospitals.NoSuchCase"))))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("A case's bed now and every bed it has been in.");

        api.MapPost("/cases/{caseId:long}/admit", async (long caseId, BedRequest body, FangkongDb db, Admissions admissions, HttpContext http) =>
            TypedResults.Ok(await admissions.AdmitAsync(db, caseId, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Admit a case to a hospital (a ward or a bed, else its first free bed); the case is then in hospital.");

        api.MapPost("/cases/{caseId:long}/move", async (long caseId, BedRequest body, FangkongDb db, Admissions admissions, HttpContext http) =>
            TypedResults.Ok(await admissions.MoveAsync(db, caseId, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Move a case to another bed, ward or hospital.");

        api.MapPost("/cases/{caseId:long}/discharge", async (long caseId, Discharge body, FangkongDb db, Admissions admissions, HttpContext http) =>
            TypedResults.Ok(await admissions.DischargeAsync(db, caseId, body, http.User.UserId(), http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Discharge a case from its bed: a confirmed case is discharged, an asymptomatic or suspected one released.");

        api.MapGet("/transfers", async (TransferState? state, long? hospitalId, long? batchId, DateOnly? due, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await CaseTransfers.ListAsync(db, state, hospitalId, batchId, due, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Case transfers (转运) by state, hospital, batch and due day; open ones first.");

        api.MapPost("/transfers", async (NewCaseTransfers body, FangkongDb db, CaseTransfers transfers, HttpContext http) =>
        {
            var batch = await transfers.RequestAsync(db, body, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/hospitals/transfers?batchId={batch.Id}", batch);
        }).RequireAuthorization(AuthSetup.Tracing).WithSummary("Request transfers for one case or hundreds in one batch: to a hospital (checked against its free beds), or home=true for return trips of discharged or released people.");

        api.MapGet("/transfer-batches", async (int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await CaseTransfers.BatchesAsync(db, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("Transfer batches, latest first, with how many trips are at each state.");

        foreach (var (step, state) in new[] { ("dispatch", TransferState.Dispatched), ("arrive", TransferState.Arrived), ("cancel", TransferState.Cancelled) })
        {
            api.MapPost($"/transfers/{{id:long}}/{step}", async (long id, CaseTransferStep body, FangkongDb db, CaseTransfers transfers, HttpContext http) =>
                TypedResults.Ok(await transfers.StepAsync(db, id, state, body, http.User.UserId(), http.RequestAborted)))
                .RequireAuthorization(AuthSetup.Tracing).WithSummary($"Move a case transfer to {state} (dispatch needs the vehicle; arrival at a hospital puts the case in a free bed).");
            api.MapPost($"/transfer-batches/{{id:long}}/{step}", async (long id, CaseTransferStep body, FangkongDb db, CaseTransfers transfers, HttpContext http) =>
                TypedResults.Ok(await transfers.StepBatchAsync(db, id, state, body, http.User.UserId(), http.RequestAborted)))
                .RequireAuthorization(AuthSetup.Tracing).WithSummary($"Move every trip of a batch that can take the step to {state}, in one transaction.");
        }
    }
}
