using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

/// <summary>An unattended-gate alert with its evidence, as a district's supervisors and the command center read it.</summary>
public sealed record GateAlertView(long Id, long VenueId, string VenueName, string DistrictCode, IReadOnlyList<UnattendedSign> Signs,
    DateTime RaisedAtUtc, DateTime CheckedAtUtc, DateTime? ClearedAtUtc, DateTime? LastRecordUtc, DateTime OpenSinceUtc,
    TimeOnly Opens, TimeOnly Closes, int GateEntries, int WithoutTemperature, int Admitted, int Denied, string PolicyVersion);

/// <summary>Open unattended-gate alerts in one district.</summary>
public sealed record GateAlertCount(string DistrictCode, string DistrictName, int Venues);

/// <summary>The alerts' reads: the list (open, or every one) in the caller's area, and the count by district (the dashboard's figure equals its list).</summary>
public static class GateAlerts
{
    public static async Task<IReadOnlyList<GateAlertView>> ListAsync(FangkongDb db, string? district, bool includeCleared, CancellationToken ct)
    {
        var q = db.GateAlerts.AsNoTracking();
        if (!includeCleared) q = q.Where(a => a.ClearedAtUtc == null);
        if (!string.IsNullOrWhiteSpace(district)) q = q.Where(a => a.DistrictCode == district.Trim());
        var rows = await (from a in q
                          join v in db.Venues on a.VenueId equals v.Id
                          orderby a.ClearedAtUtc == null descending, a.DistrictCode, a.RaisedAtUtc descending
                          select new { a, v.Name }).Take(2000).ToListAsync(ct);
        return [.. rows.Select(r => View(r.a, r.Name))];
    }

    public static async Task<GateAlertView> OneAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var row = await (from a in db.GateAlerts.AsNoTracking()
                         join v in db.Venues on a.VenueId equals v.Id
                         where a.Id == id
                         select new { a, v.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("id", Messages.Get("Supervision.NoSuchAlert", id));
        return View(row.a, row.Name);
    }

    /// <summary>Venues with an open alert per district: the command center's figure, each the length of its district's list.</summary>
    public static async Task<IReadOnlyList<GateAlertCount>> ByDistrictAsync(FangkongDb db, CancellationToken ct)
    {
        var counts = await db.GateAlerts.AsNoTracking().Where(a => a.ClearedAtUtc == null)
            .GroupBy(a => a.DistrictCode).Select(g => new { g.Key, Venues = g.Count() }).ToListAsync(ct);
        var names = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return [.. counts.OrderBy(c => c.Key).Select(c => new GateAlertCount(c.Key, names.GetValueOrDefault(c.Key, c.Key), c.Venues))];
    }

    public static Task<int> OpenCountAsync(FangkongDb db, CancellationToken ct) => db.GateAlerts.CountAsync(a => a.ClearedAtUtc == null, ct);

    private static GateAlertView View(GateAlert a, string venue) => new(a.Id, a.VenueId, venue, a.DistrictCode,
        [.. a.Signs.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<UnattendedSign>)],
        a.RaisedAtUtc, a.CheckedAtUtc, a.ClearedAtUtc, a.LastRecordUtc, a.OpenSinceUtc, a.Opens, a.Closes,
        a.GateEntries, a.WithoutTemperature, a.Admitted, a.Denied, a.PolicyVersion);
}
