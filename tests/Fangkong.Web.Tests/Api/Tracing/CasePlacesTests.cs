using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class CasePlacesTestsSqlite() : CasePlacesTests(StorageProvider.Sqlite);
public sealed class CasePlacesTestsPostgres() : CasePlacesTests(StorageProvider.Postgres);

/// <summary>What the investigation page lists (Investigation.PlacesAsync): the window, the places, each risk window with the companions it proposed and confirmed.</summary>
public abstract class CasePlacesTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc); // 10:00 in the city

    [Fact]
    public async Task The_places_and_risk_windows_of_a_case_are_listed_with_the_companions_each_window_proposed()
    {
        await using var host = await CityHost.StartAsync(provider);
        const long caseId = 800_000_070;
        long market, hall;
        List<long> visitors;
        await using (var db = host.Db())
        {
            var persons = await db.Persons.OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync();
            visitors = persons.Skip(1).ToList();
            market = await db.Venues.Where(v => v.Type == VenueType.Market).Select(v => v.Id).FirstAsync();
            hall = await db.Venues.Where(v => v.Type == VenueType.ServiceHall).Select(v => v.Id).FirstAsync();
            // Two visitors at the market in the first window, one at the hall in the second.
            db.Visits.Add(new Visit { Id = 931_000_001, PersonId = visitors[0], VenueId = market, EnteredAtUtc = At, ExitedAtUtc = At.AddHours(1), Method = EntryMethod.IdCard });
            db.Visits.Add(new Visit { Id = 931_000_002, PersonId = visitors[1], VenueId = market, EnteredAtUtc = At.AddMinutes(20), ExitedAtUtc = At.AddHours(2), Method = EntryMethod.IdCard });
            db.Visits.Add(new Visit { Id = 931_000_003, PersonId = visitors[2], VenueId = hall, EnteredAtUtc = At.AddHours(3), ExitedAtUtc = At.AddHours(4), Method = EntryMethod.IdCard });
            db.Cases.Add(new CaseRecord { Id = caseId, PersonId = persons[0], FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = At.AddDays(1), ReportedAtUtc = At.AddDays(1), Class = CaseClass.Mild, OnsetDate = new DateOnly(2026, 11, 19) });
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        Assert.Equal(HttpStatusCode.Created, (await epi.PostAsJsonAsync($"/api/cases/{caseId}/places", new { place = "朋友家", from = "2026-11-18T19:00:00", to = "2026-11-18T22:00:00", note = "病例自述" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await epi.PostAsJsonAsync($"/api/cases/{caseId}/risk-windows", new { venueId = market, from = "2026-11-18T10:00:00", to = "2026-11-18T11:00:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await epi.PostAsJsonAsync($"/api/cases/{caseId}/risk-windows", new { venueId = hall, from = "2026-11-18T13:00:00", to = "2026-11-18T14:00:00" })).StatusCode);
        var first = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts?grade=Companion")).JsonAsync()).GetProperty("items").EnumerateArray()
            .First(x => x.GetProperty("personId").GetInt64() == visitors[0]).GetProperty("id").GetInt64();
        (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = new[] { first }, status = "Confirmed" })).EnsureSuccessStatusCode();

        var investigation = host.Services.GetRequiredService<Investigation>();
        await using var read = host.Db();
        var places = await investigation.PlacesAsync(read, caseId, default);
        Assert.NotNull(places);
        Assert.Equal(new DateTime(2026, 11, 14, 16, 0, 0, DateTimeKind.Utc), places.WindowStartUtc); // 15 November 00:00 city time: onset − 4 days
        Assert.Equal(("朋友家", "病例自述"), (places.Places.Single().Place, places.Places.Single().Note));
        Assert.Equal([(market, 2, 1), (hall, 1, 0)], places.RiskWindows.Select(w => (w.VenueId, w.Proposed, w.Confirmed)).ToList());
        Assert.Null(await investigation.PlacesAsync(read, 1, default));
    }
}
