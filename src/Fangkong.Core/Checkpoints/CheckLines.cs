using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>The vehicle-check line list's filter (query parameters of /api/checkpoints/checks).</summary>
public sealed record CheckFilter
{
    public long? CheckpointId { get; init; }
    public string? District { get; init; }
    public DateOnly? Day { get; init; }
    public int? Shift { get; init; }
    public CheckVerdict? Verdict { get; init; }
    public bool? GreenLane { get; init; }
}

/// <summary>Vehicles checked as a line list and its export (the caller's area through the area filter), and one check with its people.</summary>
public sealed class CheckLines
{
    internal static IQueryable<VehicleCheck> Query(FangkongDb db, CheckFilter f)
    {
        var q = db.VehicleChecks.AsNoTracking();
        if (f.CheckpointId is { } c) q = q.Where(v => v.CheckpointId == c);
        if (f.District is { } d) q = q.Where(v => v.DistrictCode == d);
        if (f.Day is { } day) q = q.Where(v => v.ShiftDay == day);
        if (f.Shift is { } s) q = q.Where(v => v.Shift == s);
        if (f.Verdict is { } verdict) q = q.Where(v => v.Verdict == verdict);
        if (f.GreenLane is { } g) q = q.Where(v => v.GreenLane == g);
        return q;
    }

    /// <summary>The checks as lines, each with its checkpoint's name (read once for the page).</summary>
    private static async Task<List<VehicleCheckLine>> LinesAsync(FangkongDb db, IReadOnlyList<VehicleCheck> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.CheckpointId).Distinct().ToList();
        var names = await db.Checkpoints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. rows.Select(v => new VehicleCheckLine(v.Id, v.CheckpointId, names.GetValueOrDefault(v.CheckpointId, ""), v.DistrictCode, v.AtUtc, v.ShiftDay,
            v.Shift, v.Plate, v.Kind, v.Origin, v.Destination, v.People, v.Verdict, v.GreenLane, v.PassVerdict))];
    }

    public async Task<KeysetPage<VehicleCheckLine>> PageAsync(FangkongDb db, CheckFilter f, long? after, int? size, CancellationToken ct)
    {
        var page = await Keyset.PageAsync(Query(db, f), v => v.Id, after, size, ct);
        return new KeysetPage<VehicleCheckLine>(await LinesAsync(db, page.Items, ct), page.Next, page.Count, page.CountCapped);
    }

    public async Task<VehicleCheckView> OneAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var v = await db.VehicleChecks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Checkpoints.NoSuchCheck", id));
        return await VehicleChecks.ReadAsync(db, v, ct);
    }

    public async Task<(string Name, string ContentType, byte[] Content)> ExportAsync(FangkongDb db, CityClock clock, CheckFilter f, string format, CancellationToken ct)
    {
        var rows = await LinesAsync(db, await Query(db, f).OrderByDescending(v => v.Id).Take(100_000).ToListAsync(ct), ct);
        TableColumn[] columns =
        [
            TableColumn.Identifier(Messages.Get("Checkpoints.Col.Id")), TableColumn.Text(Messages.Get("Checkpoints.Col.Checkpoint")),
            TableColumn.Identifier(Messages.Get("Checkpoints.Col.District")), TableColumn.Text(Messages.Get("Checkpoints.Col.At")),
            TableColumn.Text(Messages.Get("Checkpoints.Col.Shift")), TableColumn.Text(Messages.Get("Checkpoints.Col.Plate")),
            TableColumn.Text(Messages.Get("Checkpoints.Col.Kind")), TableColumn.Text(Messages.Get("Checkpoints.Col.Origin")),
            TableColumn.Text(Messages.Get("Checkpoints.Col.Destination")), TableColumn.Quantity(Messages.Get("Checkpoints.Col.People")),
            TableColumn.Text(Messages.Get("Checkpoints.Col.Verdict")), TableColumn.Text(Messages.Get("Checkpoints.Col.GreenLane")),
        ];
        var cells = rows.Select(v => (IReadOnlyList<object?>)[v.Id.ToString(CultureInfo.InvariantCulture), v.CheckpointName, v.DistrictCode,
            clock.ToLocal(v.AtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            v.ShiftDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " #" + v.Shift.ToString(CultureInfo.InvariantCulture),
            v.Plate, CheckpointWords.Vehicle(v.Kind), v.Origin, v.Destination, v.People, CheckpointWords.Verdict(v.Verdict),
            v.GreenLane ? Messages.Get("Checkpoints.Yes") : ""]);
        return format switch
        {
            "csv" => ("vehicle-checks.csv", "text/csv", await TableExport.CsvAsync(columns, cells, ct)),
            "xlsx" => ("vehicle-checks.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                await TableExport.XlsxAsync(Messages.Get("Checkpoints.Sheet"), columns, cells, ct)),
            _ => throw new InputException("format", Messages.Get("Checkpoints.Format")),
        };
    }
}

/// <summary>The words for checkpoint kinds, vehicles, verdicts and reasons in the reader's language.</summary>
public static class CheckpointWords
{
    // Each key spelled out, so the one-text-mechanism check sees every key used.
    public static string Kind(CheckpointKind k) => k switch
    {
        CheckpointKind.CountyBorder => Messages.Get("Checkpoints.Kind.CountyBorder"),
        CheckpointKind.TownshipBorder => Messages.Get("Checkpoints.Kind.TownshipBorder"),
        CheckpointKind.Village => Messages.Get("Checkpoints.Kind.Village"),
        CheckpointKind.InspectionStation => Messages.Get("Checkpoints.Kind.InspectionStation"),
        CheckpointKind.Roadblock => Messages.Get("Checkpoints.Kind.Roadblock"),
        _ => k.ToString(),
    };

    public static string Vehicle(VehicleKind k) => k switch
    {
        VehicleKind.Car => Messages.Get("Checkpoints.Vehicle.Car"),
        VehicleKind.Bus => Messages.Get("Checkpoints.Vehicle.Bus"),
        VehicleKind.Truck => Messages.Get("Checkpoints.Vehicle.Truck"),
        VehicleKind.Other => Messages.Get("Checkpoints.Vehicle.Other"),
        _ => k.ToString(),
    };

    public static string Verdict(CheckVerdict v) => v switch
    {
        CheckVerdict.Pass => Messages.Get("Checkpoints.Verdict.Pass"),
        CheckVerdict.PassWithRegistration => Messages.Get("Checkpoints.Verdict.PassWithRegistration"),
        CheckVerdict.TurnBack => Messages.Get("Checkpoints.Verdict.TurnBack"),
        CheckVerdict.Isolate => Messages.Get("Checkpoints.Verdict.Isolate"),
        _ => v.ToString(),
    };

    public static string Reason(CheckReason r) => r switch
    {
        CheckReason.RedCode => Messages.Get("Checkpoints.Reason.RedCode"),
        CheckReason.YellowCode => Messages.Get("Checkpoints.Reason.YellowCode"),
        CheckReason.Fever => Messages.Get("Checkpoints.Reason.Fever"),
        CheckReason.Remeasure => Messages.Get("Checkpoints.Reason.Remeasure"),
        CheckReason.CodeInvalid => Messages.Get("Checkpoints.Reason.CodeInvalid"),
        CheckReason.CentralizedIsolation => Messages.Get("Checkpoints.Reason.CentralizedIsolation"),
        CheckReason.HomeObservation => Messages.Get("Checkpoints.Reason.HomeObservation"),
        CheckReason.Tests => Messages.Get("Checkpoints.Reason.Tests"),
        CheckReason.NotBoundForCity => Messages.Get("Checkpoints.Reason.NotBoundForCity"),
        _ => r.ToString(),
    };

    public static string Risk(OriginRisk r) => r switch
    {
        OriginRisk.None => Messages.Get("Checkpoints.Risk.None"),
        OriginRisk.Low => Messages.Get("Checkpoints.Risk.Low"),
        OriginRisk.Medium => Messages.Get("Checkpoints.Risk.Medium"),
        OriginRisk.High => Messages.Get("Checkpoints.Risk.High"),
        _ => r.ToString(),
    };

    public static string PassVerdictText(PassVerdict v) => v switch
    {
        PassVerdict.Valid => Messages.Get("Passes.Verify.Valid"),
        PassVerdict.Malformed => Messages.Get("Passes.Verify.Malformed"),
        PassVerdict.BadSignature => Messages.Get("Passes.Verify.BadSignature"),
        PassVerdict.UnknownKey => Messages.Get("Passes.Verify.UnknownKey"),
        PassVerdict.NotYetValid => Messages.Get("Passes.Verify.NotYetValid"),
        PassVerdict.Expired => Messages.Get("Passes.Verify.Expired"),
        PassVerdict.Revoked => Messages.Get("Passes.Verify.Revoked"),
        PassVerdict.WrongVehicle => Messages.Get("Passes.Verify.WrongVehicle"),
        _ => v.ToString(),
    };
}
