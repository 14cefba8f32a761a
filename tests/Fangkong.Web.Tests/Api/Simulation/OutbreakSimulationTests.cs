using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Simulation;
using Fangkong.Core.Teams;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Common;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Simulation;
using Fangkong.Domain.Teams;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Fangkong.Testing;
using Fangkong.Web.Tests.Api.Command;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Web.Tests.Api.Simulation;

public sealed class OutbreakSimulationTestsSqlite() : OutbreakSimulationTests(StorageProvider.Sqlite);
public sealed class OutbreakSimulationTestsPostgres() : OutbreakSimulationTests(StorageProvider.Postgres);

/// <summary>
/// A simulated outbreak over a generated city of 2,000 residents and 15 days of visits, 14 days simulated with a fixed
/// seed: every infection but the seeds was passed on by someone infectious who shared a household or an overlapping
/// stored visit with its person that day; every case is an infected person; the platform's response (contacts, quarantine
/// at a site, check-ins, tests, releases, discharges, zones set from the cases and lifted by rule) is in the store,
/// stamped with the simulated days' times. Zones follow edition 9's risk areas, as under ./run.sh (launchSettings.json).
/// </summary>
public abstract class OutbreakSimulationTests(StorageProvider provider)
{
    // 10:00 on 20 November in the city: the outbreak runs 6–19 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    // The demo's zone policy under ./run.sh (launchSettings.json): edition 9, whose 7 + 3 days fit in the simulated days.
    private static readonly ZonePolicy DemoZones = new() { Preset = ZonePreset.RiskAreas, Version = "2022.9-fk1" };

    [Fact]
    public async Task An_outbreak_spreads_along_real_co_presence_and_the_platform_traces_quarantines_tests_and_releases()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        await DemoCitySeeder.SeedAsync(store.Options, new SeedOptions { Residents = 2000, Days = 15, Seed = 7, PasswordIterations = PasswordHasher.RandomSecretIterations }, null, time, CancellationToken.None);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddFangkongCore(store.Options);
        services.AddSingleton(DemoZones);
        await using var sp = services.BuildServiceProvider();
        var simulation = sp.GetRequiredService<OutbreakSimulation>();
        var options = new OutbreakOptions { Days = 14, Seeds = 4, Seed = 11, Attack = 2 };

        // Sixteen days need visits on 4 November, which the store does not have: refused, nothing written.
        var tooLong = await Assert.ThrowsAsync<OutbreakRefusedException>(() => simulation.RunAsync(options with { Days = 16 }, null, CancellationToken.None));
        Assert.Contains("seed --reset --days 17", tooLong.Message);

        var days = new List<OutbreakDay>();
        var report = await simulation.RunAsync(options, new Collect(days), CancellationToken.None);
        Assert.Equal((new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 19), 14), (report.From, report.To, days.Count));

        await using var db = store.NewDb();
        var infections = report.Infections.ToDictionary(i => i.PersonId);
        Assert.Equal(4, report.Infections.Count(i => i.Setting == InfectionSetting.Seed));
        Assert.True(report.Infections.Count > 10, $"only {report.Infections.Count} infections");

        // Every case is an infected person, and the infection knows its case — but for the fever clinics' suspected cases
        // who were not infected: each excluded a day after its report.
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        Assert.NotEmpty(cases);
        Assert.All(cases.Where(c => infections.ContainsKey(c.PersonId)), c => Assert.Equal(c.Id, infections[c.PersonId].CaseId));
        var uninfected = cases.Where(c => !infections.ContainsKey(c.PersonId)).ToList();
        Assert.NotEmpty(uninfected);
        Assert.All(uninfected, c => Assert.Equal((CaseClass.Suspected, CaseFoundBy.FeverClinic), (c.Class, c.FoundBy)));
        Assert.All(uninfected.Where(c => c.ReportedOn < report.To), c => Assert.Equal((CaseStatus.Excluded, c.ReportedOn.AddDays(1)), (c.Status, c.ExcludedOn!.Value)));
        // The infected who came to a fever clinic with symptoms were suspected first and confirmed the same day.
        Assert.Contains(cases, c => c.SuspectedConfirmedOn is { } on && on == c.ReportedOn && c.Class != CaseClass.Suspected);
        Assert.Equal(days.Sum(d => d.Suspected), cases.Count(c => c.SuspectedAtUtc is not null));
        Assert.Equal(days.Sum(d => d.SuspectedConfirmed), cases.Count(c => c.SuspectedConfirmedAtUtc is not null));
        Assert.Equal(days.Sum(d => d.SuspectedExcluded), cases.Count(c => c.Status == CaseStatus.Excluded));

        // Treated in the city's hospitals: in beds of both, moved from the Fangcang to the designated hospital by ambulance
        // when confirmed, driven home when recovered; no case whose course ended still holds a bed.
        var bedStays = await db.BedStays.AsNoTracking().ToListAsync();
        var hospitalKinds = await db.Hospitals.ToDictionaryAsync(h => h.Id, h => h.Kind);
        Assert.Equal(2, bedStays.Select(b => hospitalKinds[b.HospitalId]).Distinct().Count());
        var byCase = cases.ToDictionary(c => c.Id);
        Assert.DoesNotContain(bedStays, b => b.State == BedStayState.InBed && CaseRecord.IsFinal(byCase[b.CaseId].Status));
        Assert.All(bedStays.Where(b => b.State == BedStayState.InBed), b => Assert.Equal(CaseStatus.InHospital, byCase[b.CaseId].Status));
        var trips = await db.CaseTransfers.AsNoTracking().ToListAsync();
        Assert.Contains(trips, t => t.Kind == CaseTransferKind.ReturnHome && t.State == TransferState.Arrived);
        Assert.All(trips.Where(t => t.Kind == CaseTransferKind.BetweenHospitals), t => Assert.Contains(bedStays, b => b.CaseId == t.CaseId && b.State == BedStayState.Moved));
        Assert.True(days.Sum(d => d.WithoutBed) == 0, "the demo hospitals' 692 beds hold a small city's cases");
        Assert.Contains(cases, c => c.FoundBy == CaseFoundBy.FeverClinic && c.Class != CaseClass.Asymptomatic && c.OnsetDate is not null);
        Assert.Contains(cases, c => c.FoundBy == CaseFoundBy.ContactUnderQuarantine);
        Assert.All(cases, c => Assert.NotNull(c.IsolatedAtUtc));

        // Every other infection: an infector infectious that day, at home together or with overlapping stored visits at the venue.
        var persons = report.Infections.SelectMany(i => new[] { i.PersonId, i.InfectorId ?? i.PersonId }).Distinct().ToList();
        var households = await db.Persons.Where(p => persons.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.HouseholdId);
        var clock = new Fangkong.Core.Common.CityClock(time);
        foreach (var i in report.Infections.Where(i => i.Setting != InfectionSetting.Seed))
        {
            var by = infections[i.InfectorId!.Value];
            Assert.True(by.Course.InfectiousOn(i.Day.DayNumber - by.Day.DayNumber), $"{by.PersonId} was not infectious on {i.Day}");
            Assert.True(i.Day >= report.From && i.Day <= report.To);
            if (i.Setting == InfectionSetting.Household)
            {
                Assert.NotNull(households[i.PersonId]);
                Assert.Equal(households[i.PersonId], households[by.PersonId]);
                continue;
            }
            var start = clock.StartOfDayUtc(i.Day).AddDays(-1);
            var end = clock.StartOfDayUtc(i.Day.AddDays(1));
            var stays = await db.Visits.AsNoTracking().Where(v => v.VenueId == i.VenueId && (v.PersonId == i.PersonId || v.PersonId == by.PersonId)
                && v.EnteredAtUtc >= start && v.EnteredAtUtc < end).ToListAsync();
            Assert.Contains(stays.Where(a => a.PersonId == i.PersonId), a => stays.Any(b => b.PersonId == by.PersonId
                && Max(a.EnteredAtUtc, b.EnteredAtUtc) <= i.AtUtc && i.AtUtc < Min(a.ExitedAtUtc ?? end, b.ExitedAtUtc ?? end)));
        }

        // The response: contacts proposed and decided, quarantined at a site, checking in, tested, released; cases closed.
        Assert.True(await db.ContactProposals.AnyAsync(p => p.Status == ProposalStatus.Confirmed));
        Assert.True(await db.QuarantineStays.AnyAsync(s => s.SiteId != null && s.Place == QuarantinePlace.Centralized));
        Assert.True(await db.QuarantineCheckIns.AnyAsync());
        Assert.True(days.Sum(d => d.Alerts) > 0);
        Assert.True(await db.TestResults.AnyAsync());
        Assert.True(await db.ContactProposals.AnyAsync(p => p.ReleasedAtUtc != null), "no contact released");
        Assert.True(await db.QuarantineStays.AnyAsync(s => s.State == QuarantineState.Released));
        Assert.True(await db.Cases.AnyAsync(c => c.Status == CaseStatus.Discharged || c.Status == CaseStatus.Released || c.Status == CaseStatus.Died), "no case closed");
        Assert.True(await db.QuarantineTransfers.AnyAsync(t => t.State == TransferState.Arrived));
        // Grid workers knocked on the doors of the cases' buildings: the case's own household among them, the case away in hospital.
        var screenedUnits = await (from s in db.Screenings join h in db.Households on s.HouseholdId equals h.Id select h.UnitId).Distinct().ToListAsync();
        var caseUnits = await (from c in db.Cases join p in db.Persons on c.PersonId equals p.Id join h in db.Households on p.HouseholdId equals h.Id select h.UnitId).Distinct().ToListAsync();
        Assert.NotEmpty(screenedUnits);
        Assert.Empty(screenedUnits.Except(caseUnits));
        var hospitalNames = await db.Hospitals.Select(h => h.Name).ToListAsync();
        Assert.True(await (from m in db.ScreeningMembers join c in db.Cases on m.PersonId equals c.PersonId where !m.Present && hospitalNames.Contains(m.AwayAt!) select m).AnyAsync(),
            "a case is found away at the hospital treating it at the door");
        Assert.True(await db.CommunityProblems.AnyAsync(p => p.State == Fangkong.Domain.Community.ProblemState.Closed), "the community answered a problem raised at a door");

        // Zones, set from the cases through the officers' use cases: the home compound sealed, the community controlled,
        // proposed by the platform on the case's report and confirmed by the epidemiologist; each zone names its cases.
        var users = await db.Users.ToDictionaryAsync(u => u.UserName, u => u.Id);
        var zones = await db.Zones.AsNoTracking().ToListAsync();
        var changes = await db.ZoneChanges.AsNoTracking().ToListAsync();
        var zoneCases = await db.ZoneCases.AsNoTracking().ToListAsync();
        var set = zones.Where(z => z.StartedAtUtc is not null).ToList();
        var confirmedZones = changes.Where(c => c.Kind == ZoneChangeKind.Confirmed).ToList();
        Assert.Contains(confirmedZones, c => c.ToLevel == ZoneLevel.Sealed);
        Assert.Contains(confirmedZones, c => c.ToLevel == ZoneLevel.Controlled);
        Assert.All(set, z => Assert.Equal(ZonePreset.RiskAreas, z.Preset));
        Assert.All(set, z => Assert.Contains(zoneCases, c => c.ZoneId == z.Id && cases.Any(x => x.Id == c.CaseId)));
        Assert.All(confirmedZones, c => Assert.Equal(users["epi"], c.OfficerUserId));
        Assert.Contains(changes, c => c.Kind == ZoneChangeKind.Proposed && c.Rule == ZoneRules.CaseHome);
        Assert.Contains(changes, c => c.Kind == ZoneChangeKind.Proposed && c.Rule == ZoneRules.CaseCommunity);
        // Lifted by rule — the review proposed it, one officer asked, a second approved — and others still in force.
        var lifts = changes.Where(c => c.Kind == ZoneChangeKind.Lifted).ToList();
        Assert.True(lifts.Count > 0, $"no zone lifted: {set.Count} set, {changes.Count(c => c.Kind == ZoneChangeKind.Downgraded)} downgraded");
        Assert.All(lifts, l =>
        {
            Assert.Equal(users["epi"], l.OfficerUserId);
            Assert.Equal(users["admin2"], l.ApproverUserId);
            Assert.Contains(changes, c => c.ZoneId == l.ZoneId && c.Kind == ZoneChangeKind.StepProposed && c.Rule == l.Rule && c.OfficerUserId == null && c.AtUtc <= l.AtUtc);
            Assert.Contains(changes, c => c.ZoneId == l.ZoneId && c.Kind == ZoneChangeKind.StepRequested && c.Rule == l.Rule && c.AtUtc <= l.AtUtc);
        });
        Assert.Contains(zones, z => z.State == ZoneState.Active);
        Assert.Equal(lifts.Count, zones.Count(z => z.State == ZoneState.Lifted));
        // The report names each day's zones set and lifted, as the bulletin does.
        Assert.Equal((set.Count, lifts.Count), (report.ZonesSet, report.ZonesLifted));
        Assert.Equal(set.Select(z => z.Id).Order(), days.SelectMany(d => d.Zones.New).Select(z => z.Id).Order());
        Assert.Equal(lifts.Select(l => l.ZoneId).Order(), days.SelectMany(d => d.Zones.Lifted).Select(z => z.Id).Order());

        // The sealed households sampled at their door on the zones' test days, resulted, negative rounds among them;
        // households with a special group first, one household after another by each compound's team.
        var doorSamples = await (from t in db.DoorTasks
                                 join r in db.TestingRounds on t.RoundId equals r.Id
                                 where r.Scope == RoundScope.Zones && t.Reason == DoorReason.Sealed
                                 join tube in db.Tubes on t.Id equals tube.DoorTaskId
                                 join x in db.Samples on tube.Id equals x.TubeId
                                 select new { t.RoundId, t.CompoundId, t.HouseholdId, x.AtUtc, x.Id, tube.Outcome }).ToListAsync();
        Assert.NotEmpty(doorSamples);
        Assert.All(doorSamples, x => Assert.NotNull(x.Outcome));
        var special = (await db.Persons.Where(p => p.HouseholdId != null && db.ServedFirst.Contains(p.Id)).Select(p => p.HouseholdId!.Value).ToListAsync()).ToHashSet();
        var bothKinds = 0;
        foreach (var round in doorSamples.GroupBy(x => (x.RoundId, x.CompoundId)))
        {
            var first = round.GroupBy(x => x.HouseholdId).Select(h => (Special: special.Contains(h.Key), At: h.Min(x => x.AtUtc), Id: h.Min(x => x.Id))).ToList();
            if (first.All(h => h.Special) || first.All(h => !h.Special)) continue;
            bothKinds++;
            Assert.True(first.Where(h => h.Special).Max(h => h.Id) < first.Where(h => !h.Special).Min(h => h.Id), $"round and compound {round.Key}: a household without a special group was sampled first");
            Assert.True(first.Where(h => h.Special).Max(h => h.At) <= first.Where(h => !h.Special).Min(h => h.At));
        }
        Assert.True(bothKinds > 0, "no zone round had households with and without a special group at the door");
        Assert.Contains(changes, c => c.Kind is ZoneChangeKind.Downgraded or ZoneChangeKind.Lifted && c.Evidence.Any(m => m.Key == "Zones.Met.Round"));

        // Every record falls on a simulated day.
        var from = clock.StartOfDayUtc(report.From);
        var to = clock.StartOfDayUtc(report.To.AddDays(1));
        void OnSimulatedDays(IEnumerable<DateTime> times, string what) =>
            Assert.All(times, t => Assert.True(t >= from && t < to, $"{what} at {t:O} is outside the simulated days"));
        OnSimulatedDays(cases.Select(c => c.ReportedAtUtc), "a case");
        OnSimulatedDays(await db.CaseEvents.Select(e => e.AtUtc).ToListAsync(), "a case event");
        OnSimulatedDays(await db.ContactProposals.Select(p => p.ProposedAtUtc).ToListAsync(), "a contact");
        OnSimulatedDays(await db.QuarantineStays.Select(s => s.CreatedAtUtc).ToListAsync(), "a quarantine");
        OnSimulatedDays(await db.QuarantineCheckIns.Select(c => c.AtUtc).ToListAsync(), "a check-in");
        OnSimulatedDays(await db.TestResults.Select(r => r.ResultAtUtc).ToListAsync(), "a test result");
        OnSimulatedDays(await db.Samples.Select(s => s.AtUtc).ToListAsync(), "a swab");
        OnSimulatedDays(await db.HealthCodeChanges.Select(c => c.AtUtc).ToListAsync(), "a colour change");
        OnSimulatedDays(await db.Screenings.Select(x => x.VisitedAtUtc).ToListAsync(), "a door-to-door screening");
        OnSimulatedDays(zones.SelectMany(z => new[] { z.ProposedAtUtc, z.StartedAtUtc, z.EndedAtUtc, z.PendingAtUtc }).OfType<DateTime>(), "a zone");
        OnSimulatedDays(changes.Select(c => c.AtUtc), "a zone change");
        OnSimulatedDays(zoneCases.Select(c => c.AddedAtUtc), "a zone's case");
        OnSimulatedDays(await db.ZoneMembers.Select(m => m.AddedAtUtc).ToListAsync(), "a zone member");
        OnSimulatedDays(await db.TestingRounds.Select(r => r.CreatedAtUtc).ToListAsync(), "a testing round");

        // The dashboard after the outbreak: every figure is the count of the line list it opens, and the trend holds the outbreak.
        await using (var host = CityHost.Over(store, time))
        {
            var epi = await host.LoginAsync("epi");
            var snapshot = await epi.GetFromJsonAsync<JsonElement>("/api/dashboard?fresh=true");
            var figures = snapshot.GetProperty("figures").EnumerateArray().ToList();
            Assert.True(await DashboardChecks.FiguresMatchListsAsync(epi, figures) >= 25);
            // Household members are close contacts of each case among them: persons, fewer than their designations.
            Assert.True(await DashboardChecks.ContactFiguresBelowDesignationsAsync(epi, figures) >= 1);
            var confirmed = cases.Count(c => c.ConfirmedOn is not null);
            Assert.Equal(confirmed, DashboardChecks.Value(figures, "cases.cumulativeConfirmed"));
            Assert.Equal(confirmed, snapshot.GetProperty("trend").EnumerateArray().Sum(d => d.GetProperty("newConfirmed").GetInt32()));
            Assert.True(DashboardChecks.Value(figures, "isolation.centralized") + DashboardChecks.Value(figures, "contacts.close.released") > 0);
            // Contacts found positive in quarantine are cases now: out of the figure, which with them is every unreleased contact.
            const string open = "/api/lists/contacts?size=1&grade=Close&status=Confirmed&released=false&onePerPerson=true";
            var becameCases = (await epi.GetFromJsonAsync<JsonElement>(open + "&becameCase=true")).GetProperty("count").GetInt32();
            Assert.True(becameCases > 0, "no contact became a case");
            Assert.Equal((await epi.GetFromJsonAsync<JsonElement>(open)).GetProperty("count").GetInt32(), DashboardChecks.Value(figures, "contacts.close.underObservation") + becameCases);
            // The zones in force by level are the zone list's counts with the same filter.
            Assert.True(await DashboardChecks.ZoneFiguresMatchListAsync(epi, figures) >= 3);
            Assert.True(DashboardChecks.Value(figures, "zones.Sealed") + DashboardChecks.Value(figures, "zones.Controlled") > 0);

            // Residents of a zone in force, with nothing else on their record, have its colour, explained by it.
            var inForce = zones.Where(z => z.State == ZoneState.Active).Select(z => z.Id).ToList();
            var homes = await (from h in db.ZoneHouseholds
                               where inForce.Contains(h.ZoneId)
                               join p in db.Persons on h.HouseholdId equals p.HouseholdId
                               where !db.Cases.Any(c => c.PersonId == p.Id) && !db.ContactProposals.Any(c => c.PersonId == p.Id)
                                     && !db.RoundResidents.Any(x => x.PersonId == p.Id && (x.Missed || x.Outcome == PersonOutcome.PoolPositive))
                               select new { PersonId = p.Id, h.ZoneId }).ToListAsync();
            var checkedResidents = 0;
            foreach (var resident in homes.GroupBy(x => x.PersonId).Take(20))
            {
                var top = zones.Where(z => resident.Any(x => x.ZoneId == z.Id)).MaxBy(z => z.Level)!;
                var colour = top.Level == ZoneLevel.Sealed ? DemoZones.SealedColour : DemoZones.ControlledColour;
                Assert.Equal(colour, await db.HealthCodes.Where(h => h.PersonId == resident.Key).Select(h => h.Colour).SingleAsync());
                var why = (await epi.GetFromJsonAsync<JsonElement>($"/api/codes/persons/{resident.Key}/history"))[0];
                Assert.Equal(colour.ToString(), why.GetProperty("to").GetString());
                Assert.Equal(CodeRules.ZoneRule, why.GetProperty("rule").GetString());
                Assert.Contains(resident, x => why.GetProperty("evidence").GetString()!.Contains($"zone:{x.ZoneId}", StringComparison.Ordinal));
                Assert.Contains(zones.Where(z => resident.Any(x => x.ZoneId == z.Id)), z => why.GetProperty("explanation").GetString()!.Contains($"{z.Name}（{z.Number}）", StringComparison.Ordinal));
                checkedResidents++;
            }
            Assert.True(checkedResidents > 0, "no resident of a zone in force without a case, contact or test on their record");
        }

        // The demo's teams did the work (ADR 0029): every swab, door knocked, check-in recorded and lab result of the outbreak was
        // written by a member of a deployed team, and each team's counted output is exactly those records.
        {
            var start = clock.StartOfDayUtc(report.From);
            var end = clock.StartOfDayUtc(report.To.AddDays(1));
            var teams = await db.Teams.AsNoTracking().ToListAsync();
            Assert.Equal([TeamKind.Aid, TeamKind.Sampling, TeamKind.DoorKnocking, TeamKind.CheckpointShift], teams.Select(t => t.Kind).Distinct().Order());
            Assert.All(teams, t => Assert.NotNull(t.LeaderUserId));
            var members = await db.TeamMembers.AsNoTracking().Select(m => m.UserId).ToListAsync();
            Assert.True(await db.TeamShifts.AnyAsync(x => x.Day == report.To), "no roster for the last simulated day");
            var samples = await db.Samples.CountAsync(x => x.AtUtc >= start && x.AtUtc < end);
            var doors = await db.Screenings.CountAsync(x => x.VisitedAtUtc >= start && x.VisitedAtUtc < end);
            var checkIns = await db.QuarantineCheckIns.CountAsync(x => x.AtUtc >= start && x.AtUtc < end);
            var results = await db.Tubes.CountAsync(x => x.ResultByUserId != null && x.ResultAtUtc >= start && x.ResultAtUtc < end);
            Assert.True(samples > 0 && doors > 0 && checkIns > 0 && results > 0, $"samples {samples}, doors {doors}, check-ins {checkIns}, results {results}");
            Assert.Equal(samples, await db.Samples.CountAsync(x => x.AtUtc >= start && x.AtUtc < end && members.Contains(x.SamplerUserId)));
            Assert.Equal(doors, await db.Screenings.CountAsync(x => x.VisitedAtUtc >= start && x.VisitedAtUtc < end && members.Contains(x.ByUserId)));
            Assert.Equal(checkIns, await db.QuarantineCheckIns.CountAsync(x => x.AtUtc >= start && x.AtUtc < end && members.Contains(x.ByUserId)));
            Assert.Equal(results, await db.Tubes.CountAsync(x => x.ResultAtUtc >= start && x.ResultAtUtc < end && members.Contains(x.ResultByUserId!.Value)));

            var output = sp.GetRequiredService<TeamOutput>();
            var counted = new Dictionary<TeamActivity, int>();
            foreach (var team in teams)
                foreach (var day in (await output.ForTeamAsync(db, team.Id, report.From, report.To, default)).Days)
                    foreach (var (activity, n) in day.Counts) counted[activity] = counted.GetValueOrDefault(activity) + n;
            Assert.Equal((samples, doors, checkIns, results), (counted[TeamActivity.Samples], counted[TeamActivity.DoorsKnocked], counted[TeamActivity.CheckInsRecorded], counted[TeamActivity.LabResults]));
            // The command's view: yesterday (the last simulated day) as the records of that day.
            var deployment = await sp.GetRequiredService<TeamDeployment>().GetAsync(db, null, 7, default);
            Assert.Equal(teams.Count, deployment.Teams);
            var last = (clock.StartOfDayUtc(report.To), end);
            Assert.Equal(await db.Samples.CountAsync(x => x.AtUtc >= last.Item1 && x.AtUtc < end), deployment.Rows.Sum(r => r.Yesterday[TeamActivity.Samples]));
            Assert.True(deployment.Rows.Sum(r => r.Yesterday.Values.Sum()) > 0, "nothing counted yesterday");
        }

        // Twice is refused: the store holds cases now.
        var again = await Assert.ThrowsAsync<OutbreakRefusedException>(() => simulation.RunAsync(options, null, CancellationToken.None));
        Assert.Contains("--reset", again.Message);
        Assert.Equal(cases.Count, await db.Cases.CountAsync());

        // With --reset the earlier outbreak is cleared first (its own audit rows too, which a new run writes with the same ids).
        var rerun = await simulation.RunAsync(options with { Days = 2, Reset = true }, null, CancellationToken.None);
        var after = await db.Cases.AsNoTracking().ToListAsync();
        Assert.All(after.Where(c => c.Class != CaseClass.Suspected), c => Assert.Equal(c.Id, rerun.Infections.Single(i => i.PersonId == c.PersonId).CaseId));
        Assert.True(await db.ContactProposals.AllAsync(p => p.ProposedAtUtc >= clock.StartOfDayUtc(new DateOnly(2026, 11, 18))));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed class Collect(List<OutbreakDay> days) : IProgress<OutbreakDay>
    {
        public void Report(OutbreakDay value) => days.Add(value);
    }
}
