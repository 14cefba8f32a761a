using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Seeding;
using Fangkong.Core.Simulation;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Simulation;
using Fangkong.Domain.Tracing;
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
/// at a site, check-ins, tests, releases, discharges) is in the store, stamped with the simulated days' times.
/// </summary>
public abstract class OutbreakSimulationTests(StorageProvider provider)
{
    // 10:00 on 20 November in the city: the outbreak runs 6–19 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_outbreak_spreads_along_real_co_presence_and_the_platform_traces_quarantines_tests_and_releases()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        await DemoCitySeeder.SeedAsync(store.Options, new SeedOptions { Residents = 2000, Days = 15, Seed = 7 }, null, time, CancellationToken.None);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddFangkongCore(store.Options);
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

        // Every case is an infected person, and the infection knows its case.
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Equal(c.Id, infections[c.PersonId].CaseId));
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
        Assert.True(await (from m in db.ScreeningMembers join c in db.Cases on m.PersonId equals c.PersonId where !m.Present && m.AwayAt == "定点医院" select m).AnyAsync(),
            "a case is found away in hospital at the door");
        Assert.True(await db.CommunityProblems.AnyAsync(p => p.State == Fangkong.Domain.Community.ProblemState.Closed), "the community answered a problem raised at a door");

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
        }

        // Twice is refused: the store holds cases now.
        var again = await Assert.ThrowsAsync<OutbreakRefusedException>(() => simulation.RunAsync(options, null, CancellationToken.None));
        Assert.Contains("--reset", again.Message);
        Assert.Equal(cases.Count, await db.Cases.CountAsync());

        // With --reset the earlier outbreak is cleared first (its own audit rows too, which a new run writes with the same ids).
        var rerun = await simulation.RunAsync(options with { Days = 2, Reset = true }, null, CancellationToken.None);
        var after = await db.Cases.AsNoTracking().ToListAsync();
        Assert.All(after, c => Assert.Equal(c.Id, rerun.Infections.Single(i => i.PersonId == c.PersonId).CaseId));
        Assert.True(await db.ContactProposals.AllAsync(p => p.ProposedAtUtc >= clock.StartOfDayUtc(new DateOnly(2026, 11, 18))));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed class Collect(List<OutbreakDay> days) : IProgress<OutbreakDay>
    {
        public void Report(OutbreakDay value) => days.Add(value);
    }
}
