using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

public sealed record PlaceRequest(IReadOnlyList<long>? Ids, long? SiteId);

/// <param name="Restarted">The person was in quarantine already and it now counts again from today (a later exposure).</param>
public sealed record Placed(long ContactId, long PersonId, QuarantinePlace Place, string? Room, DateOnly Day1, DateOnly ReleaseDate, bool Restarted = false);

public sealed record PlaceAnswer(IReadOnlyList<Placed> Placed, IReadOnlyList<ReleaseRefusal> Refused);

/// <summary>A test a placement will schedule: its day and whether it is taken at the site or at home.</summary>
public sealed record PlannedTest(DateOnly Date, QuarantinePlace Place);

/// <summary>A transfer a placement will request, from and to a place by name (the site's, or home).</summary>
public sealed record PlannedTransfer(string From, string To, DateOnly Due);

/// <summary>
/// One person's placement as <see cref="QuarantinePlacement.PlaceAsync"/> will make it: where, which room, day 1 and the
/// release date, the tests it schedules, the transfers it requests (and, for a restart, the pending ones it cancels),
/// and the code colour now and after.
/// </summary>
public sealed record PlacementPreview(long ContactId, long PersonId, string Name, ContactGrade Grade, QuarantinePlace Place, string? Site, string? Room,
    DateOnly Day1, DateOnly ReleaseDate, bool Restarted, IReadOnlyList<PlannedTest> Tests, IReadOnlyList<PlannedTransfer> Transfers, int TransfersCancelled,
    ColourPreview Colour);

public sealed record PlacePreviewAnswer(IReadOnlyList<PlacementPreview> Placed, IReadOnlyList<ReleaseRefusal> Refused);

/// <summary>
/// Moves confirmed contacts into quarantine under the case's policy preset: where the preset starts centralized, each
/// family (household) gets one free room with enough beds — the smallest that fits, so large rooms stay for large
/// families — and a person alone gets a room alone; where it starts at home, home isolation. Day 1 is today.
/// A person in quarantine already, designated by another case, has it restarted from today when the new designation
/// would end later (<see cref="RestartRule"/>, <see cref="StayRestart"/>) — keeping their room where the new preset is
/// centralized too — or is told it is covered by the quarantine they are serving.
/// The decision is one plan (<see cref="PlanAsync"/>): <see cref="PreviewAsync"/> shows it without writing,
/// <see cref="PlaceAsync"/> carries it out.
/// </summary>
public sealed class QuarantinePlacement(TimeOrderedIds ids, CityClock clock, QuarantineTesting testing, Transfers transfers, StayRestart restart)
{
    /// <summary>One person's place as decided: a new stay (<see cref="Stay"/> null) or a restart of the stay they serve.</summary>
    private sealed record Step(ContactProposal Contact, QuarantinePlan Plan, QuarantineStay? Stay, QuarantinePlace Place, long? SiteId, long? RoomId, string? Room);

    private sealed record Plan(CaseRecord Case, DateOnly Today, List<Step> Steps, List<ReleaseRefusal> Refused, Dictionary<long, ContactProposal> Owners,
        Dictionary<long, string> Names);

    public async Task<PlaceAnswer> PlaceAsync(FangkongDb db, long caseId, PlaceRequest r, CancellationToken ct)
    {
        var plan = await PlanAsync(db, caseId, r, ct);
        var placed = new List<Placed>();
        var stays = new List<(QuarantineStay, QuarantineSchedule)>();
        foreach (var m in plan.Steps)
        {
            if (m.Stay is { } s)
            {
                stays.Add((s, await restart.RestartAsync(db, s, plan.Case, m.Contact, m.Plan, m.SiteId, m.RoomId, plan.Owners, ct)));
                placed.Add(new Placed(m.Contact.Id, m.Contact.PersonId, s.Place, m.Room, s.Day1, s.ReleaseDate, Restarted: true));
            }
            else placed.Add(Stay(db, stays, plan.Case, m, plan.Today));
        }
        await db.SaveChangesAsync(ct);
        await testing.ScheduleAsync(db, stays, ct);
        return new PlaceAnswer(placed, plan.Refused);
    }

    /// <summary>What <see cref="PlaceAsync"/> would do with the same request now, person by person; writes nothing.</summary>
    public async Task<PlacePreviewAnswer> PreviewAsync(FangkongDb db, long caseId, PlaceRequest r, CancellationToken ct)
    {
        var plan = await PlanAsync(db, caseId, r, ct);
        var siteIds = plan.Steps.SelectMany(m => new[] { m.SiteId, m.Stay?.SiteId }).OfType<long>().Distinct().ToList();
        var sites = await db.QuarantineSites.AsNoTracking().Where(x => siteIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var home = Messages.Get("Quarantine.Home");
        string Place(long? site) => site is { } id ? sites.GetValueOrDefault(id) ?? "" : home;
        // Placing changes no fact a colour is derived from (the designation turned it when confirmed): the colour stays.
        var persons = plan.Steps.Select(m => m.Contact.PersonId).ToList();
        var colours = await db.Colours.Where(h => persons.Contains(h.PersonId)).ToDictionaryAsync(h => h.PersonId, h => h.Colour, ct);
        var previews = new List<PlacementPreview>();
        foreach (var m in plan.Steps)
        {
            QuarantineSchedule schedule;
            IReadOnlyList<PlannedMove> moves;
            var cancelled = 0;
            if (m.Stay is { } s)
            {
                var p = await restart.PlanAsync(db, s, m.Plan, m.SiteId, ct);
                (schedule, moves, cancelled) = (p.Schedule, p.Moves, p.Cancelled.Count);
            }
            else
            {
                schedule = QuarantineSchedule.Generate(m.Plan, plan.Today);
                moves = StayMoves.For(null, m.SiteId, schedule, plan.Today);
            }
            previews.Add(new PlacementPreview(m.Contact.Id, m.Contact.PersonId, plan.Names.GetValueOrDefault(m.Contact.PersonId) ?? "", m.Contact.Grade, m.Place,
                m.SiteId is { } site ? Place(site) : null, m.Room, plan.Today, schedule.ReleaseDate, m.Stay is not null,
                schedule.Tests.Select(t => new PlannedTest(t.Date, t.Place)).ToList(), moves.Select(x => new PlannedTransfer(Place(x.FromSiteId), Place(x.ToSiteId), x.Due)).ToList(),
                cancelled, new ColourPreview(colours.GetValueOrDefault(m.Contact.PersonId), colours.GetValueOrDefault(m.Contact.PersonId))));
        }
        return new PlacePreviewAnswer(previews, plan.Refused);
    }

    /// <summary>Decides each contact's place, room and day 1, or the reason not; reads only.</summary>
    private async Task<Plan> PlanAsync(FangkongDb db, long caseId, PlaceRequest r, CancellationToken ct)
    {
        var (c, contacts) = await ContactDecisions.OfCaseAsync(db, caseId, r.Ids, ct);
        var persons = contacts.Select(x => x.PersonId).ToList();
        var current = (await db.QuarantineStays.Where(x => persons.Contains(x.PersonId) && x.State == QuarantineState.InQuarantine).ToListAsync(ct))
            .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Day1).First());
        var people = await db.Persons.AsNoTracking().Where(p => persons.Contains(p.Id)).Select(p => new { p.Id, p.HouseholdId, p.Name }).ToListAsync(ct);
        var households = people.ToDictionary(p => p.Id, p => p.HouseholdId);
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

        var steps = new List<Step>();
        // Restarted at a site under a centralized preset: the person keeps their room.
        var keep = ready.Where(x => x.Stay is { } s && x.Plan.Stages[0].Place == QuarantinePlace.Centralized && StayRestart.AtSite(s, today)).ToList();
        var kept = keep.Select(m => m.Stay!.RoomId).OfType<long>().ToList();
        var keptRooms = await db.QuarantineRooms.AsNoTracking().Where(x => kept.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct);
        foreach (var m in keep)
        {
            steps.Add(new Step(m.Contact, m.Plan, m.Stay, QuarantinePlace.Centralized, m.Stay!.SiteId, m.Stay.RoomId,
                m.Stay.RoomId is { } room ? keptRooms.GetValueOrDefault(room) : null));
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
            steps.AddRange(members.Select(m => new Step(m.Contact, m.Plan, m.Stay, QuarantinePlace.Centralized, room.SiteId, room.Id, room.Number)));
        }
        steps.AddRange(ready.Where(x => x.Plan.Stages[0].Place == QuarantinePlace.Home).Select(m => new Step(m.Contact, m.Plan, m.Stay, QuarantinePlace.Home, null, null, null)));
        return new Plan(c, today, steps, refused, owners, people.ToDictionary(p => p.Id, p => Masking.Name(p.Name)));
    }

    private Placed Stay(FangkongDb db, List<(QuarantineStay, QuarantineSchedule)> stays, CaseRecord c, Step m, DateOnly day1)
    {
        var schedule = QuarantineSchedule.Generate(m.Plan, day1);
        var stay = new QuarantineStay
        {
            Id = ids.Next(),
            PersonId = m.Contact.PersonId,
            CaseId = c.Id,
            ContactId = m.Contact.Id,
            Role = m.Plan.Role,
            Edition = c.Edition,
            Place = m.Place,
            SiteId = m.SiteId,
            RoomId = m.RoomId,
            Day1 = day1,
            ReleaseDate = schedule.ReleaseDate,
            State = QuarantineState.InQuarantine,
            CreatedAtUtc = clock.UtcNow,
        };
        db.QuarantineStays.Add(stay);
        stays.Add((stay, schedule));
        // To a site, the person is fetched from home; where a home stage follows, they are driven home on its first day.
        foreach (var move in StayMoves.For(null, m.SiteId, schedule, day1)) transfers.Request(db, stay, move.FromSiteId, move.ToSiteId, move.Due);
        return new Placed(m.Contact.Id, m.Contact.PersonId, m.Place, m.Room, day1, schedule.ReleaseDate);
    }
}
