using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

public sealed record PlaceRequest(IReadOnlyList<long>? Ids, long? SiteId);

/// <param name="Restarted">The person was in quarantine already and it now counts again from today (a later exposure).</param>
public sealed record Placed(long ContactId, long PersonId, QuarantinePlace Place, string? Room, DateOnly Day1, DateOnly ReleaseDate, bool Restarted = false);

public sealed record PlaceAnswer(IReadOnlyList<Placed> Placed, IReadOnlyList<ReleaseRefusal> Refused);

/// <summary>
/// Moves confirmed contacts into quarantine under the case's policy preset: where the preset starts centralized, each
/// family (household) gets one free room with enough beds — the smallest that fits, so large rooms stay for large
/// families — and a person alone gets a room alone; where it starts at home, home isolation. Day 1 is today.
/// A person in quarantine already, designated by another case, has it restarted from today when the new designation
/// would end later (<see cref="RestartRule"/>, <see cref="StayRestart"/>) — keeping their room where the new preset is
/// centralized too — or is told it is covered by the quarantine they are serving.
/// </summary>
public sealed class QuarantinePlacement(TimeOrderedIds ids, CityClock clock, QuarantineTesting testing, Transfers transfers, StayRestart restart)
{
    public async Task<PlaceAnswer> PlaceAsync(FangkongDb db, long caseId, PlaceRequest r, CancellationToken ct)
    {
        var (c, contacts) = await ContactDecisions.OfCaseAsync(db, caseId, r.Ids, ct);
        var persons = contacts.Select(x => x.PersonId).ToList();
        var current = (await db.QuarantineStays.Where(x => persons.Contains(x.PersonId) && x.State == QuarantineState.InQuarantine).ToListAsync(ct))
            .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Day1).First());
        var households = await db.Persons.Where(p => persons.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.HouseholdId, ct);
        var today = DateOnly.FromDateTime(clock.LocalNow);

        var refused = new List<ReleaseRefusal>();
        var ready = new List<(ContactProposal Contact, QuarantinePlan Plan, QuarantineStay? Stay)>();
        // Close designations first: a person named twice in one request (close and secondary) is placed once, as the close contact.
        foreach (var x in contacts.OrderBy(x => x.Grade == ContactGrade.Close ? 0 : 1).ThenBy(x => x.Id))
        {
            var role = x.Grade == ContactGrade.Close ? ContactRole.CloseContact : ContactRole.SecondaryContact;
            if (x.Grade == ContactGrade.Companion) refused.Add(new(x.Id, Messages.Get("Quarantine.CompanionsNotQuarantined")));
            else if (x.Status != ProposalStatus.Confirmed || x.ReleasedAtUtc is not null) refused.Add(new(x.Id, Messages.Get("Quarantine.OnlyConfirmedQuarantined")));
            else if (QuarantinePresets.For(c.Edition, role) is not { } plan) refused.Add(new(x.Id, Messages.Get("Quarantine.EditionQuarantinesNone")));
            else if (ready.Any(m => m.Contact.PersonId == x.PersonId))
                refused.Add(new(x.Id, Messages.Get("Quarantine.PlacedUnderAnother")));
            else if (!current.TryGetValue(x.PersonId, out var stay)) ready.Add((x, plan, null));
            else if (stay.ContactId == x.Id) refused.Add(new(x.Id, Messages.Get("Quarantine.InQuarantineAlready")));
            else if (RestartRule.Decide(stay.Role, stay.ReleaseDate, role, QuarantineSchedule.Generate(plan, today).ReleaseDate) == RestartDecision.Covered)
                refused.Add(new(x.Id, Messages.Get("Quarantine.ExposureCovered", stay.ReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            else ready.Add((x, plan, stay));
        }
        var owners = await StayRestart.OwnersAsync(db, ready.Select(x => x.Stay).OfType<QuarantineStay>(), ct);

        var placed = new List<Placed>();
        var stays = new List<(QuarantineStay, QuarantineSchedule)>();
        // Restarted at a site under a centralized preset: the person keeps their room.
        foreach (var m in ready.Where(x => x.Stay is { } s && x.Plan.Stages[0].Place == QuarantinePlace.Centralized && StayRestart.AtSite(s, today)).ToList())
        {
            placed.Add(await RestartAsync(db, stays, c, m.Contact, m.Plan, m.Stay!, m.Stay!.SiteId, m.Stay.RoomId, owners, ct));
            ready.Remove(m);
        }
        var centralized = ready.Where(x => x.Plan.Stages[0].Place == QuarantinePlace.Centralized).ToList();
        List<QuarantineRoom> free = [];
        if (centralized.Count > 0)
        {
            var siteId = r.SiteId ?? throw new InputException("siteId", Messages.Get("Quarantine.SiteRequired"));
            if (!await db.QuarantineSites.AnyAsync(s => s.Id == siteId, ct)) throw new NotFoundException("siteId", Messages.Get("Quarantine.NoSuchSite"));
            var takenRooms = await db.QuarantineStays.Where(x => x.SiteId == siteId && x.State == QuarantineState.InQuarantine && x.RoomId != null).Select(x => x.RoomId!.Value).Distinct().ToListAsync(ct);
            free = await db.QuarantineRooms.AsNoTracking().Where(x => x.SiteId == siteId && !takenRooms.Contains(x.Id)).OrderBy(x => x.Beds).ThenBy(x => x.Number).ToListAsync(ct);
        }
        // Largest families first, so they are not left without a room that fits after the singles took them.
        foreach (var family in centralized.GroupBy(x => households.GetValueOrDefault(x.Contact.PersonId) ?? -x.Contact.PersonId).OrderByDescending(g => g.Count()))
        {
            var members = family.ToList();
            var room = free.FirstOrDefault(x => x.Beds >= members.Count);
            if (room is null)
            {
                refused.AddRange(members.Select(m => new ReleaseRefusal(m.Contact.Id, Messages.Get("Quarantine.NoRoomWithBeds", members.Count))));
                continue;
            }
            free.Remove(room);
            foreach (var m in members)
                placed.Add(m.Stay is { } s ? await RestartAsync(db, stays, c, m.Contact, m.Plan, s, room.SiteId, room.Id, owners, ct)
                    : Stay(db, stays, c, m.Contact, m.Plan, QuarantinePlace.Centralized, room.SiteId, room, today));
        }
        foreach (var m in ready.Where(x => x.Plan.Stages[0].Place == QuarantinePlace.Home))
            placed.Add(m.Stay is { } s ? await RestartAsync(db, stays, c, m.Contact, m.Plan, s, null, null, owners, ct)
                : Stay(db, stays, c, m.Contact, m.Plan, QuarantinePlace.Home, null, null, today));
        await db.SaveChangesAsync(ct);
        await testing.ScheduleAsync(db, stays, ct);
        return new PlaceAnswer(placed, refused);
    }

    private async Task<Placed> RestartAsync(FangkongDb db, List<(QuarantineStay, QuarantineSchedule)> stays, CaseRecord c, ContactProposal x, QuarantinePlan plan,
        QuarantineStay stay, long? siteId, long? roomId, IReadOnlyDictionary<long, ContactProposal> owners, CancellationToken ct)
    {
        var schedule = await restart.RestartAsync(db, stay, c, x, plan, siteId, roomId, owners, ct);
        stays.Add((stay, schedule));
        var room = roomId is { } id ? await db.QuarantineRooms.Where(r => r.Id == id).Select(r => r.Number).FirstOrDefaultAsync(ct) : null;
        return new Placed(x.Id, x.PersonId, stay.Place, room, stay.Day1, stay.ReleaseDate, Restarted: true);
    }

    private Placed Stay(FangkongDb db, List<(QuarantineStay, QuarantineSchedule)> stays, CaseRecord c, ContactProposal x, QuarantinePlan plan, QuarantinePlace place, long? siteId, QuarantineRoom? room, DateOnly day1)
    {
        var schedule = QuarantineSchedule.Generate(plan, day1);
        var stay = new QuarantineStay
        {
            Id = ids.Next(),
            PersonId = x.PersonId,
            CaseId = c.Id,
            ContactId = x.Id,
            Role = plan.Role,
            Edition = c.Edition,
            Place = place,
            SiteId = siteId,
            RoomId = room?.Id,
            Day1 = day1,
            ReleaseDate = schedule.ReleaseDate,
            State = QuarantineState.InQuarantine,
            CreatedAtUtc = clock.UtcNow,
        };
        db.QuarantineStays.Add(stay);
        stays.Add((stay, schedule));
        // To a site, the person is fetched from home; where a home stage follows, they are driven home on its first day.
        if (siteId is not null)
        {
            transfers.Request(db, stay, null, siteId, day1);
            if (schedule.Stages.FirstOrDefault(s => s.Place == QuarantinePlace.Home) is { From: var home } && home > day1)
                transfers.Request(db, stay, siteId, null, home);
        }
        return new Placed(x.Id, x.PersonId, place, room?.Number, day1, schedule.ReleaseDate);
    }
}
