using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Places;

public sealed class VenueAdminTestsSqlite() : VenueAdminTests(StorageProvider.Sqlite);
public sealed class VenueAdminTestsPostgres() : VenueAdminTests(StorageProvider.Postgres);

/// <summary>Venues and devices managed over the API, and entry records purged after the retention period.</summary>
public abstract class VenueAdminTests(StorageProvider provider)
{
    [Fact]
    public async Task An_administrator_registers_a_venue_with_a_device_and_edits_its_capacity()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var bad = await admin.PostAsJsonAsync("/api/venues", new { name = "某超市", type = "Supermarket", districtCode = "999999", capacity = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["districtCode"], (await bad.JsonAsync()).ProblemFields());

        var created = await admin.PostAsJsonAsync("/api/venues", new { name = "欧亚超市", type = "Supermarket", districtCode = "220403", capacity = 300, opens = "08:00:00", closes = "21:00:00", requiredNegativeTestHours = 72 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var venue = await created.JsonAsync();
        Assert.Equal("超市", venue.GetProperty("typeName").GetString());
        Assert.Equal("08:00–21:00", venue.GetProperty("hours").GetString());
        var id = venue.GetProperty("id").GetInt64();

        var device = await admin.PostAsJsonAsync($"/api/venues/{id}/devices", new { name = "1号入口" });
        Assert.Equal(HttpStatusCode.Created, device.StatusCode);

        // The hall's gate sees a capacity change at once.
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        var put = await admin.PutAsJsonAsync($"/api/venues/{Scenario.HallId}", new { name = "辽源市政务服务中心", type = "ServiceHall", districtCode = "220402", capacity = 1, opens = "08:30:00", closes = "17:00:00" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var full = await (await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal(["VenueFull"], full.Reasons());
    }

    [Fact]
    public async Task Entry_records_past_retention_are_purged_and_recent_ones_kept()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        await gate.CheckOutAsync(host.Scenario.Alice.DocumentNumber);
        host.Time.Advance(TimeSpan.FromDays(20));
        gate = await host.LoginAsync("gate"); // the sign-in cookie lasts 12 hours
        await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.5m);
        await gate.CheckOutAsync(host.Scenario.Bob.DocumentNumber);
        host.Time.Advance(TimeSpan.FromDays(9)); // Alice's visit is now 29 days old, Bob's 9
        var purge = host.Services.GetRequiredService<Fangkong.Core.Retention.RetentionRun>();
        Assert.Equal(3, (await purge.PurgeAsync(host.Time.GetUtcNow().UtcDateTime, default)).Single(c => c.Class == "entries").Count);
        await using (var db = host.Db())
        {
            Assert.Equal(host.Scenario.Bob.Id, (await db.Visits.SingleAsync()).PersonId);
            Assert.Equal(2, await db.GateEvents.CountAsync());
        }
    }

    [Fact]
    public async Task An_administrator_registers_a_person_and_bad_documents_are_refused()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var bad = await admin.PostAsJsonAsync("/api/persons", new { documentNumber = "110105194902300021", name = "王建国" });
        Assert.Equal(["documentNumber"], (await bad.JsonAsync()).ProblemFields());
        var badPhone = await admin.PostAsJsonAsync("/api/persons", new { documentNumber = "11010519491231002X", name = "王建国", phone = "12345" });
        Assert.Equal(["phone"], (await badPhone.JsonAsync()).ProblemFields());

        var ok = await admin.PostAsJsonAsync("/api/persons", new { documentNumber = "11010519491231002x", name = "王建国", phone = "13912345678" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var person = await ok.JsonAsync();
        Assert.Equal("王*国", person.GetProperty("name").GetString());
        Assert.Equal("女", person.GetProperty("sex").GetString());

        var passport = await admin.PostAsJsonAsync("/api/persons", new { documentType = "Passport", documentNumber = "e12345678", name = "John Smith" });
        Assert.Equal(HttpStatusCode.Created, passport.StatusCode);
        var again = await admin.PostAsJsonAsync("/api/persons", new { documentNumber = "11010519491231002X", name = "王建国" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = host.Db();
        Assert.Equal(5, await db.Persons.CountAsync());
    }
}

