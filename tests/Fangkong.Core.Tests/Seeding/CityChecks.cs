using System.Text.RegularExpressions;
using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Seeding;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Fangkong.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Seeding;

/// <summary>What a seeded demo city must satisfy, read back from the store.</summary>
internal static partial class CityChecks
{
    public static async Task PersonsAndHouseholdsAsync(FangkongDb db, int residents, DateOnly today)
    {
        var persons = await db.Persons.AsNoTracking().ToListAsync();
        Assert.Equal(residents, persons.Count);
        var ids = persons.Select(p => ResidentIdNumber.Validate(p.DocumentNumber, today)).ToList();
        Assert.All(ids, v => Assert.True(v.IsValid, v.Error?.ToString()));
        Assert.Equal(persons.Count, persons.Select(p => p.DocumentNumber).Distinct().Count());
        Assert.All(persons.Zip(ids), x => Assert.Equal(x.First.Sex, x.Second.Id!.Value.Sex));
        Assert.All(persons, p => Assert.Matches(ChineseName(), p.Name));
        Assert.All(persons, p => Assert.Matches(MobilePhone(), p.Phone!));
        Assert.All(persons, p => Assert.Matches(UrlSafeToken(), p.Token));
        Assert.Equal(persons.Count, persons.Select(p => p.Token).Distinct().Count());

        // The ID's region is the district the household lives in.
        var districtOfHousehold = await (
            from h in db.Households
            join u in db.Units on h.UnitId equals u.Id
            join b in db.Buildings on u.BuildingId equals b.Id
            join c in db.Compounds on b.CompoundId equals c.Id
            join m in db.Communities on c.CommunityId equals m.Id
            join s in db.Streets on m.StreetId equals s.Id
            select new { h.Id, s.DistrictCode }).ToDictionaryAsync(x => x.Id, x => x.DistrictCode);
        Assert.All(persons, p => Assert.Equal(districtOfHousehold[p.HouseholdId!.Value], p.DocumentNumber[..6]));
        Assert.Equal(Regions.Liaoyuan.Select(d => d.Code).Order(), persons.Select(p => p.DocumentNumber[..6]).Distinct().Order());

        var sizes = persons.GroupBy(p => p.HouseholdId).Select(g => g.Count()).ToList();
        Assert.Equal(districtOfHousehold.Count, sizes.Count); // no empty household
        Assert.All(sizes, s => Assert.InRange(s, 1, 5));
        Assert.InRange(sizes.Average(), 2.0, 3.0);

        // An ageing northeastern city: few children, many over 60.
        var ages = ids.Select(v => today.Year - v.Id!.Value.BirthDate.Year).ToList();
        Assert.InRange(ages.Count(a => a < 15) / (double)ages.Count, 0.06, 0.22);
        Assert.InRange(ages.Count(a => a >= 60) / (double)ages.Count, 0.15, 0.40);
        // Everyone was born before the earliest day of visits a seed may hold, so a simulated past never meets a birth in its future.
        Assert.All(ids, v => Assert.True(v.Id!.Value.BirthDate < today.AddDays(-SeedOptions.MaxDays), v.Id.Value.BirthDate.ToString()));
        Assert.Contains(ids, v => v.Id!.Value.BirthDate > today.AddYears(-1));
    }

    public static async Task<Dictionary<long, Places.Venue>> VenuesAsync(FangkongDb db)
    {
        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id);
        Assert.Equal(VenueTypes.All.Order(), venues.Values.Select(v => v.Type).Distinct().Order());
        var hall = Assert.Single(venues.Values, v => v.Name == "辽源市政务服务中心");
        Assert.Equal((1L, VenueType.ServiceHall, 40, new TimeOnly(8, 30), new TimeOnly(17, 0)), (hall.Id, hall.Type, hall.Capacity, hall.Opens, hall.Closes));
        Assert.Contains(venues.Values, v => v.Type == VenueType.Hospital && v.AllowsYellow);
        Assert.All(venues.Values.Where(v => v.Type is VenueType.RoadCheckpoint or VenueType.CompoundGate), v => Assert.True(v.Hours.IsAllDay));
        Assert.All(venues.Values.Where(v => v.Type == VenueType.Bus), v => Assert.Matches(BusName(), v.Name));
        Assert.All(venues.Values.Where(v => v.Type is not (VenueType.RoadCheckpoint or VenueType.CompoundGate)), v => Assert.True(v.Capacity > 0, v.Name));
        Assert.All(venues.Values, v => Assert.Contains(v.DistrictCode, Regions.Liaoyuan.Select(d => d.Code)));

        var compounds = await db.Compounds.Select(c => c.Id).ToListAsync();
        var gates = venues.Values.Where(v => v.Type == VenueType.CompoundGate).Select(v => v.CompoundId!.Value).Order().ToList();
        Assert.Equal(compounds.Order(), gates);

        // Every venue has its venue code (ADR 0038), on a device of its own beside its gates'.
        var codes = await db.VenueCodes.AsNoTracking().ToDictionaryAsync(c => c.DeviceId, c => c.VenueId);
        Assert.Equal(venues.Keys.Order(), codes.Values.Order());
        var devices = (await db.GateDevices.AsNoTracking().ToListAsync()).Where(d => !codes.ContainsKey(d.Id)).ToList();
        Assert.Equal(1, devices.Single(d => d.Id == 1).VenueId);
        Assert.All(devices.GroupBy(d => d.VenueId), g => Assert.InRange(g.Count(), 1, 2));
        Assert.Equal(venues.Count, devices.Select(d => d.VenueId).Distinct().Count());
        return venues;
    }

    public static async Task VisitsAsync(FangkongDb db, Dictionary<long, Places.Venue> venues, SeedSummary summary, TimeProvider time)
    {
        var clock = new CityClock(time);
        var now = clock.UtcNow;
        var visits = await db.Visits.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(summary.Visits, visits.Count);
        Assert.All(visits, v => Assert.True(v.EnteredAtUtc <= now, "no visit in the future"));
        Assert.All(visits, v => Assert.True(v.ExitedAtUtc is null ? clock.ToLocal(v.EnteredAtUtc).Date == clock.LocalNow.Date : v.ExitedAtUtc > v.EnteredAtUtc && v.ExitedAtUtc <= now));
        Assert.Contains(visits, v => v.ExitedAtUtc is null);
        foreach (var v in visits)
        {
            var hours = venues[v.VenueId].Hours;
            if (hours.IsAllDay) continue;
            var entered = clock.ToLocal(v.EnteredAtUtc);
            Assert.True(hours.IsOpenAt(TimeOnly.FromDateTime(entered)), $"{venues[v.VenueId].Name} entered at {entered:HH:mm}");
            if (v.ExitedAtUtc is { } exited)
                Assert.True(clock.ToLocal(exited) <= hours.ClosingAfter(entered), $"{venues[v.VenueId].Name} left after closing at {clock.ToLocal(exited):HH:mm}");
        }

        // Ids are unique and sort by entry time: they are time-ordered ids of the seed instance.
        Assert.Equal(visits.Count, visits.Select(v => v.Id).Distinct().Count());
        Assert.True(visits.Zip(visits.Skip(1)).All(p => p.First.EnteredAtUtc <= p.Second.EnteredAtUtc), "ids sort by entry time");
        Assert.All(visits, v => Assert.InRange(v.Id, TimeOrderedIds.LowerBound(v.EnteredAtUtc), TimeOrderedIds.LowerBound(v.EnteredAtUtc.AddMilliseconds(1)) - 1));

        // A person is in one place at a time.
        foreach (var person in visits.GroupBy(v => v.PersonId))
        {
            var stays = person.OrderBy(v => v.EnteredAtUtc).ToList();
            for (var i = 1; i < stays.Count; i++)
                Assert.True(stays[i - 1].ExitedAtUtc is { } left && left <= stays[i].EnteredAtUtc, $"person {person.Key} overlaps at {stays[i].EnteredAtUtc:O}");
        }

        // 3–5 visits a resident-day on the complete days; today is partial.
        var complete = visits.Where(v => clock.ToLocal(v.EnteredAtUtc).Date < clock.LocalNow.Date).GroupBy(v => clock.ToLocal(v.EnteredAtUtc).Date).ToList();
        Assert.NotEmpty(complete);
        Assert.All(complete, day => Assert.InRange(day.Count() / (double)summary.Residents, 3.0, 5.0));

        Assert.All(visits, v => Assert.True(v.Temperature is null or < 37.3m, "admitted entries carry no fever"));
        Assert.True(visits.Count(v => v.Temperature is >= 36.0m and <= 37.0m) >= 0.9 * visits.Count(v => v.Temperature is not null));
        Assert.True(visits.Count(v => v.Method is EntryMethod.IdCard or EntryMethod.HealthCode) >= 0.8 * visits.Count);
        Assert.All(visits, v => Assert.NotNull(v.EntryDeviceId));
        foreach (var t in new[] { VenueType.Bus, VenueType.School, VenueType.Enterprise, VenueType.Market, VenueType.Supermarket, VenueType.CompoundGate })
            Assert.Contains(visits, v => venues[v.VenueId].Type == t);

        // What is open at "now" stays within every venue's live cap, so the demo gate admits people at once.
        foreach (var inside in visits.Where(v => v.ExitedAtUtc is null).GroupBy(v => v.VenueId))
            if (venues[inside.Key].Capacity > 0) Assert.True(inside.Count() <= venues[inside.Key].Capacity, $"{venues[inside.Key].Name}: {inside.Count()} inside");
    }

    /// <summary>The demo's teams (ADR 0029): every kind with a record behind its output, each led by a member, every member in one team, in the team's role, on its roster.</summary>
    public static async Task TeamsAsync(FangkongDb db)
    {
        var teams = await db.Teams.AsNoTracking().ToListAsync();
        Assert.Equal([TeamKind.Aid, TeamKind.Sampling, TeamKind.DoorKnocking, TeamKind.CheckpointShift], teams.Select(t => t.Kind).Distinct().Order());
        var members = await db.TeamMembers.AsNoTracking().ToListAsync();
        var accounts = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
        Assert.All(teams, t => Assert.Contains(members, m => m.TeamId == t.Id && m.UserId == t.LeaderUserId));
        Assert.Equal(members.Count, members.Select(m => m.UserId).Distinct().Count());
        Assert.All(members, m => Assert.Equal(teams.Single(t => t.Id == m.TeamId).WorkRole, accounts[m.UserId].Role));
        Assert.Contains(members, m => accounts[m.UserId].UserName == "sampler");
        Assert.Contains(members, m => accounts[m.UserId].UserName == "grid");
        Assert.All(accounts.Values.Where(u => u.MustChangePassword), u => Assert.Contains(members, m => m.UserId == u.Id));
        var rostered = (await db.TeamShifts.AsNoTracking().Select(s => s.UserId).Distinct().ToListAsync()).ToHashSet();
        Assert.All(members, m => Assert.Contains(m.UserId, rostered));
    }

    public static async Task AccountsAsync(FangkongDb db, SeedSummary summary)
    {
        // The demo accounts open with the demo password; the teams' other members are as an import leaves them (below).
        var users = await db.Users.AsNoTracking().Where(u => !u.MustChangePassword).ToDictionaryAsync(u => u.UserName);
        Assert.Equal(["admin", "admin2", "checkpoint", "command", "epi", "gate", "grid", "hotline", "inspector", "lab", "manager", "officer", "passes", "resident", "sampler", "sampler2", "school", "supervisor", "supplier"], users.Keys.Order());
        Assert.Equal(users.Keys.Order(), summary.Accounts.Select(a => a.UserName).Order());
        Assert.All(summary.Accounts, a => Assert.True(PasswordHasher.Verify(a.Password, users[a.UserName].PasswordHash), a.UserName));
        Assert.All(summary.Accounts, a => Assert.Equal(users[a.UserName].Role, a.Role));
        Assert.Equal(Roles.All.Order(), users.Values.Select(u => u.Role).Distinct().Order());
        Assert.Equal(2, users.Values.Count(u => u.Role == Roles.Administrator));
        Assert.Equal((1L, (long?)null), (users["manager"].VenueId!.Value, users["manager"].DeviceId));
        Assert.Equal((1L, 1L), (users["gate"].VenueId!.Value, users["gate"].DeviceId!.Value));
        var resident = users["resident"].PersonId!.Value;
        Assert.True(await db.Persons.AnyAsync(p => p.Id == resident));
        Assert.True(await db.Visits.AnyAsync(v => v.PersonId == resident), "the demo resident has a trajectory");
        // The grid worker works the demo resident's grid, the community officer its community.
        var home = await (from p in db.Persons where p.Id == resident join g in db.GridHouseholds on p.HouseholdId equals g.HouseholdId select g).SingleAsync();
        Assert.Equal((JurisdictionLevel.Grid, home.GridId), (users["grid"].JurisdictionLevel, users["grid"].JurisdictionId));
        Assert.Equal((JurisdictionLevel.Community, home.CommunityId), (users["officer"].JurisdictionLevel, users["officer"].JurisdictionId));
    }

    /// <summary>Every household in one grid of its own community; villages of the counties in ten-household units; a special-groups register.</summary>
    public static async Task GridsAsync(FangkongDb db)
    {
        var households = await db.Households.CountAsync();
        Assert.Equal(households, await db.GridHouseholds.CountAsync());
        var communityOfHousehold = await (from h in db.Households
                                          join u in db.Units on h.UnitId equals u.Id
                                          join b in db.Buildings on u.BuildingId equals b.Id
                                          join c in db.Compounds on b.CompoundId equals c.Id
                                          select new { h.Id, c.CommunityId }).ToDictionaryAsync(x => x.Id, x => x.CommunityId);
        var grids = await db.Grids.AsNoTracking().ToDictionaryAsync(g => g.Id);
        var rows = await db.GridHouseholds.AsNoTracking().ToListAsync();
        Assert.All(rows, r => Assert.Equal(communityOfHousehold[r.HouseholdId], r.CommunityId));
        Assert.All(rows, r => Assert.Equal(r.CommunityId, grids[r.GridId].CommunityId));
        // A few hundred households a grid: no grid above 450 (300 × 1.5), none empty.
        Assert.All(rows.GroupBy(r => r.GridId), g => Assert.InRange(g.Count(), 1, 450));
        var villages = await (from c in db.Communities
                              join s in db.Streets on c.StreetId equals s.Id
                              where (s.DistrictCode == "220421" || s.DistrictCode == "220422") && EF.Functions.Like(c.Name, "%村")
                              select c.Id).ToListAsync();
        Assert.NotEmpty(villages);
        Assert.All(rows, r => Assert.Equal(villages.Contains(r.CommunityId), r.JointUnitId is not null));
        Assert.All(rows.Where(r => r.JointUnitId is not null).GroupBy(r => r.JointUnitId), u => Assert.InRange(u.Count(), 1, 14));
        Assert.True(await db.JointUnits.AnyAsync(u => u.ResponsiblePersonId != null), "ten-household units have a responsible resident");
        Assert.True(await db.SpecialGroupMembers.AnyAsync());
        // Who cannot come down follows from the register: bedridden or disabled, and nobody else.
        var immobile = await db.PersonMarkers.Where(m => m.Kind == Fangkong.Core.People.MarkerKind.Immobile).Select(m => m.PersonId).OrderBy(x => x).ToListAsync();
        var registered = await db.SpecialGroupMembers.Where(m => m.Group == Domain.Community.SpecialGroup.Bedridden || m.Group == Domain.Community.SpecialGroup.Disabled)
            .Select(m => m.PersonId).Distinct().OrderBy(x => x).ToListAsync();
        Assert.Equal(registered, immobile);
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,4}$")]
    private static partial Regex ChineseName();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePhone();

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex UrlSafeToken();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}*\d+路 吉D·\d{5}$")]
    private static partial Regex BusName();
}
