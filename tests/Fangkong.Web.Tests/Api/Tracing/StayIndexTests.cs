using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Retention;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class StayIndexTestsSqlite() : StayIndexTests(StorageProvider.Sqlite);
public sealed class StayIndexTestsPostgres() : StayIndexTests(StorageProvider.Postgres);

/// <summary>
/// The process's long-lived contact index (ADR 0033) against the store: visits written after it was built (by the gate here, by
/// another instance, an exit inferred elsewhere), the retention purge, and the same answers as the store's on a generated city.
/// </summary>
public abstract class StayIndexTests(StorageProvider provider)
{
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Visits_written_after_the_build_are_found_exits_followed_and_purged_visits_dropped()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.Advance(TimeSpan.FromHours(2)); // 10:00 in the city: the hall is open
        var index = host.Services.GetRequiredService<StayIndex>();
        var ids = host.Services.GetRequiredService<TimeOrderedIds>();
        long hall, sick, a, b, c, d, e;
        string sickDoc, sickName, cDoc, cName;
        await using (var db = host.Db())
        {
            hall = await db.Venues.Where(v => v.Type == VenueType.ServiceHall).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            var people = await db.Persons.Where(p => p.HouseholdId != null).OrderBy(p => p.Id).Select(p => new { p.Id, p.HouseholdId, p.DocumentNumber, p.Name }).ToListAsync();
            var byHousehold = people.DistinctBy(p => p.HouseholdId).Take(6).ToList();
            (sick, a, b, c, d, e) = (byHousehold[0].Id, byHousehold[1].Id, byHousehold[2].Id, byHousehold[3].Id, byHousehold[4].Id, byHousehold[5].Id);
            (sickDoc, sickName, cDoc, cName) = (byHousehold[0].DocumentNumber, byHousehold[0].Name, byHousehold[3].DocumentNumber, byHousehold[3].Name);
            // Ids as the gate makes them, from the time each was recorded (ADR 0003): the purge below keeps them.
            var n = 1L;
            db.Visits.Add(Visit(TimeOrderedIds.Compose(At(18, 2), 0, n++), sick, hall, At(18, 2), At(18, 3)));
            db.Visits.Add(Visit(TimeOrderedIds.Compose(At(18, 2, 40), 0, n++), a, hall, At(18, 2, 40), At(18, 3, 30)));   // 20 min together → close
            db.Visits.Add(Visit(TimeOrderedIds.Compose(At(18, 2, 30), 0, n++), d, hall, At(18, 2, 30), null));            // still open: lasts until now
            // Inside the case's window, but recorded with an id older than the entries' retention: the purge takes it.
            db.Visits.Add(Visit(TimeOrderedIds.Compose(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), 0, 1), e, hall, At(18, 2, 20), At(18, 3)));
            await db.SaveChangesAsync();
        }
        await index.BuildAsync(null, CancellationToken.None);
        var built = index.Status;
        Assert.Equal(StayIndexState.Ready, built.State);
        Assert.Equal(3, built.Stays);          // the closed ones; the open one waits among the recent stays
        Assert.Equal(1, built.RecentStays);

        // After the build: another instance's visit (a newer id), an exit inferred elsewhere, and this instance's gate.
        await using (var db = host.Db())
        {
            db.Visits.Add(Visit(ids.Next(), b, hall, At(18, 2, 10), At(18, 2, 50)));   // 40 min → close
            await db.SaveChangesAsync();
            await db.Visits.Where(v => v.PersonId == d).ExecuteUpdateAsync(u => u.SetProperty(v => v.ExitedAtUtc, At(18, 2, 35)).SetProperty(v => v.ExitInferred, true));
        }
        var gate = await host.LoginAsync("gate");
        foreach (var (doc, name, key) in new[] { (sickDoc, sickName, "stay-index-01"), (cDoc, cName, "stay-index-02") })
            (await gate.PostAsJsonAsync("/api/gate/check-in", new { idempotencyKey = key, idNumber = doc, name, temperature = 36.5m })).EnsureSuccessStatusCode();
        Assert.Equal(3, index.Status.RecentStays); // the gate's hook: both visits taken at its commit, before any search
        host.Time.Advance(TimeSpan.FromMinutes(20)); // both still inside: 20 minutes together by now

        var caseId = await CaseAsync(host, sick);
        var epi = await host.LoginAsync("epi");
        Assert.Equal([a, b, c, e], await ProposedAsync(host, epi, caseId));   // d left after 5 minutes, not 30

        // The purge deletes e's visit: the base held it, so it is dropped (searches read the store) and built again.
        await host.Services.GetRequiredService<RetentionRun>().PurgeAsync(host.Time.GetUtcNow().UtcDateTime, CancellationToken.None);
        Assert.NotEqual(StayIndexState.Ready, index.Status.State);
        Assert.Equal([a, b, c], await ProposedAsync(host, epi, caseId));
        await index.BuildAsync(null, CancellationToken.None);
        Assert.Equal(StayIndexState.Ready, index.Status.State);
        Assert.Equal([a, b, c], await ProposedAsync(host, epi, caseId));
    }

    [Fact]
    public async Task Index_and_store_find_the_same_contacts_on_a_generated_city()
    {
        await using var host = await CityHost.StartAsync(provider);
        var index = host.Services.GetRequiredService<StayIndex>();
        var ids = host.Services.GetRequiredService<TimeOrderedIds>();
        var thresholds = ContactThresholds.Default;
        var rng = new Random(20261207);
        List<long> persons, venues;
        var later = new List<Visit>();
        await using (var db = host.Db())
        {
            persons = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).Take(300).ToListAsync();
            venues = (await db.Venues.OrderBy(v => v.Id).Select(v => new { v.Id, v.Type }).ToListAsync())
                .Where(v => thresholds.IsCloseContactGrade(v.Type)).Take(8).Select(v => v.Id).ToList();
            var n = 900_000_000L;
            foreach (var p in persons)
            {
                for (var k = rng.Next(0, 9); k > 0; k--)
                {
                    var @in = At(14, 0).AddMinutes(rng.Next(0, 6 * 24 * 60));
                    DateTime? @out = rng.Next(20) == 0 ? null : @in.AddMinutes(rng.Next(0, 180));
                    // Four in ten come after the build, as another instance's (newer ids) — and all through the same search.
                    if (rng.Next(10) < 4) later.Add(Visit(0, p, venues[rng.Next(venues.Count)], @in, @out));
                    else db.Visits.Add(Visit(n++, p, venues[rng.Next(venues.Count)], @in, @out));
                }
            }
            await db.SaveChangesAsync();
        }
        await index.BuildAsync(null, CancellationToken.None);
        await using (var db = host.Db())
        {
            foreach (var v in later) v.Id = ids.Next();
            db.Visits.AddRange(later);
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        var cases = new List<long>();
        foreach (var p in persons.Where((_, i) => i % 30 == 0)) cases.Add(await CaseAsync(host, p));
        foreach (var caseId in cases)
        {
            var byIndex = await EvidenceAsync(host, epi, caseId);
            index.RequestRebuild(); // no index: the store's answer
            var byStore = await EvidenceAsync(host, epi, caseId);
            Assert.Equal(byStore, byIndex);
            await index.BuildAsync(null, CancellationToken.None);
        }
        Assert.True(cases.Count >= 10);
    }

    private static Visit Visit(long id, long person, long venue, DateTime @in, DateTime? @out) =>
        new() { Id = id, PersonId = person, VenueId = venue, EnteredAtUtc = @in, ExitedAtUtc = @out, Method = EntryMethod.IdCard };

    private static async Task<long> CaseAsync(CityHost host, long person)
    {
        await using var db = host.Db();
        var id = host.Services.GetRequiredService<TimeOrderedIds>().Next();
        db.Cases.Add(new CaseRecord
        {
            Id = id,
            PersonId = person,
            FoundBy = CaseFoundBy.PoolResampling,
            FirstPositiveSampledAtUtc = At(19, 1),
            ReportedAtUtc = At(19, 12),
            OnsetDate = new DateOnly(2026, 11, 19),
            Class = CaseClass.Mild,
            Edition = PolicyEdition.Edition9,
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Searches afresh (earlier proposals removed) and returns who was proposed for a shared visit, in order.</summary>
    private static async Task<List<long>> ProposedAsync(CityHost host, HttpClient epi, long caseId) =>
        (await EvidenceAsync(host, epi, caseId)).Select(x => long.Parse(x.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static async Task<List<string>> EvidenceAsync(CityHost host, HttpClient epi, long caseId)
    {
        await using (var db = host.Db()) await db.ContactProposals.Where(p => p.CaseId == caseId).ExecuteDeleteAsync();
        (await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null)).EnsureSuccessStatusCode();
        await using var read = host.Db();
        return (await read.ContactProposals.Where(p => p.CaseId == caseId && p.Kind == ContactKind.SharedVisit).ToListAsync())
            .OrderBy(p => p.PersonId)
            .Select(p => $"{p.PersonId}|{p.VenueId}|{p.FirstExposureUtc:O}|{p.OverlapMinutes}|{p.SourceInUtc:O}|{p.ContactInUtc:O}|{p.ContactOutUtc:O}").ToList();
    }
}
