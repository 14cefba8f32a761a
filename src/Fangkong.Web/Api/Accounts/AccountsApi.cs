using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Staff;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Accounts;

public sealed record NewAccountBody(string? Name, string? Phone, string? IdNumber, IReadOnlyList<string>? Roles, string? Area);
public sealed record UnbindBody(string? Reason);

/// <summary>Administrators' accounts API: list, create, change, disable, enable, reset, import a team, undo a resident's binding.</summary>
public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(AuthSetup.Admin);
        api.MapGet("", (string? q, int? page, int? size, FangkongDb db, StaffAccounts accounts, HttpContext http) =>
            accounts.ListAsync(db, q, page, size, http.RequestAborted))
            .WithSummary("Accounts, searched by user name, name or phone; phone and ID number masked.");
        api.MapPost("", (NewAccountBody body, FangkongDb db, StaffAccounts accounts, HttpContext http) =>
            accounts.CreateAsync(db, http.User.UserId(), new NewStaff(body.Name, body.Phone, body.IdNumber, body.Roles, body.Area), http.RequestAborted))
            .WithSummary("Create a staff account; the answer holds its one-time password, shown only this once.");
        api.MapPut("/{id:long}", async (long id, AccountChangeRequest body, FangkongDb db, StaffAccounts accounts, HttpContext http) =>
        {
            await accounts.ChangeAsync(db, http.User.UserId(), id, body, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Change an account's roles (the first is the primary one) or area (\"community:12\", empty for none).");
        api.MapPost("/{id:long}/disable", async (long id, FangkongDb db, StaffAccounts accounts, HttpContext http) =>
        {
            await accounts.SetDisabledAsync(db, http.User.UserId(), id, true, http.RequestAborted);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:long}/enable", async (long id, FangkongDb db, StaffAccounts accounts, HttpContext http) =>
        {
            await accounts.SetDisabledAsync(db, http.User.UserId(), id, false, http.RequestAborted);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:long}/reset", (long id, FangkongDb db, StaffAccounts accounts, HttpContext http) =>
            accounts.ResetAsync(db, http.User.UserId(), id, http.RequestAborted))
            .WithSummary("A new one-time password and first sign-in, a new authenticator; unlocks.");
        api.MapPost("/{id:long}/unbind", async (long id, UnbindBody body, FangkongDb db, ResidentAccounts residents, HttpContext http) =>
        {
            await residents.UnbindAsync(db, http.User.UserId(), id, body.Reason, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Undo a resident's real-name binding, with a reason (recorded).");
        api.MapPost("/import", async (string? area, string? format, FangkongDb db, TeamImport import, HttpContext http) =>
        {
            var report = await ImportAsync(http, area, db, import);
            if (report.Problems.Count > 0) return Results.UnprocessableEntity(report);
            return format is "csv" or "xlsx" ? await PasswordsFileAsync(report.Created, format, http.RequestAborted) : Results.Ok(report);
        }).DisableAntiforgery().Produces<TeamImportReport>(StatusCodes.Status200OK).Produces<TeamImportReport>(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Import a team from a CSV or XLSX file (multipart field file): all rows or none; bad rows reported line by line (422). " +
                "?area= assigns rows without one; ?format=csv|xlsx answers with the new accounts' one-time passwords as a file.");
    }

    public static async Task<TeamImportReport> ImportAsync(HttpContext http, string? area, FangkongDb db, TeamImport import)
    {
        if (!http.Request.HasFormContentType) throw new InputException("file", Messages.Get("Staff.Import.FileRequired"));
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.Count > 0 ? form.Files[0] : throw new InputException("file", Messages.Get("Staff.Import.FileRequired"));
        var defaultArea = area ?? form["area"].ToString();
        await using var stream = file.OpenReadStream();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        var rows = TeamFile.Read(buffer, file.FileName);
        return await import.ImportAsync(db, http.User.UserId(), rows, defaultArea, http.RequestAborted);
    }

    /// <summary>The new accounts' user names and one-time passwords as a file, written once and not kept.</summary>
    public static async Task<IResult> PasswordsFileAsync(IReadOnlyList<InitialPassword> created, string format, CancellationToken ct)
    {
        var output = new MemoryStream();
        await using (var writer = await TableWriter.CreateAsync(format, output, "accounts",
            [new TableColumn(HostText.Get("Accounts.Column.UserName"), ColumnKind.Text), new TableColumn(HostText.Get("Accounts.Column.Name"), ColumnKind.Text),
             new TableColumn(HostText.Get("Accounts.Column.Password"), ColumnKind.Text)], ct))
        {
            foreach (var c in created) await writer.RowAsync([c.UserName, c.DisplayName, c.Password], ct);
            await writer.CompleteAsync(ct);
        }
        return Results.File(output.ToArray(), format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"accounts.{format}");
    }
}
