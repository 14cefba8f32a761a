using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Hospitals;
using Fangkong.Domain.Hospitals;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>A hospital's cases in beds against its beds, for the dashboard.</summary>
public sealed record HospitalOccupancy(long Id, string Name, HospitalKind Kind, int Beds, int Occupied)
{
    public double Load => Beds == 0 ? 0 : (double)Occupied / Beds;
}

/// <summary>Bed occupancy against beds, designated and Fangcang hospitals apart: read for the snapshot, and its figures.</summary>
internal static class DashboardHospitals
{
    public static async Task<List<HospitalOccupancy>> ReadAsync(FangkongDb db, CancellationToken ct)
    {
        var all = await HospitalRegistry.ListAsync(db, null, null, 1, Common.Paging.MaxPageSize, ct);
        return all.Items.Select(h => new HospitalOccupancy(h.Id, h.Name, h.Kind, h.Beds, h.Occupied)).ToList();
    }
}

internal sealed partial class DashboardFigureList
{
    /// <summary>Beds and cases in beds by kind of hospital, and per hospital; each opens the hospitals page.</summary>
    public void Hospitals(IReadOnlyList<HospitalOccupancy> hospitals)
    {
        foreach (var kind in new[] { HospitalKind.Designated, HospitalKind.Fangcang })
        {
            var mine = hospitals.Where(h => h.Kind == kind).ToList();
            var link = new FigureLink(null, "/hospitals", [KeyValuePair.Create("kind", kind.ToString())]);
            Add($"hospitals.{kind}.beds", mine.Sum(h => h.Beds), link);
            Add($"hospitals.{kind}.occupied", mine.Sum(h => h.Occupied), link);
        }
        foreach (var h in hospitals)
            Add($"hospitals.hospital.{h.Id.ToString(CultureInfo.InvariantCulture)}", h.Occupied, new FigureLink(null, $"/hospitals/{h.Id.ToString(CultureInfo.InvariantCulture)}", []));
    }
}
