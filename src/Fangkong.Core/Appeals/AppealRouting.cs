using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>Who answers an appeal: the office and area responsible for the rule that fired.</summary>
public sealed record AppealRoute(AppealOffice Office, string DistrictCode, long? CommunityId);

/// <summary>
/// Routes an appeal to the office responsible for the rule that fired (domain.md §3): a case or contact to the tracing
/// team of the person's district, a zone to the zone's district and the person's community, a fever, pool or missed
/// round to the district's testing office, anything else (a manual colour) to the district's office.
/// </summary>
public static class AppealRouting
{
    public static AppealOffice OfficeFor(string rule) => rule switch
    {
        CodeRules.CaseRule or CodeRules.ContactRule => AppealOffice.Tracing,
        CodeRules.ZoneRule => AppealOffice.Zone,
        CodeRules.PositivePoolRule or CodeRules.FeverRule or CodeRules.MissedRoundRule => AppealOffice.Testing,
        _ => AppealOffice.District,
    };

    public static async Task<AppealRoute> RouteAsync(FangkongDb db, long personId, string rule, IReadOnlyList<string> evidence, CancellationToken ct)
    {
        var home = await HomeAsync(db, personId, ct);
        var office = OfficeFor(rule);
        if (office == AppealOffice.Zone && evidence.Select(ZoneId).FirstOrDefault(z => z is not null) is { } zoneId)
        {
            var district = await db.Zones.Where(z => z.Id == zoneId).Select(z => z.DistrictCode).FirstOrDefaultAsync(ct);
            return new AppealRoute(office, district ?? home.District, home.Community);
        }
        return new AppealRoute(office, home.District, home.Community);
    }

    private static long? ZoneId(string evidence) =>
        evidence.StartsWith("zone:", StringComparison.Ordinal) && long.TryParse(evidence.AsSpan(5), out var id) ? id : null;

    // The district of the person's home; without a registered home, the district their ID number was issued in when the
    // city has it; otherwise none (the city's office answers).
    private static async Task<(string District, long? Community)> HomeAsync(FangkongDb db, long personId, CancellationToken ct)
    {
        var person = await db.Persons.Where(p => p.Id == personId).Select(p => new { p.HouseholdId, p.DocumentNumber }).FirstOrDefaultAsync(ct);
        if (await HouseholdAreas.OfAsync(db, person?.HouseholdId, ct) is ({ } district, var community)) return (district, community);
        var number = person?.DocumentNumber ?? "";
        var prefix = number.Length >= 6 ? number[..6] : "";
        var known = prefix.Length == 6 && await db.Districts.AnyAsync(d => d.Code == prefix, ct);
        return (known ? prefix : "", null);
    }
}
