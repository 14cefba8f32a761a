using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class CaseCourseBedTestsSqlite() : CaseCourseBedTests(StorageProvider.Sqlite);
public sealed class CaseCourseBedTestsPostgres() : CaseCourseBedTests(StorageProvider.Postgres);

/// <summary>
/// A case's course ended on its case page (PATCH) gives its hospital bed up in the same save; the course page's preview
/// says so beforehand and writes nothing; times outside what the case allows are refused naming the field.
/// </summary>
public abstract class CaseCourseBedTests(StorageProvider provider)
{
    private static readonly DateTime Sampled = new(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Discharged_died_or_excluded_cases_free_their_beds_and_the_preview_tells_it_without_writing()
    {
        await using var host = await CityHost.StartAsync(provider);
        var (common, dying, suspected) = (await AddCaseAsync(host, 0, CaseClass.Common), await AddCaseAsync(host, 1, CaseClass.Severe), await AddCaseAsync(host, 2, CaseClass.Suspected));
        var admin = await host.LoginAsync("admin");
        string district;
        await using (var db = host.Db()) district = await db.Districts.OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var created = await admin.PostAsJsonAsync("/api/hospitals", new { name = "病程测试医院", kind = "Designated", districtCode = district, wards = new[] { new { name = "一病区", beds = 3 } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hospital = (await created.JsonAsync()).GetProperty("id").GetInt64();
        foreach (var id in new[] { common, dying, suspected })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/hospitals/cases/{id}/admit", new { hospitalId = hospital })).StatusCode);
        Assert.Equal(3, await InBedAsync(host));

        // The preview names the bed it frees and what the bulletin will count; it writes nothing.
        var before = await CountsAsync(host);
        var registry = host.Services.GetRequiredService<CaseRegistry>();
        await using (var db = host.Db())
        {
            var discharge = await registry.PreviewAsync(db, common, new CaseUpdate(null, null, null, CaseStatus.Discharged, null, null, null), default);
            Assert.Equal((CaseStatus.InHospital, CaseStatus.Discharged, true, "病程测试医院", "一病区"), (discharge.FromStatus, discharge.ToStatus, discharge.Ends, discharge.BedEnds?.Hospital, discharge.BedEnds?.Ward));
            var exclude = await registry.PreviewAsync(db, suspected, new CaseUpdate(null, null, null, CaseStatus.Excluded, null, null, null), default);
            Assert.True(exclude.Excluded && exclude.Ends && exclude.BedEnds is not null);
            var confirm = await registry.PreviewAsync(db, suspected, new CaseUpdate(CaseClass.Common, null, null, null, null, null, null), default);
            Assert.True(confirm.SuspectedConfirmed && !confirm.Conversion && !confirm.Ends && confirm.BedEnds is null);
            await Assert.ThrowsAsync<InputException>(() => registry.PreviewAsync(db, suspected, new CaseUpdate(null, null, null, CaseStatus.Discharged, null, null, null), default));
        }
        Assert.Equal(before, await CountsAsync(host));
        Assert.Equal(3, await InBedAsync(host));

        // Ending the course through the API frees the bed in the same save: discharged, died, excluded.
        var epi = await host.LoginAsync("epi");
        host.Time.Advance(TimeSpan.FromHours(3));
        var at = host.Time.GetUtcNow().UtcDateTime.AddHours(-1);
        Assert.Equal(HttpStatusCode.OK, (await epi.PatchAsJsonAsync($"/api/cases/{common}", new { status = "Discharged", statusAtUtc = at })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await epi.PatchAsJsonAsync($"/api/cases/{dying}", new { status = "Died" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await epi.PatchAsJsonAsync($"/api/cases/{suspected}", new { status = "Excluded", note = "两次核酸阴性" })).StatusCode);
        Assert.Equal(0, await InBedAsync(host));
        await using (var db = host.Db())
        {
            var stay = await db.BedStays.SingleAsync(s => s.CaseId == common);
            Assert.Equal((BedStayState.Discharged, at), (stay.State, stay.ToUtc!.Value));
            Assert.Equal(CaseStatus.Excluded, (await db.Cases.SingleAsync(c => c.Id == suspected)).Status);
        }
        // The freed beds are free to the next case.
        var next = await AddCaseAsync(host, 3, CaseClass.Mild);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/hospitals/cases/{next}/admit", new { hospitalId = hospital })).StatusCode);
    }

    [Fact]
    public async Task A_course_time_before_the_case_was_found_or_a_place_outside_its_window_is_refused_naming_the_field()
    {
        await using var host = await CityHost.StartAsync(provider);
        var id = await AddCaseAsync(host, 0, CaseClass.Common);
        long venue;
        await using (var db = host.Db())
        {
            venue = await db.Venues.Select(v => v.Id).FirstAsync();
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            c.IsolatedAtUtc = Sampled.AddHours(2); // isolated 11:00 city time on the 19th
            await db.SaveChangesAsync();
        }
        var before = await CountsAsync(host);
        var epi = await host.LoginAsync("epi");
        foreach (var (url, body, field, says) in new (string, object, string, string)[]
        {
            ($"/api/cases/{id}", new { status = "Discharged", statusAtUtc = Sampled.AddDays(-1) }, "statusAtUtc", "首次阳性"),
            // Onset 18 November, edition 9: the window opens 14 November 00:00 city time.
            ($"/api/cases/{id}/places", new { place = "朋友家", from = "2026-11-13T10:00:00", to = "2026-11-13T11:00:00" }, "from", "2026-11-14 00:00"),
            ($"/api/cases/{id}/places", new { place = "朋友家", from = "2026-11-19T12:00:00", to = "2026-11-19T13:00:00" }, "from", "2026-11-19 11:00"),
            ($"/api/cases/{id}/risk-windows", new { venueId = venue, from = "2026-11-13T10:00:00", to = "2026-11-13T11:00:00" }, "from", "暴露窗口"),
        })
        {
            var r = url.EndsWith($"{id}", StringComparison.Ordinal) ? await epi.PatchAsJsonAsync(url, body) : await epi.PostAsJsonAsync(url, body);
            var text = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url}: {r.StatusCode} {text}");
            Assert.Equal([field], (await r.JsonAsync()).ProblemFields());
            Assert.Contains(says, text);
        }
        Assert.Equal(before, await CountsAsync(host));
        await using var after = host.Db();
        Assert.Equal(0, await after.InvestigationPlaces.CountAsync() + await after.RiskWindows.CountAsync());
    }

    private static async Task<int> InBedAsync(CityHost host)
    {
        await using var db = host.Db();
        return await db.BedStays.CountAsync(s => s.State == BedStayState.InBed);
    }

    private static async Task<(int, int, int)> CountsAsync(CityHost host)
    {
        await using var db = host.Db();
        return (await db.BedStays.CountAsync(s => s.State == BedStayState.InBed), await db.CaseEvents.CountAsync(), await db.Cases.CountAsync(c => c.Status == CaseStatus.Reported || c.Status == CaseStatus.InHospital));
    }

    private static async Task<long> AddCaseAsync(CityHost host, int skip, CaseClass cls)
    {
        await using var db = host.Db();
        var person = await db.Persons.OrderBy(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync();
        var c = new CaseRecord
        {
            Id = 890_000_000 + person,
            PersonId = person,
            FoundBy = CaseFoundBy.FeverClinic,
            FirstPositiveSampledAtUtc = Sampled,
            ReportedAtUtc = Sampled.AddHours(1),
            Class = cls,
            OnsetDate = cls == CaseClass.Asymptomatic ? null : new DateOnly(2026, 11, 18),
            SuspectedAtUtc = cls == CaseClass.Suspected ? Sampled.AddHours(1) : null,
            Edition = PolicyEdition.Edition9,
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }
}
