using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>
/// Reads an account's area from the store (never from the cookie, so a changed or narrowed area applies at once) and
/// confines a context to it (ADR 0028). Requests are confined by the web host before any page or endpoint runs; a
/// background job confines its own context to the account that asked for it.
/// </summary>
public static class Jurisdictions
{
    /// <summary>The account's area, or null when it sees the whole city (province, city, a single place, or none set).</summary>
    public static async Task<AreaReach?> ReachAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.JurisdictionLevel, u.JurisdictionId }).FirstOrDefaultAsync(ct);
        if (user is not { JurisdictionLevel: { } level, JurisdictionId: { } id }) return null;
        return await AreaAsync(db, level, id, ct);
    }

    /// <summary>The area a level and id name, with its name (a district by its code); null for the whole city or a single place.</summary>
    public static async Task<AreaReach?> AreaAsync(FangkongDb db, JurisdictionLevel level, long id, CancellationToken ct)
    {
        switch (level)
        {
            case JurisdictionLevel.District:
                var code = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var district = await db.Districts.Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
                return new AreaReach(level, district ?? code, DistrictCode: code);
            case JurisdictionLevel.Street:
                var street = await db.Streets.Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);
                return new AreaReach(level, street ?? "", StreetId: id);
            case JurisdictionLevel.Community:
                var community = await db.Communities.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
                return new AreaReach(level, community ?? "", CommunityId: id);
            case JurisdictionLevel.Grid:
                var grid = await db.GridPlaces.Where(g => g.Id == id).FirstOrDefaultAsync(ct);
                var inCommunity = grid is null ? null : await db.Communities.Where(c => c.Id == grid.CommunityId).Select(c => c.Name).FirstOrDefaultAsync(ct);
                return new AreaReach(level, grid is null ? "" : $"{inCommunity} · {grid.Name}", GridId: id);
            default:
                // Province and city see everything; a single place's staff are confined by their own use cases.
                return null;
        }
    }

    /// <summary>Confines <paramref name="db"/> to the account's area; returns the area (null: the whole city).</summary>
    public static async Task<AreaReach?> ConfineAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        db.Confine(null);
        var area = await ReachAsync(db, userId, ct);
        db.Confine(area);
        return area;
    }
}
