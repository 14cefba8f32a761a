using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;

namespace Fangkong.Core.Zones;

/// <summary>The zone list as an export writes it: the list page's rows (<see cref="ZoneViews.Query"/>), worded in the export's language.</summary>
public static class ZoneLines
{
    /// <summary>The exported columns, in the order of <see cref="Cells"/>; numbers and codes are identifiers (text cells), counts are quantities.</summary>
    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Documents.Column.Zone"),
        LineColumn.Text("Documents.Column.ZoneName"),
        LineColumn.Text("Documents.Column.ZoneLevel"),
        LineColumn.Text("Documents.Column.State"),
        LineColumn.Identifier("Documents.Column.District"),
        LineColumn.Text("Documents.Column.Proposed"),
        LineColumn.Text("Documents.Column.InForce"),
        LineColumn.Text("Documents.Column.LevelSince"),
        LineColumn.Text("Documents.Column.Ended"),
        LineColumn.Quantity("Documents.Column.Households"),
        LineColumn.Quantity("Documents.Column.Residents"),
        LineColumn.Quantity("Documents.Column.ZoneCases"),
        LineColumn.Text("Documents.Column.AwaitingApproval"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    /// <summary>A zone's row; its level is named as its preset names it (封控区 or 高风险区).</summary>
    public static IReadOnlyList<object?> Cells(ZoneLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Number, r.Name, ZoneWords.Level(r.Preset, r.Level, culture), ZoneWords.State(r.State, culture), r.DistrictCode,
        clock.ToLocal(r.ProposedAtUtc), r.StartedAtUtc is { } s ? clock.ToLocal(s) : null, r.LevelSince, r.EndedAtUtc is { } e ? clock.ToLocal(e) : null,
        r.Households, r.Residents, r.Cases, r.PendingStep is { } p ? ZoneWords.Step(p, culture) : null,
    ];
}
