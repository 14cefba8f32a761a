namespace Fangkong.Core.Accounts;

/// <summary>
/// The levels an account's area can be set at (issue 18, ADR 0028): the administrative areas, largest first, then single
/// places. The stored numbers are the column's values: never renumber, only add.
/// <list type="bullet">
/// <item><see cref="Province"/> and <see cref="City"/>: everything the platform holds (one city per deployment today).</item>
/// <item><see cref="District"/> (id: the district's six-digit code as a number), <see cref="Street"/>, <see cref="Community"/>,
/// <see cref="Grid"/> (ids: the row's id): the persons whose home lies there, and everything about them — their cases,
/// contacts, stays, samples, visits, codes — and the figures counted from them (ADR 0028's area filter).</item>
/// <item><see cref="Venue"/>, <see cref="Lab"/>, <see cref="SamplingSite"/>, <see cref="QuarantineSite"/> (ids: the place's id):
/// one place's work. These roles (gate operators, venue managers, lab technicians, samplers, site staff) never open a
/// person list; the place confines what their own use cases show, as a gate operator's venue always has.</item>
/// </list>
/// </summary>
public enum JurisdictionLevel
{
    City = 1,
    District = 2,
    Street = 3,
    Community = 4,
    Grid = 5,
    Province = 6,
    Venue = 7,
    Lab = 8,
    SamplingSite = 9,
    QuarantineSite = 10,
    /// <summary>One institution (school, enterprise, home): an institution reporter's (issue 23); the id is the institution's.</summary>
    Institution = 11,
}
