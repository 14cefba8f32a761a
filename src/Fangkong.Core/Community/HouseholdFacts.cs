using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Community;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>A member as their grid worker sees them: masked, with what the platform and the last screenings know.</summary>
public sealed record MemberView(long PersonId, string Name, Sex Sex, int? Age, CodeColour Colour,
    bool? Away, string? AwayAt, DateOnly? AwaySince, string? ReturnedFrom, DateOnly? ReturnedOn, string? Needs,
    QuarantinePlace? Quarantine, DateOnly? QuarantineUntil, IReadOnlyList<SpecialGroup> Groups);

public sealed record ScreeningSummary(long Id, DateTime VisitedAtUtc, ScreeningOutcome Outcome, string ByName, string? Note);

/// <summary>A household on the grid worker's list: its door, whether it is sealed in, who lives there and the last visit.</summary>
public sealed record HouseholdView(long HouseholdId, long GridId, string GridName, int? JointUnit, string Address, bool Sealed,
    IReadOnlyList<MemberView> Members, ScreeningSummary? LastScreening, int OpenProblems);

/// <summary>
/// What is known of the households on one page, in a fixed number of queries whatever the page's size: members with
/// their colour, quarantine, special groups and last reported whereabouts, the last screening, open problems, and
/// whether the household is sealed in.
/// </summary>
internal static class HouseholdFacts
{
    public static async Task<IReadOnlyList<HouseholdView>> ViewsAsync(FangkongDb db, IReadOnlyList<GridHousehold> rows, DateOnly today, CancellationToken ct)
    {
        var ids = rows.Select(r => r.HouseholdId).ToList();
        var doors = await (from h in db.Households
                           where ids.Contains(h.Id)
                           join u in db.Units on h.UnitId equals u.Id
                           join b in db.Buildings on u.BuildingId equals b.Id
                           join c in db.Compounds on b.CompoundId equals c.Id
                           select new { h.Id, Compound = c.Name, Building = b.Number, Unit = u.Number, Door = h.Number }).ToListAsync(ct);
        var sealedIn = await SealedHouseholds.AmongAsync(db, ids, ct);
        var persons = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && ids.Contains(p.HouseholdId.Value))
            .Select(p => new { p.Id, HouseholdId = p.HouseholdId!.Value, p.Name, p.Sex, p.BirthDate }).ToListAsync(ct);
        var personIds = persons.Select(p => p.Id).ToList();
        var colours = await db.Colours.Where(c => personIds.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, c => c.Colour, ct);
        var stays = (await db.QuarantineStays.AsNoTracking().Where(s => s.State == QuarantineState.InQuarantine && personIds.Contains(s.PersonId))
            .Select(s => new { s.PersonId, s.Place, s.ReleaseDate }).ToListAsync(ct)).ToDictionary(s => s.PersonId);
        var groups = (await db.SpecialGroupMembers.AsNoTracking().Where(m => m.EndedAtUtc == null && personIds.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.Group }).ToListAsync(ct)).ToLookup(m => m.PersonId, m => m.Group);
        var screenings = await db.Screenings.AsNoTracking().Where(s => ids.Contains(s.HouseholdId)).ToListAsync(ct);
        var screeningIds = screenings.Select(s => s.Id).ToList();
        var visited = screenings.ToDictionary(s => s.Id, s => s.VisitedAtUtc);
        var reports = (await db.ScreeningMembers.AsNoTracking().Where(m => screeningIds.Contains(m.ScreeningId)).ToListAsync(ct))
            .OrderByDescending(m => visited[m.ScreeningId]).ToLookup(m => m.PersonId);
        var lastVisit = screenings.GroupBy(s => s.HouseholdId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.VisitedAtUtc)!);
        var open = await db.CommunityProblems.Where(p => p.HouseholdId != null && ids.Contains(p.HouseholdId.Value) && p.State != ProblemState.Closed)
            .GroupBy(p => p.HouseholdId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var gridIds = rows.Select(r => r.GridId).Distinct().ToList();
        var grids = await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var unitIds = rows.Where(r => r.JointUnitId != null).Select(r => r.JointUnitId!.Value).Distinct().ToList();
        var units = await db.JointUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Number, ct);
        var doorById = doors.ToDictionary(d => d.Id);

        return rows.Select(r =>
        {
            var d = doorById.GetValueOrDefault(r.HouseholdId);
            var members = persons.Where(p => p.HouseholdId == r.HouseholdId).OrderBy(p => p.Id).Select(p =>
            {
                var latest = reports[p.Id].FirstOrDefault();
                var returned = reports[p.Id].FirstOrDefault(m => m.ReturnedOn is not null);
                var stay = stays.GetValueOrDefault(p.Id);
                return new MemberView(p.Id, Masking.Name(p.Name), p.Sex, Age(p.BirthDate, today), colours.TryGetValue(p.Id, out var c) ? c : CodeColour.Green,
                    latest is null ? null : !latest.Present, latest?.AwayAt, latest?.AwaySince, returned?.ReturnedFrom, returned?.ReturnedOn,
                    reports[p.Id].FirstOrDefault(m => m.Needs is not null)?.Needs,
                    stay?.Place, stay?.ReleaseDate, groups[p.Id].Order().ToList());
            }).ToList();
            var last = lastVisit.GetValueOrDefault(r.HouseholdId);
            return new HouseholdView(r.HouseholdId, r.GridId, grids.GetValueOrDefault(r.GridId, ""),
                r.JointUnitId is { } u ? units.GetValueOrDefault(u) : null,
                d is null ? "" : Messages.Get("Community.Door", d.Compound, d.Building, d.Unit, d.Door),
                sealedIn.Contains(r.HouseholdId), members,
                last is null ? null : new ScreeningSummary(last.Id, last.VisitedAtUtc, last.Outcome, last.ByName, last.Note),
                open.GetValueOrDefault(r.HouseholdId));
        }).ToList();
    }

    public static int? Age(DateOnly? birth, DateOnly today)
    {
        if (birth is not { } b) return null;
        var age = today.Year - b.Year;
        return b > today.AddYears(-age) ? age - 1 : age;
    }
}
