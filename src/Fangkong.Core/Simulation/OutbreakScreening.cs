using Fangkong.Core.Accounts;
using Fangkong.Core.Community;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Community;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Door-to-door screening (敲门行动) around each day's new cases, through the same use cases a grid worker's phone uses:
/// in the evening the worker of each case's grid knocks on every door of the case's building unit and records who is
/// home, who is in hospital or a quarantine site, who is away and who came back; needs of special groups found at the
/// door are raised to the community, and the community answers and closes the day before's problems. Its own random
/// stream leaves the outbreak itself as it was.
/// </summary>
internal static class OutbreakScreening
{
    private static readonly string[] Elsewhere = ["长春市", "吉林市", "四平市", "沈阳市", "北京市", "梅河口市"];

    public static async Task<int> ScreenAsync(OutbreakWorld w, IReadOnlyList<CaseRecord> cases, CancellationToken ct)
    {
        w.At(20, 45);
        var rng = new Random(unchecked(w.Options.Seed * 7919 + w.Today.DayNumber));
        var screenings = w.Get<Screenings>();
        var problems = w.Get<RaisedProblems>();
        long admin;
        List<Door> doors;
        ILookup<long, long> members;
        Dictionary<long, string> inHospital;
        HashSet<long> atSite;
        ILookup<long, SpecialGroup> special;
        await using (var db = await w.DbAsync(ct))
        {
            admin = await db.Users.Where(u => u.Role == Roles.Administrator).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
            await AnswerYesterdayAsync(w, db, admin, problems, ct);
            if (cases.Count == 0) return 0;
            var persons = cases.Select(c => c.PersonId).ToList();
            var units = await (from p in db.Persons where persons.Contains(p.Id) join h in db.Households on p.HouseholdId equals h.Id select h.UnitId).Distinct().ToListAsync(ct);
            var dayStart = w.DayStartUtc;
            doors = await (from h in db.Households
                           where units.Contains(h.UnitId) && !db.Screenings.Any(s => s.HouseholdId == h.Id && s.VisitedAtUtc >= dayStart)
                           join g in db.GridHouseholds on h.Id equals g.HouseholdId
                           join grid in db.Grids on g.GridId equals grid.Id
                           orderby h.Id
                           select new Door(h.Id, g.GridId, g.CommunityId, grid.WorkerName)).ToListAsync(ct);
            var households = doors.Select(d => d.Household).ToList();
            var people = await db.Persons.Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, Household = p.HouseholdId!.Value }).ToListAsync(ct);
            members = people.ToLookup(p => p.Household, p => p.Id);
            var ids = people.Select(p => p.Id).ToList();
            // The family tells the grid worker which hospital: the one the case is treated in.
            inHospital = await db.Cases.Where(c => ids.Contains(c.PersonId) && c.Status == Domain.Tracing.CaseStatus.InHospital)
                .ToDictionaryAsync(c => c.PersonId, c => c.TreatedAt ?? "定点医院", ct);
            atSite = (await db.QuarantineStays.Where(s => ids.Contains(s.PersonId) && s.State == QuarantineState.InQuarantine && s.Place == QuarantinePlace.Centralized)
                .Select(s => s.PersonId).ToListAsync(ct)).ToHashSet();
            special = (await db.SpecialGroupMembers.Where(m => ids.Contains(m.PersonId) && m.EndedAtUtc == null).Select(m => new { m.PersonId, m.Group }).ToListAsync(ct))
                .ToLookup(m => m.PersonId, m => m.Group);
        }

        foreach (var door in doors)
        {
            // The grid's own worker when their account is in a door-knocking team, else that team's member on duty near the
            // door; the administrator keys it in for the grid's worker when the city has no such team.
            var by = w.Crew.OwnGridWorker(door.Grid) ?? w.Crew.Pick(Roles.GridWorker, door.Community, w.City.LocalNow, door.Grid);
            var scope = by is { } m ? CommunityScope.ForGridWork(m.UserId, m.UserName, m.DisplayName, door.Community, door.Grid)
                : CommunityScope.ForGridWork(admin, "admin", door.Worker, door.Community, door.Grid);
            var found = members[door.Household].Select(p => Member(p, inHospital, atSite, rng, w.Today)).ToList();
            var r = rng.NextDouble();
            var (outcome, recorded) = r < 0.02 ? (ScreeningOutcome.Refused, new List<ScreenedMemberRequest>())
                : r < 0.08 || found.All(m => m.Present == false) ? (ScreeningOutcome.NobodyHome, found.Where(m => m.Present == false).ToList())
                : found.All(m => m.Present == true) ? (ScreeningOutcome.AllHome, found)
                : (ScreeningOutcome.SomeAway, found);
            await using var db = await w.DbAsync(ct);
            await screenings.RecordAsync(db, scope, door.Household, new ScreeningRequest(outcome, recorded, null), ct);
            if (outcome == ScreeningOutcome.Refused) continue;
            foreach (var p in members[door.Household].Where(p => !inHospital.ContainsKey(p) && !atSite.Contains(p)))
                if (Need(special[p]) is { } need && rng.NextDouble() < 0.6)
                    await problems.RaiseAsync(db, scope, new ProblemRequest(need.Category, need.Text, door.Household), ct);
        }
        return doors.Count;
    }

    private static ScreenedMemberRequest Member(long person, Dictionary<long, string> inHospital, HashSet<long> atSite, Random rng, DateOnly today)
    {
        if (inHospital.TryGetValue(person, out var hospital)) return new(person, false, hospital, null, null, null, null);
        if (atSite.Contains(person)) return new(person, false, "集中隔离点", null, null, null, null);
        var r = rng.NextDouble();
        if (r < 0.04) return new(person, false, Elsewhere[rng.Next(Elsewhere.Length)], today.AddDays(-rng.Next(3, 40)), null, null, null);
        if (r < 0.07) return new(person, true, null, null, Elsewhere[rng.Next(Elsewhere.Length)], today.AddDays(-rng.Next(1, 12)), null);
        return new(person, true, null, null, null, null, null);
    }

    /// <summary>What a special group needs from the community while its home is screened, as a grid worker would write it.</summary>
    private static (ProblemCategory Category, string Text)? Need(IEnumerable<SpecialGroup> groups)
    {
        foreach (var g in groups)
        {
            switch (g)
            {
                case SpecialGroup.Dialysis: return (ProblemCategory.MedicalCare, "透析患者每周需三次透析，申请闭环转运车辆");
                case SpecialGroup.Chemotherapy: return (ProblemCategory.MedicalCare, "放化疗患者本周需到医院治疗，申请就医通行");
                case SpecialGroup.Pregnant: return (ProblemCategory.MedicalCare, "孕妇临近产检，需安排产检和就医");
                case SpecialGroup.Bedridden: return (ProblemCategory.Medicine, "卧床老人常用药将用完，需上门送药");
                case SpecialGroup.ElderlyAlone: return (ProblemCategory.Supplies, "独居老人不会网上买菜，需代购生活物资");
                case SpecialGroup.LowIncome: return (ProblemCategory.Supplies, "低保户申请免费蔬菜包");
            }
        }
        return null;
    }

    /// <summary>The community answers yesterday's open problems and closes them.</summary>
    private static async Task AnswerYesterdayAsync(OutbreakWorld w, Data.FangkongDb db, long admin, RaisedProblems problems, CancellationToken ct)
    {
        var dayStart = w.DayStartUtc;
        var open = await db.CommunityProblems.Where(p => p.State == ProblemState.Open && p.RaisedAtUtc < dayStart).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        if (open.Count == 0) return;
        var scope = await CommunityScope.ForAsync(db, admin, ct);
        foreach (var id in open)
            await problems.AnswerAsync(db, scope, id, new ProblemAnswer("已协调社区卫生服务站和志愿者上门解决", true), ct);
    }

    private sealed record Door(long Household, long Grid, long Community, string Worker);
}
