using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Staff;

/// <summary>
/// Which accounts an administrator confined to an area administers (ADR 0028): those whose area lies within theirs — a
/// district's administrator the accounts of the district, its streets, communities, grids and venues — and residents
/// whose person lives there. What they grant stays within too: an area inside their own, and no administrator (only
/// the city's or province's administrators appoint administrators, so a district cannot multiply its own power).
/// An unconfined administrator (city, province) administers every account.
/// </summary>
public static class AdministeredAccounts
{
    /// <summary>The accounts the context's caller administers (the context's area is the caller's, set per request).</summary>
    public static IQueryable<User> Of(FangkongDb db)
    {
        if (db.Area is not { } a) return db.Users;
        var district = a.DistrictCode;
        var districtNumber = district is null ? (long?)null : long.Parse(district, System.Globalization.CultureInfo.InvariantCulture);
        var street = a.StreetId;
        var community = a.CommunityId;
        var grid = a.GridId;
        return db.Users.Where(u =>
            // Residents: by their person, whom the area filter shows only when they live in the area.
            (u.Role == Roles.Resident && u.PersonId != null && db.Persons.Any(p => p.Id == u.PersonId))
            || (u.Role != Roles.Resident && (
                (u.JurisdictionLevel == JurisdictionLevel.District && u.JurisdictionId == districtNumber)
                || (u.JurisdictionLevel == JurisdictionLevel.Street && db.Streets.Any(s => s.Id == u.JurisdictionId && (s.DistrictCode == district || s.Id == street)))
                || (u.JurisdictionLevel == JurisdictionLevel.Community && db.Communities.Any(c => c.Id == u.JurisdictionId
                    && (c.Id == community || c.StreetId == street || db.Streets.Any(s => s.Id == c.StreetId && s.DistrictCode == district))))
                || (u.JurisdictionLevel == JurisdictionLevel.Grid && db.Grids.Any(g => g.Id == u.JurisdictionId
                    && (g.Id == grid || g.CommunityId == community || db.Communities.Any(c => c.Id == g.CommunityId
                        && (c.StreetId == street || db.Streets.Any(s => s.Id == c.StreetId && s.DistrictCode == district))))))
                || ((u.JurisdictionLevel == null || u.JurisdictionLevel == JurisdictionLevel.Venue) && u.VenueId != null
                    && db.Venues.Any(v => v.Id == u.VenueId && v.DistrictCode == district)))));
    }

    /// <summary>Refuses the administrator's role to a confined caller: administrators are appointed by the city's or province's.</summary>
    public static void CheckRoles(FangkongDb db, IReadOnlyList<string>? roles)
    {
        if (db.Area is null) return;
        if (roles is not null && roles.Contains(Roles.Administrator)) throw new ForbiddenException(Messages.Get("Staff.Grant.Role"));
    }

    /// <summary>Whether an area a confined administrator grants lies within theirs; refused with the field named otherwise.</summary>
    public static async Task CheckAreaAsync(FangkongDb db, AccountArea area, string field, CancellationToken ct)
    {
        if (db.Area is not { } reach) return;
        if (!await WithinAsync(db, area, ct)) throw new InputException(field, Messages.Get("Staff.Grant.Area", reach.Name));
    }

    // The list's rule for one area (kept beside it, arm for arm).
    private static async Task<bool> WithinAsync(FangkongDb db, AccountArea area, CancellationToken ct)
    {
        var a = db.Area!;
        var district = a.DistrictCode;
        var street = a.StreetId;
        var community = a.CommunityId;
        var grid = a.GridId;
        var id = area.Id;
        if (area.VenueId is { } venue) return district is not null && await db.Venues.AnyAsync(v => v.Id == venue && v.DistrictCode == district, ct);
        return area.Level switch
        {
            JurisdictionLevel.District => district is not null && id == long.Parse(district, System.Globalization.CultureInfo.InvariantCulture),
            JurisdictionLevel.Street => await db.Streets.AnyAsync(s => s.Id == id && (s.DistrictCode == district || s.Id == street), ct),
            JurisdictionLevel.Community => await db.Communities.AnyAsync(c => c.Id == id
                && (c.Id == community || c.StreetId == street || db.Streets.Any(s => s.Id == c.StreetId && s.DistrictCode == district)), ct),
            JurisdictionLevel.Grid => await db.Grids.AnyAsync(g => g.Id == id
                && (g.Id == grid || g.CommunityId == community || db.Communities.Any(c => c.Id == g.CommunityId
                    && (c.StreetId == street || db.Streets.Any(s => s.Id == c.StreetId && s.DistrictCode == district)))), ct),
            // None (the whole city), the city, the province, or a place the area tree does not hold: beyond a confined caller.
            _ => false,
        };
    }
}
