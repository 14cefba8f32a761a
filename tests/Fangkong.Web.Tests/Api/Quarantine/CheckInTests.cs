using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Quarantine;

public sealed class CheckInTestsSqlite() : CheckInTests(StorageProvider.Sqlite);
public sealed class CheckInTestsPostgres() : CheckInTests(StorageProvider.Postgres);

/// <summary>Daily monitoring: the resident checks in on the phone, staff for others; fevers, symptoms and silence raise alerts.</summary>
public abstract class CheckInTests(StorageProvider provider)
{
    [Fact]
    public async Task Check_ins_raise_alerts_for_fever_symptoms_and_a_day_without_one()
    {
        await using var host = await CityHost.StartAsync(provider);
        long mine = 600_000_001, theirs = 600_000_002, silent = 600_000_003;
        await using (var db = host.Db())
        {
            var residentPerson = await db.Users.Where(u => u.UserName == "resident").Select(u => u.PersonId!.Value).FirstAsync();
            var others = await db.Persons.Where(p => p.Id != residentPerson).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            var day1 = new DateOnly(2026, 11, 20);
            QuarantineStay Stay(long id, long person) => new()
            {
                Id = id,
                PersonId = person,
                CaseId = 1,
                Role = ContactRole.CloseContact,
                Edition = PolicyEdition.Edition9,
                Place = QuarantinePlace.Home,
                Day1 = day1,
                ReleaseDate = day1.AddDays(10),
                State = QuarantineState.InQuarantine,
                CreatedAtUtc = host.Time.GetUtcNow().UtcDateTime,
            };
            db.QuarantineStays.AddRange(Stay(mine, residentPerson), Stay(theirs, others[0]), Stay(silent, others[1]));
            await db.SaveChangesAsync();
        }
        var resident = await host.LoginAsync("resident");
        var fine = await (await resident.PostAsJsonAsync("/api/quarantine/me/check-in", new { temperature = 36.6m, symptoms = Array.Empty<string>() })).JsonAsync();
        Assert.Equal("None", fine.GetProperty("alert").GetString());
        var fever = await (await resident.PostAsJsonAsync("/api/quarantine/me/check-in", new { temperature = 38.1m, symptoms = new[] { "cough" } })).JsonAsync();
        Assert.Equal(("Fever", true), (fever.GetProperty("alert").GetString(), fever.GetProperty("replaced").GetBoolean()));
        var implausible = await resident.PostAsJsonAsync("/api/quarantine/me/check-in", new { temperature = 50m });
        Assert.Equal(HttpStatusCode.BadRequest, implausible.StatusCode);
        Assert.Contains("temperature", await implausible.Content.ReadAsStringAsync());
        var unknown = await resident.PostAsJsonAsync("/api/quarantine/me/check-in", new { temperature = 36.5m, symptoms = new[] { "headache!" } });
        Assert.Contains("symptoms", await unknown.Content.ReadAsStringAsync());

        var epi = await host.LoginAsync("epi");
        var staff = await (await epi.PostAsJsonAsync($"/api/quarantine/stays/{theirs}/check-in", new { temperature = 36.9m, symptoms = new[] { "sore-throat" } })).JsonAsync();
        Assert.Equal("Symptoms", staff.GetProperty("alert").GetString());

        // 08:00 in the city: two alerts, the fever first; nobody is missed before 20:00.
        var morning = (await (await epi.GetAsync("/api/quarantine/alerts")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([(mine, "Fever"), (theirs, "Symptoms")], morning.Select(a => (a.GetProperty("stayId").GetInt64(), a.GetProperty("alert").GetString())));
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 12, 30, 0, TimeSpan.Zero)); // 20:30
        epi = await host.LoginAsync("epi");
        var evening = (await (await epi.GetAsync("/api/quarantine/alerts")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal("Missed", evening.Single(a => a.GetProperty("stayId").GetInt64() == silent).GetProperty("alert").GetString());
        Assert.Equal(3, evening.Count);
        await using (var db = host.Db())
            Assert.Equal(2, await db.QuarantineCheckIns.CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.LoginAsync("gate")).GetAsync("/api/quarantine/alerts")).StatusCode);
    }
}
