using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>
/// Which checkpoints an account reaches (ADR 0040): an account confined to a district its district's; checkpoint staff
/// with no area only the checkpoints they are on duty at today; everyone else (the city's officers) every one. Another
/// district's checkpoint is "not found".
/// </summary>
internal sealed record StaffReach(string? District, IReadOnlyList<long>? OnDutyAt)
{
    public IQueryable<Checkpoint> Filter(IQueryable<Checkpoint> q)
    {
        if (District is { } d) q = q.Where(c => c.DistrictCode == d);
        if (OnDutyAt is { } ids) q = q.Where(c => ids.Contains(c.Id));
        return q;
    }

    public static async Task<StaffReach> OfAsync(FangkongDb db, long userId, CityClock clock, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Where(x => x.Id == userId)
            .Select(x => new { x.Role, x.JurisdictionLevel, x.JurisdictionId }).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException(Messages.Get("Checkpoints.NotStaffAccount"));
        if (u.JurisdictionLevel == JurisdictionLevel.District && u.JurisdictionId is { } code)
            return new StaffReach(code.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        if (u.Role == Roles.CheckpointStaff && u.JurisdictionLevel is not (JurisdictionLevel.City or JurisdictionLevel.Province))
        {
            // No district: the checkpoints on today's roster (and yesterday's, for a night shift that began then).
            var today = clock.Today;
            var yesterday = today.AddDays(-1);
            var ids = await db.CheckpointDuties.AsNoTracking().Where(d => d.UserId == userId && (d.Day == today || d.Day == yesterday))
                .Select(d => d.CheckpointId).Distinct().ToListAsync(ct);
            return new StaffReach(null, ids);
        }
        return new StaffReach(null, null);
    }
}
