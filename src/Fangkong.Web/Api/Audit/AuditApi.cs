using Fangkong.Core.Audit;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Audit;

/// <summary>The tamper-evident audit log (ADR 0024): administrators filter, export and verify it and read its alarms; a resident reads who read their data.</summary>
public static class AuditApi
{
    private static readonly TableColumn[] Header =
    [
        TableColumn.Identifier("序号 Seq"),
        TableColumn.Text("时间 At (UTC+8)"),
        TableColumn.Text("类型 Kind"),
        TableColumn.Text("操作 Action"),
        TableColumn.Identifier("账号编号 Officer id"),
        TableColumn.Text("人员 Officer"),
        TableColumn.Text("角色 Role"),
        TableColumn.Identifier("人员编号 Person id"),
        TableColumn.Identifier("场所编号 Venue id"),
        TableColumn.Text("目的 Purpose"),
        TableColumn.Text("依据 Reference"),
        TableColumn.Text("变更 Detail"),
        TableColumn.Identifier("哈希 Hash"),
    ];

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/api/audit").WithTags("Audit").WithProblems();
        audit.MapGet("/entries", async (string? officer, long? personId, string? kind, DateTime? from, DateTime? to, int? page, int? pageSize,
            FangkongDb db, CityClock clock, HttpContext http) =>
            TypedResults.Ok(await AuditViews.PageAsync(db, Filter(officer, personId, kind, from, to, clock), page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("The audit log, newest first, filtered by officer (id or name), person, kind and time (city time).");

        audit.MapGet("/entries.xlsx", async (string? officer, long? personId, string? kind, DateTime? from, DateTime? to,
            FangkongDb db, CityClock clock, TimeOrderedIds ids, HttpContext http) =>
        {
            var rows = await AuditViews.ExportAsync(db, Filter(officer, personId, kind, from, to, clock), http.RequestAborted);
            // The export of the log is itself an export in the log.
            await AuditLog.AppendAsync(db, AuditEntries.Export(ids, clock.UtcNow, http.User.UserId(), http.User.UserName(), "audit", revealed: false,
                null, "rows:" + rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), http.RequestAborted);
            var cells = rows.Select(r => (IReadOnlyList<object?>)[r.Seq, clock.ToLocal(r.AtUtc), r.Kind, r.Action, r.ActorUserId, r.ActorName, r.ActorRole,
                r.PersonId, r.VenueId, r.Purpose, r.Reference, r.Detail, r.Hash]);
            return Results.File(await TableExport.XlsxAsync("audit", Header, cells, http.RequestAborted),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "audit.xlsx");
        }).RequireAuthorization(AuthSetup.Admin).Produces<Stream>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("The filtered audit log as XLSX (the export is audited).");

        audit.MapGet("/verify", async (FangkongDb db, HttpContext http) =>
        {
            var result = await AuditVerifier.VerifyAsync(db, http.RequestAborted);
            return TypedResults.Ok(new { result.Intact, result.Checked, result.HeadSeq, result.HeadHash, result.BrokenAtSeq, result.BrokenEntryId, result.Problem, Message = result.Describe() });
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Walk the hash chain: intact, or the first broken entry and how.");

        audit.MapGet("/alarms", async (string? kind, int? page, int? pageSize, FangkongDb db, HttpContext http) =>
            TypedResults.Ok(await AuditAlarms.PageAsync(db, kind, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithSummary("Alarms raised by the audit log (Policy:Audit), newest first.");

        api.MapGroup("/api/me").WithTags("Audit").WithProblems().MapGet("/access", async (int? page, int? pageSize, FangkongDb db, HttpContext http) =>
        {
            var person = http.User.PersonId() ?? throw new ForbiddenException(Messages.Get("Audit.NotResident"));
            return TypedResults.Ok(await AuditViews.ReadsOfAsync(db, person, page, pageSize, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.ResidentOnly).WithSummary("Who read the signed-in resident's data, when, why, for which case.");
    }

    private static AuditFilter Filter(string? officer, long? personId, string? kind, DateTime? from, DateTime? to, CityClock clock)
    {
        if (officer is { Length: > 100 }) throw new InputException("officer", Messages.Get("Audit.OfficerTooLong"));
        return new AuditFilter(officer, personId, kind, from is { } f ? clock.AsUtc(f) : null, to is { } t ? clock.AsUtc(t) : null);
    }
}
