using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>A confirmed contact of a case, still under management: placed by this designation (with where) or not yet.</summary>
public sealed record PlacementRow(long ContactId, long PersonId, string Name, ContactGrade Grade, ContactKind Kind, string? Stay, QuarantinePlace? Place,
    string? Site, string? Room, DateOnly? Day1, DateOnly? ReleaseDate);

/// <summary>A case's confirmed contacts to place and those placed (masked), and the site suggested for them.</summary>
public sealed record CasePlacementView(IReadOnlyList<PlacementRow> ToPlace, IReadOnlyList<PlacementRow> Placed, IReadOnlyList<SiteView> Sites, long? SuggestedSiteId);

/// <summary>
/// What the placement page of a case lists: its confirmed close and secondary contacts not yet released, split into
/// those without a quarantine of this designation and those in one, and the sites with their free rooms. The site
/// suggested is the one with room for the most of the contacts to place: in the case's district first, then the most free rooms.
/// </summary>
public static class CasePlacements
{
    /// <summary>More than a case's contacts ever are; the lists stop there.</summary>
    public const int MaxRows = ContactDecisions.MaxBulk;

    public static async Task<CasePlacementView?> GetAsync(FangkongDb db, long caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new { x.Id, x.DistrictCode }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var rows = await (from p in db.ContactProposals.AsNoTracking()
                          where p.CaseId == caseId && p.Status == ProposalStatus.Confirmed && p.ReleasedAtUtc == null && p.Grade != ContactGrade.Companion
                          join person in db.Persons on p.PersonId equals person.Id
                          join s in db.QuarantineStays.Where(s => s.State == QuarantineState.InQuarantine) on (long?)p.Id equals s.ContactId into ss
                          from s in ss.DefaultIfEmpty()
                          join site in db.QuarantineSites on s.SiteId equals (long?)site.Id into siteJoin
                          from site in siteJoin.DefaultIfEmpty()
                          join room in db.QuarantineRooms on s.RoomId equals (long?)room.Id into rooms
                          from room in rooms.DefaultIfEmpty()
                          orderby person.HouseholdId, p.Id
                          select new
                          {
                              p.Id,
                              p.PersonId,
                              person.Name,
                              p.Grade,
                              p.Kind,
                              Stay = s == null ? null : s.Number,
                              Place = s == null ? (QuarantinePlace?)null : s.Place,
                              Site = site == null ? null : site.Name,
                              Room = room == null ? null : room.Number,
                              Day1 = s == null ? (DateOnly?)null : s.Day1,
                              ReleaseDate = s == null ? (DateOnly?)null : s.ReleaseDate,
                          }).Take(MaxRows).ToListAsync(ct);
        var list = rows.Select(r => new PlacementRow(r.Id, r.PersonId, Masking.Name(r.Name), r.Grade, r.Kind, r.Stay, r.Place, r.Site, r.Room, r.Day1, r.ReleaseDate)).ToList();
        var toPlace = list.Where(r => r.Stay is null).ToList();
        var sites = (await QuarantineSites.ListAsync(db, null, 1, 100, ct)).Items;
        var suggested = sites.Where(s => s.FreeRooms > 0)
            .OrderByDescending(s => Math.Min(s.FreeRooms, toPlace.Count))
            .ThenByDescending(s => s.DistrictCode == c.DistrictCode)
            .ThenByDescending(s => s.FreeRooms).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (long?)s.Id).FirstOrDefault();
        return new CasePlacementView(toPlace, list.Where(r => r.Stay is not null).ToList(), sites, suggested);
    }
}
