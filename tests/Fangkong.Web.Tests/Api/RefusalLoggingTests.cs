using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Web.Tests.Api.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Tests.Api;

public sealed class RefusalLoggingTestsSqlite() : RefusalLoggingTests(StorageProvider.Sqlite);
public sealed class RefusalLoggingTestsPostgres() : RefusalLoggingTests(StorageProvider.Postgres);

/// <summary>
/// An operator's log shows real failures: a refusal (400, 403, 404, 409, 413, 415, 422) is logged quietly without a stack
/// trace, a real failure as an error with its stack, and a race the code settles (two tables, one person) not at all.
/// </summary>
public abstract class RefusalLoggingTests(StorageProvider provider)
{
    [Fact]
    public async Task Refusals_write_no_warning_or_error()
    {
        var log = new LogCapture();
        await using var host = await ApiHost.StartAsync(provider, web: log.AddTo, kestrel: true);
        var gate = await host.LoginAsync("gate");
        var admin = await host.LoginAsync("admin");
        var manager = await host.LoginAsync("manager");
        log.Clear();

        Assert.Equal(HttpStatusCode.BadRequest, (await gate.CheckInAsync("11010519491231002Y", 36.5m)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gate.PostAsync("/api/gate/check-in", new StringContent("{\"temperature\":", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/venues/999/occupancy")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/nothing-here")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/venues/{Scenario.OtherVenueId}")).StatusCode);
        var requested = await (await admin.PostAsJsonAsync("/api/codes/manual", new { personId = host.Scenario.Bob.Id, colour = "Yellow", reason = "密接排查" })).JsonAsync();
        var own = await admin.PostAsJsonAsync($"/api/codes/manual/{requested.GetProperty("id").GetInt64()}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        var huge = new StringContent(new string('x', 300_000), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await admin.PostAsync("/api/persons", huge)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await gate.PostAsync("/api/gate/check-in", new StringContent("{}", Encoding.UTF8, "text/plain"))).StatusCode);
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m, key)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 36.5m, key)).StatusCode);
        // A page refusing a bad query value.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/search?page=abc")).StatusCode);

        Assert.True(log.Loud().Count == 0, string.Join('\n', log.Loud()));
        Assert.DoesNotContain(log.Entries, e => e.Exception is not null);
    }

    [Fact]
    public async Task A_real_failure_is_logged_as_an_error_with_its_stack()
    {
        var log = new LogCapture();
        await using var host = await ApiHost.StartAsync(provider, web: log.AddTo);
        var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/bulletins/published")).StatusCode);
        await using (var db = host.Db())
            await db.Database.ExecuteSqlRawAsync(provider == StorageProvider.Postgres ? "DROP TABLE bulletins CASCADE" : "DROP TABLE bulletins");
        log.Clear();

        var r = await anonymous.GetAsync("/api/bulletins/published");
        Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        // Once by the exception handler, with the exception and its stack (EF adds its own account of the failed query).
        var handler = Assert.Single(log.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, handler.Level);
        Assert.NotNull(handler.Exception?.StackTrace);
    }

    [Fact]
    public async Task A_unique_index_conflict_the_caller_handles_is_not_logged_as_an_error()
    {
        var log = new LogCapture();
        await using var host = await ApiHost.StartAsync(provider, web: log.AddTo);
        log.Clear();
        // The app's own context (its logging): a second row with a taken key, as a racing table or instance would write.
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<FangkongDb>>().CreateDbContextAsync();
        db.Users.Add(new Core.Accounts.User { Id = 1, UserName = "admin-again", DisplayName = "重复", PasswordHash = "x", Role = Core.Accounts.Roles.Administrator });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Empty(log.Loud(LogLevel.Error));
    }

    [Fact]
    public async Task A_race_between_two_tables_for_one_person_is_settled_without_an_error_in_the_log()
    {
        var log = new LogCapture();
        await using var host = await CityHost.StartAsync(provider, residents: 1000, web: log.AddTo);
        var sampler = await host.LoginAsync("sampler");
        var sampler2 = await host.LoginAsync("sampler2");
        var d = new RoundDriver(host, await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var (one, two) = (RoundDriver.NewTube(), RoundDriver.NewTube());
        await d.OpenTubeAsync(roundId, siteId, one);
        await d.OpenTubeAsync(roundId, siteId, two, as_: sampler2);
        log.Clear();

        // The same people at two tables at once: each is swabbed once, the other table told so (409), repeatedly, so that
        // some of the pairs meet at the unique index rather than at the check before it.
        var pairs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.WhenAll(d.SampleAsync(one, people[i].IdNumber), d.SampleAsync(two, people[i].IdNumber, as_: sampler2))));
        foreach (var answers in pairs)
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using (var db = host.Db()) Assert.Equal(8, await db.Samples.CountAsync());
        Assert.Empty(log.Loud(LogLevel.Error));
    }
}
