using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Returnees;
using Fangkong.Core.Testing;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Travel;
using Fangkong.Web.Tests.Api.Command;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Returnees;

public sealed class ReturneeFlowTestsSqlite() : ReturneeFlowTests(StorageProvider.Sqlite);
public sealed class ReturneeFlowTestsPostgres() : ReturneeFlowTests(StorageProvider.Postgres);

/// <summary>
/// Returnees end to end over HTTP (issue 21): other regions' risk areas imported from a published list; a resident from a
/// low-risk area of an outbreak county registers on the phone, gets two tests in three days and is released green after
/// them; one from a high-risk area, registered by the community, is isolated at a site, and a checkpoint registering the
/// same arrival makes no second; the worker's follow-up and the overdue list; bad input names the field and writes nothing;
/// the dashboard's figures equal their lists. The clock stands at 2026-11-20 10:00 in the city (three-zone preset).
/// </summary>
public abstract class ReturneeFlowTests(StorageProvider provider)
{
    private const string List = "省,市,县区,风险区,风险等级,起始日期,截止日期,县区有疫情\n"
        + "吉林省,长春市,宽城区,团山街道,高风险区,2026-11-10,,是\n"
        + "吉林省,长春市,宽城区,兰家镇,低,2026-11-10,,是\n"
        + "吉林省,吉林市,船营区,北京路街道,中,2026-11-12,2026-11-15,是\n";

    // Alice lives in the scenario's one household (福民小区, 福镇社区, 第1网格 of 王丽, 龙山区 220402).
    private static async Task<ApiHost> StartAsync(StorageProvider provider)
    {
        var host = await ApiHost.StartAsync(provider);
        await using var db = host.Db();
        await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.HouseholdId, (long?)Scenario.HouseholdId).SetProperty(p => p.DistrictCode, "220402").SetProperty(p => p.CommunityId, (long?)Scenario.CommunityId));
        return host;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_returnee_from_a_low_risk_area_of_an_outbreak_county_gets_two_tests_in_three_days_and_is_released_green_after_them()
    {
        await using var host = await StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var imported = await Ok(await epi.PostAsync("/api/returnees/risk-areas/import", Csv(List)));
        Assert.Equal((3, 3, 0), (imported.GetProperty("rows").GetInt32(), imported.GetProperty("created").GetInt32(), imported.GetProperty("alreadyListed").GetInt32()));
        // The same list again adds nothing; a list with one bad row writes nothing and names the line and field.
        Assert.Equal(3, (await Ok(await epi.PostAsync("/api/returnees/risk-areas/import", Csv(List)))).GetProperty("alreadyListed").GetInt32());
        var bad = await epi.PostAsync("/api/returnees/risk-areas/import", Csv("省,市,县区,风险区,风险等级,起始日期\n辽宁省,沈阳市,和平区,,极高,2026-11-10\n辽宁省,沈阳市,皇姑区,,高,2026-11-10\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = (await bad.JsonAsync()).GetProperty("problems")[0];
        Assert.Equal((2, "level"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("field").GetString()));
        var areas = await Ok(await epi.GetAsync("/api/returnees/risk-areas?q=宽城&inForce=true"));
        Assert.Equal(2, areas.GetProperty("total").GetInt32());
        Assert.Equal("High", areas.GetProperty("items")[0].GetProperty("level").GetString());

        // Alice names where she was in her own words: the low-risk 兰家镇 of 宽城区, a county with an outbreak.
        var resident = await host.LoginAsync("resident");
        var body = new { idempotencyKey = "return-alice-0001", origin = "吉林省长春市宽城区兰家镇", leftOn = "2026-11-19", travel = "Train", travelNumber = "K7323" };
        var created = await resident.PostAsJsonAsync("/api/returnees/me", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var r = await created.JsonAsync();
        var id = r.GetProperty("id").GetInt64();
        Assert.StartsWith("F2026-", r.GetProperty("number").GetString());
        Assert.Equal(("Tests", "Low", "UnderMeasure", "王丽", "2022.6-travel-fk1", "ThreeZones"), (r.GetProperty("measure").GetString(), r.GetProperty("level").GetString(),
            r.GetProperty("state").GetString(), r.GetProperty("worker").GetString(), r.GetProperty("policyVersion").GetString(), r.GetProperty("preset").GetString()));
        Assert.Equal("抵达后3天内核酸检测2次", r.GetProperty("decision").GetString());
        Assert.Equal(["2026-11-20", "2026-11-22"], r.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("date").GetString()));
        Assert.DoesNotContain(host.Scenario.Alice.Name, r.GetRawText());

        // A retry answers with the same registration; the key for another arrival is refused naming it.
        Assert.Equal(id, (await Ok(await resident.PostAsJsonAsync("/api/returnees/me", body))).GetProperty("id").GetInt64());
        var reused = await resident.PostAsJsonAsync("/api/returnees/me", new { body.idempotencyKey, body.origin, body.leftOn, body.travel, body.travelNumber, arrivedOn = "2026-11-21" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(["idempotencyKey"], (await reused.JsonAsync()).ProblemFields());

        await using (var db = host.Db())
        {
            Assert.Equal(1, await db.Returnees.CountAsync());
            var tasks = await db.ResampleTasks.Where(t => t.PersonId == host.Scenario.Alice.Id).OrderBy(t => t.DueDate).ToListAsync();
            Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22)], tasks.Select(t => t.DueDate!.Value));
            Assert.All(tasks, t => Assert.Equal(SingleTubeReason.ReturneeSchedule, t.Reason));
            Assert.False(await db.QuarantineStays.AnyAsync());
            // Sampled on arrival, negative.
            db.TestResults.Add(new TestResult { Id = 990001, PersonId = host.Scenario.Alice.Id, SampledAtUtc = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc), ResultAtUtc = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), Outcome = TestOutcome.Negative, Source = "test" });
            await db.SaveChangesAsync();
        }

        // The next day the second test is still to come: the review names why she waits.
        host.Time.Advance(TimeSpan.FromDays(1));
        var grid = await host.LoginAsync("grid");
        var review = await Ok(await grid.PostAsJsonAsync("/api/returnees/review", new { }));
        Assert.Equal(0, review.GetProperty("released").GetInt32());
        Assert.Equal(id, review.GetProperty("waiting")[0].GetProperty("id").GetInt64());

        host.Time.Advance(TimeSpan.FromDays(1));
        await using (var db = host.Db())
        {
            db.TestResults.Add(new TestResult { Id = 990002, PersonId = host.Scenario.Alice.Id, SampledAtUtc = new DateTime(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc), ResultAtUtc = new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc), Outcome = TestOutcome.Negative, Source = "test" });
            await db.SaveChangesAsync();
        }
        grid = await host.LoginAsync("grid");
        Assert.Equal(1, (await Ok(await grid.PostAsJsonAsync("/api/returnees/review", new { }))).GetProperty("released").GetInt32());
        resident = await host.LoginAsync("resident");
        var mine = (await Ok(await resident.GetAsync("/api/returnees/me")))[0];
        Assert.Equal("Released", mine.GetProperty("state").GetString());
        Assert.Equal(["Negative", "Negative"], mine.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("state").GetString()));
        Assert.Equal("Green", (await Ok(await resident.GetAsync("/api/codes/me"))).GetProperty("colour").GetString());
        await using (var db = host.Db())
            Assert.False(await db.ResampleTasks.AnyAsync(t => t.PersonId == host.Scenario.Alice.Id && t.DoneAtUtc == null));
    }

    [Fact]
    public async Task A_returnee_from_a_high_risk_area_is_isolated_at_a_site_and_a_checkpoint_registering_the_same_arrival_makes_no_second()
    {
        await using var host = await StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var area = await Ok(await epi.PostAsJsonAsync("/api/returnees/risk-areas", new { province = "吉林省", city = "长春市", county = "宽城区", name = "团山街道", level = "High", from = "2026-11-10" }));
        var areaId = area.GetProperty("id").GetInt64();
        Assert.True(area.GetProperty("countyHasOutbreak").GetBoolean());
        var admin = await host.LoginAsync("admin");
        await Ok(await admin.PostAsJsonAsync("/api/quarantine/sites", new { name = "龙山宾馆", districtCode = "220402", rooms = new[] { new { number = "301", beds = 1 }, new { number = "302", beds = 2 } } }));

        // The grid worker registers someone the platform does not know yet, staying in the grid's household.
        var grid = await host.LoginAsync("grid");
        var idNumber = ResidentIdNumber.Compose("220402", new DateOnly(1995, 2, 3), 11);
        var body = new
        {
            idempotencyKey = "return-grid-0001",
            documentNumber = idNumber,
            name = "孙新民",
            phone = "13900000009",
            householdId = Scenario.HouseholdId,
            riskAreaId = areaId,
            leftOn = "2026-11-19",
            travel = "Car",
            travelNumber = "吉A12345",
        };

        // Bad input first: each names its field, and nothing is written.
        async Task Refused(object b, HttpStatusCode status, string field)
        {
            var answer = await grid.PostAsJsonAsync("/api/returnees", b);
            Assert.True(status == answer.StatusCode, $"{field}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            Assert.Equal([field], (await answer.JsonAsync()).ProblemFields());
        }
        await Refused(new { body.idempotencyKey, body.documentNumber, body.name, body.householdId, body.riskAreaId, body.travel }, HttpStatusCode.BadRequest, "leftOn");
        await Refused(new { body.idempotencyKey, body.documentNumber, body.name, body.householdId, body.riskAreaId, body.leftOn, body.travel, arrivedOn = "2026-12-30" }, HttpStatusCode.BadRequest, "arrivedOn");
        await Refused(new { body.idempotencyKey, body.documentNumber, body.name, body.householdId, riskAreaId = 999, body.leftOn, body.travel }, HttpStatusCode.NotFound, "riskAreaId");
        await Refused(new { body.idempotencyKey, body.documentNumber, body.name, body.riskAreaId, body.leftOn, body.travel }, HttpStatusCode.BadRequest, "householdId");
        await Refused(new { body.idempotencyKey, documentNumber = "22040219950203123", body.name, body.householdId, body.riskAreaId, body.leftOn, body.travel }, HttpStatusCode.BadRequest, "documentNumber");
        await Refused(new { body.idempotencyKey, body.documentNumber, body.name, body.householdId, body.riskAreaId, body.leftOn, body.travel, travelNumber = new string('9', 30) }, HttpStatusCode.BadRequest, "travelNumber");
        await using (var db = host.Db())
        {
            Assert.False(await db.Returnees.AnyAsync());
            Assert.False(await db.Persons.AnyAsync(p => p.DocumentNumber == idNumber));
        }

        var r = await Ok(await grid.PostAsJsonAsync("/api/returnees", body));
        var id = r.GetProperty("id").GetInt64();
        Assert.Equal(("CentralizedIsolation", "High", "Centralized", "龙山宾馆", "301"), (r.GetProperty("measure").GetString(), r.GetProperty("level").GetString(),
            r.GetProperty("place").GetString(), r.GetProperty("site").GetString(), r.GetProperty("room").GetString()));
        // Left yesterday: 13 of the three-zone preset's 14 days remain.
        Assert.Equal((13, "2026-12-02"), (r.GetProperty("days").GetInt32(), r.GetProperty("endsOn").GetString()));
        Assert.StartsWith("Q2026-", r.GetProperty("stay").GetString());
        Assert.Equal("孙*民", r.GetProperty("name").GetString());

        // The code turns yellow at once through Codes' rules (ADR 0042), the registration its evidence.
        var personId = r.GetProperty("personId").GetInt64();
        await using (var db = host.Db())
        {
            var code = await db.HealthCodes.SingleAsync(h => h.PersonId == personId);
            Assert.Equal((Fangkong.Domain.Codes.CodeColour.Yellow, "returnee-under-measure"), (code.Colour, code.Rule));
            Assert.Equal($"returnee:{id}", (await db.HealthCodeChanges.SingleAsync(c => c.PersonId == personId)).Evidence);
        }

        // The road checkpoint registers the same arrival through the one Core method: the same registration answers.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await using var db = host.Db();
            var registry = scope.ServiceProvider.GetRequiredService<ReturneeRegistry>();
            var again = await registry.RegisterAsync(db, new ReturneeRegistration(personId, null, areaId, null, new DateOnly(2026, 11, 19), null, TravelMode.Car, "吉A12345",
                ReturneeSource.Checkpoint, 77), CancellationToken.None);
            Assert.Equal(id, again.Id);
        }
        await using (var db = host.Db())
        {
            var stay = await db.QuarantineStays.SingleAsync();
            Assert.Equal((ContactRole.Returnee, 0L, (long?)id, QuarantinePlace.Centralized, QuarantineState.InQuarantine), (stay.Role, stay.CaseId, stay.ReturneeId, stay.Place, stay.State));
            Assert.Equal(1, await db.QuarantineTransfers.CountAsync(t => t.StayId == stay.Id));
            Assert.Equal(r.GetProperty("tests").GetArrayLength(), await db.ResampleTasks.CountAsync(t => t.StayId == stay.Id));
            Assert.Equal(1, await db.Returnees.CountAsync());
        }

        // The worker sees them today and records the follow-up; a day later with no check-in yesterday they are overdue.
        var today = (await Ok(await grid.GetAsync("/api/returnees/follow-up")))[0];
        Assert.Equal((id, false), (today.GetProperty("id").GetInt64(), today.GetProperty("followedUpToday").GetBoolean()));
        Assert.False((await Ok(await grid.PostAsJsonAsync($"/api/returnees/{id}/follow-up", new { reached = true, note = "已电话联系，无不适" }))).GetProperty("replaced").GetBoolean());
        Assert.True((await Ok(await grid.PostAsJsonAsync($"/api/returnees/{id}/follow-up", new { reached = true, symptoms = false }))).GetProperty("replaced").GetBoolean());
        Assert.Equal(0, (await Ok(await grid.GetAsync("/api/returnees?overdue=true"))).GetProperty("count").GetInt32());
        host.Time.Advance(TimeSpan.FromDays(1));
        grid = await host.LoginAsync("grid");
        var overdue = await Ok(await grid.GetAsync("/api/returnees?overdue=true"));
        Assert.Equal(id, overdue.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdueCheckIn").GetBoolean());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdueTest").GetBoolean());

        // Another district's officer sees none of it.
        var epiY = await host.LoginAsync("epi-y");
        Assert.Equal(HttpStatusCode.NotFound, (await epiY.GetAsync($"/api/returnees/{id}")).StatusCode);

        // Every returnee figure on the dashboard equals its list.
        epi = await host.LoginAsync("epi");
        var figures = (await Ok(await epi.GetAsync("/api/dashboard?fresh=true"))).GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("key").GetString()!.StartsWith("returnees.", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, figures.Single(f => f.GetProperty("key").GetString() == "returnees.overdue").GetProperty("value").GetInt32());
        Assert.Equal(1, figures.Single(f => f.GetProperty("key").GetString() == "returnees.origin.High").GetProperty("value").GetInt32());
        Assert.True(await DashboardChecks.FiguresMatchListsAsync(epi, figures) >= 15);
    }

    [Fact]
    public async Task A_returnee_from_a_medium_risk_area_observes_at_home_and_checks_in_from_the_phone()
    {
        await using var host = await StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var area = await Ok(await epi.PostAsJsonAsync("/api/returnees/risk-areas", new { province = "吉林省", city = "吉林市", county = "船营区", name = "北京路街道", level = "Medium", from = "2026-11-12" }));
        var resident = await host.LoginAsync("resident");
        var r = await Ok(await resident.PostAsJsonAsync("/api/returnees/me", new { idempotencyKey = "return-alice-0002", riskAreaId = area.GetProperty("id").GetInt64(), leftOn = "2026-11-18", travel = "Bus", checkpointId = 5 }));
        Assert.Equal(("HomeObservation", "Home", 12), (r.GetProperty("measure").GetString(), r.GetProperty("place").GetString(), r.GetProperty("days").GetInt32()));
        Assert.Equal(5, r.GetProperty("checkpointId").GetInt64());
        var id = r.GetProperty("id").GetInt64();
        Assert.False((await Ok(await resident.PostAsJsonAsync($"/api/returnees/me/{id}/check-in", new { temperature = 36.6 }))).GetProperty("replaced").GetBoolean());
        var bad = await resident.PostAsJsonAsync($"/api/returnees/me/{id}/check-in", new { temperature = 48 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["temperature"], (await bad.JsonAsync()).ProblemFields());
        var mine = (await Ok(await resident.GetAsync("/api/returnees/me")))[0];
        Assert.True(mine.GetProperty("checkedInToday").GetBoolean());
        // Her code is yellow while she observes at home, and says why and until when (ADR 0042).
        var code = await Ok(await resident.GetAsync("/api/codes/me"));
        Assert.Equal("Yellow", code.GetProperty("colour").GetString());
        Assert.Contains("居家健康监测至" + r.GetProperty("endsOn").GetString(), code.GetRawText());
        // Under home observation the days are not over: the review keeps her.
        var grid = await host.LoginAsync("grid");
        Assert.Equal(0, (await Ok(await grid.PostAsJsonAsync("/api/returnees/review", new { ids = new[] { id } }))).GetProperty("released").GetInt32());

        // Every test day negative and the days over: released by the rule, green again, the release its explanation.
        await using (var db = host.Db())
        {
            var n = 0;
            foreach (var day in r.GetProperty("tests").EnumerateArray().Select(t => DateOnly.Parse(t.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
                db.TestResults.Add(new TestResult { Id = 990100 + n++, PersonId = host.Scenario.Alice.Id, SampledAtUtc = day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), ResultAtUtc = day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Outcome = TestOutcome.Negative, Source = "test" });
            await db.SaveChangesAsync();
        }
        host.Time.Advance(TimeSpan.FromDays(13));
        grid = await host.LoginAsync("grid");
        Assert.Equal(1, (await Ok(await grid.PostAsJsonAsync("/api/returnees/review", new { ids = new[] { id } }))).GetProperty("released").GetInt32());
        await using (var db = host.Db())
        {
            var state = await db.HealthCodes.SingleAsync(h => h.PersonId == host.Scenario.Alice.Id);
            Assert.Equal((Fangkong.Domain.Codes.CodeColour.Green, "returnee-released"), (state.Colour, state.Rule));
        }
    }
}
