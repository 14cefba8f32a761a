using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Supervision;

namespace Fangkong.Core.Supervision;

/// <summary>The findings' line list as CSV or XLSX, under the list's filter (issue 24 part 5).</summary>
public static class FindingExport
{
    public static async Task<(string Name, string ContentType, byte[] Content)> ExportAsync(FangkongDb db, Inspections inspections, CityClock clock, FindingFilter f, string format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) throw new InputException("format", Messages.Get("Supervision.Format"));
        var rows = await inspections.FindingsAsync(db, f, null, ct);
        TableColumn[] columns =
        [
            TableColumn.Identifier(Messages.Get("Supervision.Col.Id")), TableColumn.Identifier(Messages.Get("Supervision.Col.District")),
            TableColumn.Text(Messages.Get("Supervision.Col.Place")), TableColumn.Text(Messages.Get("Supervision.Col.FoundAt")),
            TableColumn.Text(Messages.Get("Supervision.Col.Category")), TableColumn.Text(Messages.Get("Supervision.Col.Severity")),
            TableColumn.Text(Messages.Get("Supervision.Col.Description")), TableColumn.Text(Messages.Get("Supervision.Col.State")),
            TableColumn.Text(Messages.Get("Supervision.Col.Unit")), TableColumn.Text(Messages.Get("Supervision.Col.Deadline")),
            TableColumn.Text(Messages.Get("Supervision.Col.Overdue")), TableColumn.Text(Messages.Get("Supervision.Col.Order")),
        ];
        var cells = rows.Select(x => (IReadOnlyList<object?>)[x.Id.ToString(CultureInfo.InvariantCulture), x.DistrictCode, x.PlaceName,
            clock.ToLocal(x.FoundAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), SupervisionWords.Category(x.Category),
            SupervisionWords.Severity(x.Severity), x.Description, SupervisionWords.State(x.State), x.ResponsibleUnit ?? "",
            x.DeadlineUtc is { } d ? clock.ToLocal(d).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
            x.Overdue ? Messages.Get("Supervision.Yes") : "", x.ClosureOrderNumber ?? ""]);
        return format == "csv"
            ? ("inspection-findings.csv", "text/csv", await TableExport.CsvAsync(columns, cells, ct))
            : ("inspection-findings.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                await TableExport.XlsxAsync(Messages.Get("Supervision.Sheet"), columns, cells, ct));
    }
}

/// <summary>The words for the supervision enums in the reader's language; each key spelled out (the one-text check reads literal keys).</summary>
public static class SupervisionWords
{
    public static string Category(FindingCategory c) => c switch
    {
        FindingCategory.GateControl => Messages.Get("Supervision.Category.GateControl"),
        FindingCategory.Temperature => Messages.Get("Supervision.Category.Temperature"),
        FindingCategory.CodeCheck => Messages.Get("Supervision.Category.CodeCheck"),
        FindingCategory.Disinfection => Messages.Get("Supervision.Category.Disinfection"),
        FindingCategory.Crowding => Messages.Get("Supervision.Category.Crowding"),
        FindingCategory.ClosureViolation => Messages.Get("Supervision.Category.ClosureViolation"),
        FindingCategory.ZoneControl => Messages.Get("Supervision.Category.ZoneControl"),
        _ => Messages.Get("Supervision.Category.Other"),
    };

    public static string Severity(FindingSeverity s) => s switch
    {
        FindingSeverity.Minor => Messages.Get("Supervision.Severity.Minor"),
        FindingSeverity.Serious => Messages.Get("Supervision.Severity.Serious"),
        _ => Messages.Get("Supervision.Severity.Critical"),
    };

    public static string State(FindingState s) => s switch
    {
        FindingState.FixedOnSpot => Messages.Get("Supervision.State.FixedOnSpot"),
        FindingState.HandedOver => Messages.Get("Supervision.State.HandedOver"),
        FindingState.Answered => Messages.Get("Supervision.State.Answered"),
        _ => Messages.Get("Supervision.State.Confirmed"),
    };

    public static string Sign(UnattendedSign s) => s switch
    {
        UnattendedSign.Silent => Messages.Get("Supervision.Sign.Silent"),
        UnattendedSign.NoTemperature => Messages.Get("Supervision.Sign.NoTemperature"),
        _ => Messages.Get("Supervision.Sign.AdmitsAll"),
    };
}
