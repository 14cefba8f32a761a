using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>
/// An institution reporter's reach, read from the store (never the cookie): the one institution their account's area names
/// (<see cref="JurisdictionLevel.Institution"/>). Null for officers, whose area filter confines them instead; a reporter
/// without an institution reaches none (-1), so a missing area never widens to the city.
/// </summary>
public static class ReporterScope
{
    public const long None = -1;

    public static async Task<long?> OfAsync(FangkongDb db, long userId, bool isReporterOnly, CancellationToken ct)
    {
        if (!isReporterOnly) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.JurisdictionLevel, u.JurisdictionId }).FirstOrDefaultAsync(ct);
        return user is { JurisdictionLevel: JurisdictionLevel.Institution, JurisdictionId: { } id } ? id : None;
    }
}
