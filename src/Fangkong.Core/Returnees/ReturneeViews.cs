using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>
/// A returnee as pages and the API show them (name masked): where from and the level matched, the rule's decision in
/// words with its policy version and preset, the stay that serves it, the test days and today's check-in and follow-up.
/// </summary>
public sealed record ReturneeView(long Id, string Number, long PersonId, string Name, string Origin, RiskLevel? Level, bool CountyHasOutbreak, DateOnly LeftOn,
    DateOnly ArrivedOn, TravelMode Travel, string? TravelNumber, ReturneeSource Source, long? CheckpointId, TravellerMeasure Measure, string Decision, int Days,
    DateOnly? EndsOn, string PolicyVersion, ZonePreset Preset, ReturneeState State, long? StayId, string? Stay, QuarantinePlace? Place, string? Site, string? Room,
    bool PlacementPending, string Address, string? Community, string? Grid, string? Worker, IReadOnlyList<ReturneeTestDay> Tests, bool? CheckedInToday,
    bool MissedCheckIn, bool FollowedUpToday, DateTime RegisteredAtUtc, DateTime? EndedAtUtc)
{
    public bool Overdue => State == ReturneeState.UnderMeasure && (MissedCheckIn || Tests.Any(t => t.State == TestDayState.Missed));
}

public static class ReturneeViews
{
    public static async Task<ReturneeView?> OneAsync(FangkongDb db, long id, CityClock clock, CancellationToken ct)
    {
        var r = await db.Returnees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return r is null ? null : (await ManyAsync(db, [r], clock, ct))[0];
    }

    /// <summary>The views of <paramref name="rows"/>, in their order, in a fixed number of queries.</summary>
    public static async Task<IReadOnlyList<ReturneeView>> ManyAsync(FangkongDb db, IReadOnlyList<Returnee> rows, CityClock clock, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var persons = rows.Select(r => r.PersonId).Distinct().ToList();
        // The returnee's own record names them: read past the area (a returnee stays where their home is not).
        Dictionary<long, string> names;
        using (db.WholeCity())
            names = await db.Persons.AsNoTracking().Where(p => persons.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var stayIds = rows.Select(r => r.StayId).OfType<long>().ToList();
        var stays = await (from s in db.QuarantineStays.IgnoreQueryFilters().AsNoTracking()
                           where stayIds.Contains(s.Id)
                           join site in db.QuarantineSites on s.SiteId equals (long?)site.Id into ss
                           from site in ss.DefaultIfEmpty()
                           join room in db.QuarantineRooms on s.RoomId equals (long?)room.Id into rs
                           from room in rs.DefaultIfEmpty()
                           select new { s.Id, s.Number, s.Place, Site = site == null ? null : site.Name, Room = room == null ? null : room.Number }).ToDictionaryAsync(s => s.Id, ct);
        var places = await ReturneePlaces.ManyAsync(db, rows.Select(r => r.HouseholdId).Distinct().ToList(), ct);
        var status = await ReturneeProgress.LoadAsync(db, rows, clock, ct);
        return rows.Select(r =>
        {
            var stay = r.StayId is { } s ? stays.GetValueOrDefault(s) : null;
            var place = places.GetValueOrDefault(r.HouseholdId);
            var st = status[r.Id];
            return new ReturneeView(r.Id, r.Number, r.PersonId, Masking.Name(names.GetValueOrDefault(r.PersonId)), r.Origin,
                r.OriginLevel is { } l ? RiskAreas.LevelOf(l) : null, r.CountyHasOutbreak, r.LeftOn, r.ArrivedOn, r.Travel, r.TravelNumber, r.Source, r.CheckpointId,
                r.Measure, Words(r, CultureInfo.CurrentUICulture), r.Days, r.EndsOn, r.PolicyVersion, r.Preset, r.State, r.StayId, stay?.Number, stay?.Place, stay?.Site,
                stay?.Room, r.PlacementPending, place?.Address ?? "", place?.Community, place?.Grid, r.WorkerName, st.Tests, st.CheckedInToday, st.MissedCheckIn,
                st.FollowedUpToday, r.RegisteredAtUtc, r.EndedAtUtc);
        }).ToList();
    }

    /// <summary>The rule's decision in a sentence: what, how long, until when, how many tests.</summary>
    public static string Words(Returnee r, CultureInfo culture)
    {
        var ends = r.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return r.Measure switch
        {
            TravellerMeasure.CentralizedIsolation => Messages.Get(culture, "Returnees.Decision.CentralizedIsolation", r.Days, ends, r.Tests),
            TravellerMeasure.HomeObservation => Messages.Get(culture, "Returnees.Decision.HomeObservation", r.Days, ends, r.Tests),
            TravellerMeasure.Tests => Messages.Get(culture, "Returnees.Decision.Tests", r.Tests, r.TestWithinDays),
            _ => Messages.Get(culture, "Returnees.Decision.None"),
        };
    }
}
