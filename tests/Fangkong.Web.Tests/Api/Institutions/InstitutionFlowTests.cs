using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Institutions;

public sealed class InstitutionFlowTestsSqlite() : InstitutionFlowTests(StorageProvider.Sqlite);
public sealed class InstitutionFlowTestsPostgres() : InstitutionFlowTests(StorageProvider.Postgres);

/// <summary>
/// Institutions over HTTP (issue 23): a school's list and its 1,000 students imported (a bad row refused by line with
/// nothing written); a class teacher's 50 temperatures in one submission with one fever → a fever-clinic referral and the
/// class as the contact list, an out-of-province return registered as a returnee, the retry answering the same report;
/// a nursing home that has not reported by the deadline → on the district's missing list, the overview's figures equal
/// their lists; closed management with a closed-loop shift and its tests; bad input names its field and writes nothing.
/// </summary>
public abstract class InstitutionFlowTests(StorageProvider provider)
{
    // The host's clock: 2026-11-20 02:00 UTC, 10:00 in the city — the reporting deadline.
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>Students in the registry (ids 90000+), living in the scenario's district.</summary>
    private static async Task<List<Person>> AddPersonsAsync(ApiHost host, int n)
    {
        var list = Enumerable.Range(0, n).Select(i => new Person
        {
            Id = 90_000 + i,
            DocumentType = DocumentType.ResidentIdCard,
            DocumentNumber = ResidentIdNumber.Compose("220402", new DateOnly(2008, 1, 1).AddDays(i), 100 + i % 800),
            Name = $"学生{i:0000}",
            Token = $"tokstudent{i:00000}xxxxxxxxxxxx",
            DistrictCode = "220402",
            CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }).ToList();
        await using var db = host.Db();
        db.Persons.AddRange(list);
        await db.SaveChangesAsync();
        return list;
    }

    private static async Task<long> RegisterAsync(HttpClient admin, string name, string kind)
    {
        var v = await Ok(await admin.PostAsJsonAsync("/api/institutions", new { name, kind, districtCode = "220402", responsibleName = "王校长", responsiblePhone = "13900000001", preventionPlan = "一校一策：晨午检、因病缺勤追踪。" }));
        return v.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_school_imports_its_list_and_a_thousand_students_a_bad_row_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");

        // The list: a bad row (unknown kind) refuses the whole file, by line; fixed, it imports, and again adds nothing.
        var bad = await admin.PostAsync("/api/institutions/import", Csv("名称,类型,区县,负责人,学生\n辽源市实验中学,学校,龙山区,王校长,4400\n辽源市第五中学,工厂,龙山区,李校长,1200\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problems = (await bad.JsonAsync()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Single(problems);
        Assert.Equal(3, problems[0].GetProperty("line").GetInt32());
        Assert.Equal("kind", problems[0].GetProperty("field").GetString());
        await using (var db = host.Db()) Assert.Equal(0, await db.Institutions.CountAsync());
        var list = "名称,类型,区县,负责人,学生\n辽源市实验中学,学校,龙山区,王校长,4400\n辽源市第五中学,School,220402,李校长,1200\n";
        var ok = await Ok(await admin.PostAsync("/api/institutions/import", Csv(list)));
        Assert.Equal(2, ok.GetProperty("created").GetInt32());
        Assert.Equal(2, (await Ok(await admin.PostAsync("/api/institutions/import", Csv(list)))).GetProperty("alreadyThere").GetInt32());
        long school;
        await using (var db = host.Db()) school = await db.Institutions.Where(i => i.Name == "辽源市实验中学").Select(i => i.Id).SingleAsync();

        // 1,000 students: one wrong name refuses the file; the right file writes all of them at once.
        var students = await AddPersonsAsync(host, 1000);
        var rows = new StringBuilder("身份证号,姓名,班级\n");
        foreach (var (p, i) in students.Select((p, i) => (p, i))) rows.Append($"{p.DocumentNumber},{p.Name},初二（{i / 50 + 1}）班\n");
        var wrong = rows.ToString().Replace("学生0500", "学生0501", StringComparison.Ordinal);
        var refused = await admin.PostAsync($"/api/institutions/{school}/members/import", Csv(wrong));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = (await refused.JsonAsync()).GetProperty("problems").EnumerateArray().Single();
        Assert.Equal(502, problem.GetProperty("line").GetInt32());
        Assert.Equal("name", problem.GetProperty("field").GetString());
        await using (var db = host.Db()) Assert.Equal(0, await db.InstitutionMembers.CountAsync());

        var watch = Stopwatch.StartNew();
        var imported = await Ok(await admin.PostAsync($"/api/institutions/{school}/members/import", Csv(rows.ToString())));
        watch.Stop();
        Assert.Equal(1000, imported.GetProperty("created").GetInt32());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"1,000 students took {watch.Elapsed}");
        await using (var db = host.Db())
        {
            Assert.Equal(1000, await db.InstitutionMembers.CountAsync(m => m.InstitutionId == school));
            Assert.Equal(50, await db.InstitutionMembers.CountAsync(m => m.InstitutionId == school && m.Unit == "初二（1）班"));
        }
        Assert.Equal(1000, (await Ok(await admin.PostAsync($"/api/institutions/{school}/members/import", Csv(rows.ToString())))).GetProperty("alreadyThere").GetInt32());
        var view = await Ok(await admin.GetAsync($"/api/institutions/{school}"));
        Assert.Equal(1000, view.GetProperty("members").GetInt32());
        Assert.Equal(20, view.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task A_class_teacher_reports_fifty_temperatures_at_once_a_fever_is_referred_with_its_contact_list()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var school = await RegisterAsync(admin, "辽源市实验中学", "School");
        var home = await RegisterAsync(admin, "龙山区福寿养老院", "NursingHome");
        var students = await AddPersonsAsync(host, 52);
        await using (var db = host.Db())
        {
            await db.Users.Where(u => u.Id == Scenario.SchoolUserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.JurisdictionId, school));
            // Alice studies in the class too and lives in the scenario's household (the returnee's home).
            await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.HouseholdId, Scenario.HouseholdId));
            db.Venues.Add(new Venue { Id = 3, Name = "辽源市中心医院发热门诊", Type = VenueType.Hospital, DistrictCode = "220402", Capacity = 20, AllowsYellow = true });
            await db.SaveChangesAsync();
        }
        var classRows = new StringBuilder("身份证号,姓名,班级\n");
        foreach (var p in students.Take(49)) classRows.Append($"{p.DocumentNumber},{p.Name},初二（3）班\n");
        classRows.Append($"{host.Scenario.Alice.DocumentNumber},{host.Scenario.Alice.Name},初二（3）班\n");
        var teacher = await host.LoginAsync("school");
        await Ok(await teacher.PostAsync($"/api/institutions/{school}/members/import", Csv(classRows.ToString())));
        await Ok(await admin.PostAsync($"/api/institutions/{home}/members/import", Csv($"身份证号,姓名,病区\n{students[50].DocumentNumber},{students[50].Name},一病区\n{students[51].DocumentNumber},{students[51].Name},二病区\n")));

        var roster = await Ok(await teacher.GetAsync($"/api/institutions/{school}/roster?unit={Uri.EscapeDataString("初二（3）班")}"));
        var members = roster.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetInt64()).ToList();
        Assert.Equal(50, members.Count);
        Assert.DoesNotContain(host.Scenario.Alice.Name, roster.GetRawText());
        var feverish = members[7];
        object Report(string key, decimal? bad = null) => new
        {
            idempotencyKey = key,
            unit = "初二（3）班",
            zero = false,
            readings = members.Select(p => new { personId = p, celsius = p == feverish ? 38.2m : p == members[9] && bad is { } b ? b : 36.5m, symptoms = false }).ToArray(),
            returns = new[] { new { personId = host.Scenario.Alice.Id, origin = "北京市朝阳区", leftOn = Today.AddDays(-3), arrivedOn = Today.AddDays(-1), travel = "Train" } },
        };

        // Bad input names its field and writes nothing.
        var implausible = await teacher.PostAsJsonAsync($"/api/institutions/{school}/reports", Report("teacher-report-0", 48.0m));
        Assert.Equal(HttpStatusCode.BadRequest, implausible.StatusCode);
        Assert.Contains("celsius", await implausible.Content.ReadAsStringAsync());
        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.InstitutionReports.CountAsync());
            Assert.Equal(0, await db.Returnees.CountAsync());
        }
        // Another institution is not the teacher's: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/institutions/{home}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostAsJsonAsync($"/api/institutions/{home}/reports", new { idempotencyKey = "teacher-report-x", unit = "一病区", zero = true })).StatusCode);

        var outcome = await Ok(await teacher.PostAsJsonAsync($"/api/institutions/{school}/reports", Report("teacher-report-1")));
        Assert.Equal(50, outcome.GetProperty("readings").GetInt32());
        Assert.Equal(1, outcome.GetProperty("fevers").GetInt32());
        var referral = outcome.GetProperty("referrals").EnumerateArray().Single();
        Assert.Equal(feverish, referral.GetProperty("personId").GetInt64());
        Assert.Equal(3, referral.GetProperty("clinicVenueId").GetInt64());
        Assert.Equal(49, referral.GetProperty("contacts").GetInt32());
        Assert.Single(outcome.GetProperty("returneeIds").EnumerateArray());
        // The retry answers with the same report and writes nothing more.
        var again = await Ok(await teacher.PostAsJsonAsync($"/api/institutions/{school}/reports", Report("teacher-report-1")));
        Assert.Equal(outcome.GetProperty("reportId").GetInt64(), again.GetProperty("reportId").GetInt64());
        await using (var db = host.Db())
        {
            Assert.Equal(50, await db.MemberReadings.CountAsync());
            Assert.Equal(1, await db.FeverReferrals.CountAsync());
            var returnee = await db.Returnees.SingleAsync();
            Assert.Equal(host.Scenario.Alice.Id, returnee.PersonId);
        }

        // The epidemiologist opens the contact list: the class's other 49, masked.
        var epi = await host.LoginAsync("epi");
        var fevers = await Ok(await epi.GetAsync("/api/institutions/fevers"));
        var referralId = fevers.EnumerateArray().Single().GetProperty("id").GetInt64();
        var contacts = await Ok(await epi.GetAsync($"/api/institutions/referrals/{referralId}/contacts"));
        Assert.Equal(49, contacts.GetProperty("contacts").GetArrayLength());
        Assert.DoesNotContain(contacts.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("personId").GetInt64() == feverish);
        Assert.DoesNotContain(students[0].DocumentNumber, contacts.GetRawText());

        // 10:00 has come: the home's two wards have not reported — the district's alert lists both, the overview counts it.
        var missing = (await Ok(await epi.GetAsync("/api/institutions/missing"))).EnumerateArray().ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, m => Assert.Equal(home, m.GetProperty("institutionId").GetInt64()));
        var overview = await Ok(await epi.GetAsync("/api/institutions/overview"));
        Assert.Equal(2, overview.GetProperty("institutions").GetInt32());
        Assert.Equal(1, overview.GetProperty("reporting").GetInt32());
        Assert.Equal(1, overview.GetProperty("missing").GetInt32());
        Assert.Equal(50m, overview.GetProperty("rate").GetDecimal());
        Assert.Equal(1, overview.GetProperty("fevers").GetInt32());
        // Each figure is the count of its list.
        Assert.Equal(1, (await Ok(await epi.GetAsync("/api/institutions?missing=true"))).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await Ok(await epi.GetAsync("/api/institutions?missing=false"))).GetProperty("items").GetArrayLength());
        Assert.Equal(overview.GetProperty("fevers").GetInt32(), fevers.GetArrayLength());

        // A zero report for each ward clears the alert.
        foreach (var (ward, n) in new[] { ("一病区", 1), ("二病区", 2) })
            await Ok(await admin.PostAsJsonAsync($"/api/institutions/{home}/reports", new { idempotencyKey = $"home-zero-{n}", unit = ward, zero = true }));
        Assert.Empty((await Ok(await epi.GetAsync("/api/institutions/missing"))).EnumerateArray());
        Assert.Equal(100m, (await Ok(await epi.GetAsync("/api/institutions/overview"))).GetProperty("rate").GetDecimal());
        var csv = await epi.GetStringAsync("/api/institutions/export.csv");
        Assert.Contains("龙山区福寿养老院", csv);
    }

    [Fact]
    public async Task A_nursing_home_in_closed_management_keeps_staff_in_closed_loop_shifts_with_their_tests()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var school = await RegisterAsync(admin, "辽源市实验中学", "School");
        var home = await RegisterAsync(admin, "龙山区福寿养老院", "NursingHome");
        var staff = await AddPersonsAsync(host, 2);
        await Ok(await admin.PostAsync($"/api/institutions/{home}/members/import", Csv($"身份证号,姓名,部门,类别\n{staff[0].DocumentNumber},{staff[0].Name},护理部,职工\n{staff[1].DocumentNumber},{staff[1].Name},一病区,入住人员\n")));

        // A school does not close; a shift before closing is refused, naming the field.
        var refused = await admin.PostAsJsonAsync($"/api/institutions/{school}/closure", new { closed = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("closed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/institutions/{home}/shifts", new { personId = staff[0].Id })).StatusCode);

        var closed = await Ok(await admin.PostAsJsonAsync($"/api/institutions/{home}/closure", new { closed = true, since = Today.AddDays(-3), shiftDays = 7 }));
        Assert.True(closed.GetProperty("closed").GetBoolean());
        Assert.False(closed.GetProperty("visitorsAllowed").GetBoolean());
        // Only staff go on a shift; a resident of the home is refused.
        var resident = await admin.PostAsJsonAsync($"/api/institutions/{home}/shifts", new { personId = staff[1].Id, startsOn = Today.AddDays(-2) });
        Assert.Equal(HttpStatusCode.BadRequest, resident.StatusCode);
        Assert.Contains("personId", await resident.Content.ReadAsStringAsync());

        var shift = await Ok(await admin.PostAsJsonAsync($"/api/institutions/{home}/shifts", new { personId = staff[0].Id, startsOn = Today.AddDays(-2) }));
        Assert.Equal("TestOwed", shift.GetProperty("state").GetString());
        Assert.Equal(3, shift.GetProperty("testsOwed").GetArrayLength());
        Assert.Equal(Today.AddDays(4), DateOnly.Parse(shift.GetProperty("lastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var id = shift.GetProperty("id").GetInt64();
        foreach (var d in new[] { -2, -1, 0 })
            shift = await Ok(await admin.PostAsJsonAsync($"/api/institutions/{home}/shifts/{id}/tests", new { day = Today.AddDays(d), antigen = d == 0, positive = false }));
        Assert.Equal("OnShift", shift.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/institutions/{home}/shifts/{id}/tests", new { day = Today.AddDays(1) })).StatusCode);

        var overview = await Ok(await admin.GetAsync("/api/institutions/overview"));
        Assert.Equal(1, overview.GetProperty("closed").GetInt32());
        Assert.Equal(1, (await Ok(await admin.GetAsync("/api/institutions?closed=true"))).GetProperty("items").GetArrayLength());
    }
}
