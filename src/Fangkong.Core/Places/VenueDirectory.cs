using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Places;

public sealed record VenueSummary(long Id, string Name, VenueType Type, string TypeName, string DistrictCode, string? Address,
    int Capacity, string Hours, int? RequiredNegativeTestHours, bool AllowsYellow);

public sealed class VenueDirectory
{
    public async Task<Page<VenueSummary>> SearchAsync(FangkongDb db, string? q, VenueType? type, string? district, int page, int size, CancellationToken ct)
    {
        var query = db.Venues.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(v => v.Name.Contains(q.Trim()));
        if (type is { } t) query = query.Where(v => v.Type == t);
        if (!string.IsNullOrWhiteSpace(district)) query = query.Where(v => v.DistrictCode == district);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderBy(v => v.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<VenueSummary>(rows.Select(Summarise).ToList(), page, size, total);
    }

    public async Task<VenueSummary> GetAsync(FangkongDb db, long id, CancellationToken ct) =>
        Summarise(await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Places.NoSuchVenue", id)));

    /// <summary>A venue's gate devices in the order they were added.</summary>
    public async Task<IReadOnlyList<GateDevice>> DevicesAsync(FangkongDb db, long venueId, CancellationToken ct) =>
        await db.GateDevices.AsNoTracking().Where(d => d.VenueId == venueId).OrderBy(d => d.Id).ToListAsync(ct);

    public static VenueSummary Summarise(Venue v) => new(v.Id, v.Name, v.Type, VenueTypes.ChineseName(v.Type), v.DistrictCode, v.Address,
        v.Capacity, v.Hours.IsAllDay ? Messages.Get("Places.AllDay") : $"{v.Opens:HH\\:mm}–{v.Closes:HH\\:mm}", v.RequiredNegativeTestHours, v.AllowsYellow);
}
