using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Teams;
using Fangkong.Domain.People;
using Fangkong.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The teams the demo city has deployed since its first day of visits (ADR 0029): a sampling team per district, a
/// door-knocking team per district and one for the demo resident's community, the government hall's checkpoint shifts, and
/// two aid teams from other cities — a lab team that posts results and a medical team that records quarantine check-ins.
/// Each has a leader, members with accounts and a roster of the same shifts every day until a week from today; the outbreak
/// simulation has the member on duty do each piece of work, so a team's output is what its members wrote. There is no
/// record of disinfection, so no disinfection squad: its output could only be typed in.
/// </summary>
internal static class DemoTeams
{
    /// <summary>The first id of the team members' accounts (the demo accounts take 1–12).</summary>
    public const long FirstAccountId = 101;

    private sealed record Planned(Team Team, List<(User User, TimeOnly Starts, TimeOnly Ends)> Members);

    /// <param name="firstDay">The day the teams were deployed: the first day of the city's visits.</param>
    public static async Task<int> SeedAsync(FangkongDb db, DateOnly firstDay, DateOnly today, DateTime joinedUtc, (long GridId, long CommunityId)? demoGrid,
        int seed, CancellationToken ct)
    {
        var rng = new Random(unchecked(seed * 31 + 18));
        var userId = FirstAccountId;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        User Account(string role, string display, string? phone = null, string? idNumber = null, JurisdictionLevel? level = null, long? area = null, long? venue = null, long? device = null)
        {
            var prefix = role switch { Roles.Sampler => "sampler", Roles.GridWorker => "grid", Roles.GateOperator => "gate", Roles.LabTechnician => "lab", _ => "epi" };
            var n = numbers[prefix] = numbers.GetValueOrDefault(prefix) + 1;
            // As an imported account (ADR 0023): a one-time password nobody kept, so an administrator resets it to hand one out.
            return new User
            {
                Id = userId++,
                UserName = $"{prefix}-{n:D4}",
                DisplayName = display,
                PasswordHash = PasswordHasher.HashRandomSecret(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12))),
                Role = role,
                Phone = phone,
                IdNumber = idNumber,
                JurisdictionLevel = level,
                JurisdictionId = area,
                VenueId = venue,
                DeviceId = device,
                MustChangePassword = true,
                CreatedAtUtc = joinedUtc,
            };
        }
        var demo = await db.Users.Where(u => u.Id <= 12).ToDictionaryAsync(u => u.UserName, ct);
        var teams = new List<Planned>();
        var teamId = 1L;
        Team NewTeam(string name, TeamKind kind, string role, string district, long? community = null, string? from = null) =>
            new() { Id = teamId++, Name = name, Kind = kind, WorkRole = role, DistrictCode = district, CommunityId = community, From = from, CreatedAtUtc = joinedUtc, CreatedByUserId = DemoAccounts.AdministratorId };

        var districtOfCommunity = await (from c in db.Communities join s in db.Streets on c.StreetId equals s.Id select new { c.Id, s.DistrictCode }).ToDictionaryAsync(x => x.Id, x => x.DistrictCode, ct);
        var grids = await db.Grids.AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Id, g.CommunityId, g.WorkerName }).ToListAsync(ct);
        var oldest = today.AddYears(-50);
        var youngest = today.AddYears(-23);
        for (var i = 0; i < Regions.Liaoyuan.Count; i++)
        {
            var district = Regions.Liaoyuan[i];
            var brief = CityNames.DistrictShort[i];

            // Samplers are the district's own nurses: residents, with their phone and ID number as an import would carry them.
            var sampling = new Planned(NewTeam($"{brief}采样队", TeamKind.Sampling, Roles.Sampler, district.Code), []);
            if (i == 0) sampling.Members.AddRange([(demo["sampler"], new(6, 0), new(20, 0)), (demo["sampler2"], new(6, 0), new(20, 0))]);
            var nurses = await db.Persons.AsNoTracking().Where(p => p.DistrictCode == district.Code && p.Phone != null && p.BirthDate >= oldest && p.BirthDate <= youngest)
                .OrderBy(p => p.Id).Skip(10).Take(4 - sampling.Members.Count).Select(p => new { p.Name, p.Phone, p.DocumentNumber }).ToListAsync(ct);
            sampling.Members.AddRange(nurses.Select(n => (Account(Roles.Sampler, n.Name, n.Phone, n.DocumentNumber), new TimeOnly(6, 0), new TimeOnly(20, 0))));
            teams.Add(sampling);

            // Door knockers are grid workers: each the worker its grid names, with the grid as the account's area.
            var districtGrids = grids.Where(g => districtOfCommunity.GetValueOrDefault(g.CommunityId) == district.Code && g.CommunityId != demoGrid?.CommunityId).Take(3).ToList();
            var knocking = new Planned(NewTeam($"{brief}敲门队", TeamKind.DoorKnocking, Roles.GridWorker, district.Code), []);
            knocking.Members.AddRange(districtGrids.Select(g => (Account(Roles.GridWorker, g.WorkerName, level: JurisdictionLevel.Grid, area: g.Id), new TimeOnly(14, 0), new TimeOnly(22, 0))));
            if (knocking.Members.Count > 0) teams.Add(knocking);
        }
        if (demoGrid is { } home)
        {
            var community = await db.Communities.Where(c => c.Id == home.CommunityId).Select(c => c.Name).FirstAsync(ct);
            var team = new Planned(NewTeam($"{community}敲门队", TeamKind.DoorKnocking, Roles.GridWorker, districtOfCommunity[home.CommunityId], home.CommunityId), []);
            team.Members.Add((demo["grid"], new(14, 0), new(22, 0)));
            team.Members.AddRange(grids.Where(g => g.CommunityId == home.CommunityId && g.Id != home.GridId).Take(2)
                .Select(g => (Account(Roles.GridWorker, g.WorkerName, level: JurisdictionLevel.Grid, area: g.Id), new TimeOnly(14, 0), new TimeOnly(22, 0))));
            teams.Add(team);
        }

        // The government hall's gate in three eight-hour shifts, the demo gate operator on the day shift.
        var hall = await db.Venues.Where(v => v.Id == 1).Select(v => v.DistrictCode).FirstAsync(ct);
        var checkpoint = new Planned(NewTeam("政务中心卡口班组", TeamKind.CheckpointShift, Roles.GateOperator, hall), []);
        TimeOnly[] thirds = [new(8, 0), new(16, 0), new(0, 0)];
        checkpoint.Members.Add((demo["gate"], thirds[0], thirds[1]));
        for (var k = 1; k < 3; k++) checkpoint.Members.Add((Account(Roles.GateOperator, Name(rng), venue: 1, device: 1), thirds[k], thirds[(k + 1) % 3]));
        teams.Add(checkpoint);

        // Aid from other cities: a lab team round the clock, and medics watching the quarantine sites in two shifts.
        var centre = Regions.Liaoyuan[0].Code;
        var lab = new Planned(NewTeam("长春市援辽核酸检测队", TeamKind.Aid, Roles.LabTechnician, centre, from: "长春市"), []);
        for (var k = 0; k < 3; k++) lab.Members.Add((Account(Roles.LabTechnician, Name(rng)), thirds[k], thirds[(k + 1) % 3]));
        teams.Add(lab);
        var medics = new Planned(NewTeam("吉林市援辽医疗队", TeamKind.Aid, Roles.Epidemiologist, centre, from: "吉林市"), []);
        for (var k = 0; k < 4; k++)
            medics.Members.Add((Account(Roles.Epidemiologist, Name(rng), level: JurisdictionLevel.City), k < 2 ? new(7, 0) : new(15, 0), k < 2 ? new(15, 0) : new(23, 0)));
        teams.Add(medics);

        var memberId = 1L;
        var shiftId = 1L;
        var last = today.AddDays(6);
        foreach (var t in teams)
        {
            t.Team.LeaderUserId = t.Members[0].User.Id;
            db.Teams.Add(t.Team);
            foreach (var (user, starts, ends) in t.Members)
            {
                if (user.Id >= FirstAccountId) db.Users.Add(user);
                db.TeamMembers.Add(new TeamMember { Id = memberId++, TeamId = t.Team.Id, UserId = user.Id, JoinedAtUtc = joinedUtc });
                for (var day = firstDay; day <= last; day = day.AddDays(1))
                    db.TeamShifts.Add(new TeamShift { Id = shiftId++, TeamId = t.Team.Id, UserId = user.Id, Day = day, Starts = starts, Ends = ends, Post = null });
            }
        }
        await db.SaveChangesAsync(ct);
        return teams.Count;
    }

    /// <summary>An aid worker's name: they come from another city, so they are not among the residents.</summary>
    private static string Name(Random rng)
    {
        var surname = CityNames.Surnames[rng.Next(CityNames.Surnames.Length)].Name;
        var chars = rng.Next(2) == 0 ? CityNames.MaleChars : CityNames.FemaleChars;
        return surname + chars[rng.Next(chars.Length)] + (rng.Next(3) == 0 ? "" : chars[rng.Next(chars.Length)]);
    }
}
