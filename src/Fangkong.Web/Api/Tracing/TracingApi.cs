using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Tracing;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Tracing;

public static class TracingApi
{
    // Ids, ID numbers, phones and district codes are identifiers (text cells, never rounded); the temperature is a quantity.
    private static readonly TableColumn[] TrajectoryHeader =
    [
        TableColumn.Identifier("场所编号 Venue id"),
        TableColumn.Text("场所 Venue"),
        TableColumn.Text("类型 Type"),
        TableColumn.Identifier("区县 District"),
        TableColumn.Text("进入 Entered (UTC+8)"),
        TableColumn.Text("离开 Exited (UTC+8)"),
        TableColumn.Text("推定离开 Inferred exit"),
        TableColumn.Text("方式 Method"),
        TableColumn.Quantity("体温 Temperature"),
    ];

    private static readonly TableColumn[] LogHeader =
    [
        TableColumn.Identifier("人员编号 Person id"),
        TableColumn.Text("姓名 Name"),
        TableColumn.Identifier("证件号码 Document"),
        TableColumn.Identifier("电话 Phone"),
        TableColumn.Text("进入 Entered (UTC+8)"),
        TableColumn.Text("离开 Exited (UTC+8)"),
        TableColumn.Text("推定离开 Inferred exit"),
        TableColumn.Text("方式 Method"),
        TableColumn.Quantity("体温 Temperature"),
    ];

    public static void MapTracingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tracing").WithTags("Tracing").WithProblems().RequireAuthorization(AuthSetup.Tracing);

        api.MapGet("/index", (StayIndex index) => TypedResults.Ok(index.Status))
            .WithSummary("The in-memory contact index (ADR 0033): building (stays read of expected) or ready (stays, persons, first day, memory); searches read the store until it is ready.");

        api.MapGet("/persons/{id:long}/trajectory", async (long id, DateTime? from, DateTime? to, string? purpose, string? q, int? page, int? pageSize,
            FangkongDb db, TraceService trace, HttpContext http) =>
        {
            var (f, t) = Window(from, to, http);
            var (p, s) = Paging.Normalise(page, pageSize);
            return TypedResults.Ok(await trace.TrajectoryAsync(db, id, f, t, Reader(http, purpose), q, p, s, http.RequestAborted));
        }).WithSummary("A person's visits in a window (audited: purpose required).");

        api.MapGet("/persons/{id:long}/trajectory.{format}", async (long id, string format, DateTime? from, DateTime? to, string? purpose,
            FangkongDb db, TraceService trace, CityClock clock, HttpContext http) =>
        {
            var (f, t) = Window(from, to, http);
            var rows = await trace.TrajectoryExportAsync(db, id, f, t, Reader(http, purpose), http.RequestAborted);
            var cells = rows.Select(r => (IReadOnlyList<object?>)[r.VenueId, r.VenueName, TraceService.VenueTypeName(r.VenueType), r.DistrictCode,
                clock.ToLocal(r.EnteredAtUtc), r.ExitedAtUtc is { } x ? clock.ToLocal(x) : null, r.ExitInferred, r.Method, r.Temperature]);
            return await FileAsync(format, $"trajectory-{id}", "轨迹", TrajectoryHeader, cells, http.RequestAborted);
        }).ProducesTable().WithSummary("Export a trajectory as csv or xlsx (audited).");

        api.MapGet("/venues/{id:long}/log", async (long id, DateTime? from, DateTime? to, string? purpose, string? q, bool? reveal, int? page, int? pageSize,
            FangkongDb db, TraceService trace, HttpContext http) =>
        {
            var (f, t) = Window(from, to, http);
            var (p, s) = Paging.Normalise(page, pageSize);
            return TypedResults.Ok(await trace.VenueLogAsync(db, id, f, t, Reader(http, purpose), q, reveal == true, p, s, http.RequestAborted));
        }).WithSummary("Who was inside a venue in a window; masked unless reveal=true (audited).");

        api.MapGet("/venues/{id:long}/log.{format}", async (long id, string format, DateTime? from, DateTime? to, string? purpose, bool? reveal,
            FangkongDb db, TraceService trace, CityClock clock, HttpContext http) =>
        {
            var (f, t) = Window(from, to, http);
            var rows = await trace.VenueLogExportAsync(db, id, f, t, Reader(http, purpose), reveal == true, http.RequestAborted);
            var cells = rows.Select(r => (IReadOnlyList<object?>)[r.PersonId, r.Name, r.DocumentNumber, r.Phone,
                clock.ToLocal(r.EnteredAtUtc), r.ExitedAtUtc is { } x ? clock.ToLocal(x) : null, r.ExitInferred, r.Method, r.Temperature]);
            return await FileAsync(format, $"venue-{id}-log", "场所记录", LogHeader, cells, http.RequestAborted);
        }).ProducesTable().WithSummary("Export a venue log as csv or xlsx (audited).");

        app.MapGet("/api/audit/trace-accesses", async (long? personId, int? page, int? pageSize, FangkongDb db, TraceAccessLog log, HttpContext http) =>
            TypedResults.Ok(await log.PageAsync(db, personId, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Admin).WithTags("Audit").WithSummary("Who read whose trajectory, why and when.");
    }

    /// <summary>Documents a csv-or-xlsx download in OpenAPI.</summary>
    private static RouteHandlerBuilder ProducesTable(this RouteHandlerBuilder route) =>
        route.Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static TraceReader Reader(HttpContext http, string? purpose) => new(http.User.UserId(), http.User.UserName(), purpose ?? "");

    private static (DateTime From, DateTime To) Window(DateTime? from, DateTime? to, HttpContext http)
    {
        var clock = http.RequestServices.GetRequiredService<CityClock>();
        var f = from ?? throw new InputException("from", Messages.Get("Tracing.FromRequiredIso"));
        var t = to ?? throw new InputException("to", Messages.Get("Tracing.ToRequiredIso"));
        return (clock.AsUtc(f), clock.AsUtc(t));
    }

    private static async Task<IResult> FileAsync(string format, string name, string sheet, IReadOnlyList<TableColumn> header, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct) =>
        format switch
        {
            "csv" => Results.File(await TableExport.CsvAsync(header, rows, ct), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => Results.File(await TableExport.XlsxAsync(sheet, header, rows, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => throw new InputException("format", Messages.Get("Tracing.ExportFormat")),
        };
}
