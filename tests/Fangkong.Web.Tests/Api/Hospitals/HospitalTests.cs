using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Hospitals;

public sealed class HospitalTestsSqlite() : HospitalTests(StorageProvider.Sqlite);
public sealed class HospitalTestsPostgres() : HospitalTests(StorageProvider.Postgres);

/// <summary>Cases in designated and Fangcang hospitals: admitted, moved, discharged, driven there in batches and home again.</summary>
public abstract class HospitalTests(StorageProvider provider)
{
    private static readonly DateTime Sampled = new(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_case_admitted_to_a_designated_hospital_moved_to_a_Fangcang_bed_and_discharged_keeps_occupancy_and_its_course_right()
    {
        await using var host = await CityHost.StartAsync(provider);
        var district = await FirstDistrictAsync(host);
        var caseId = (await AddCasesAsync(host, 1, CaseClass.Common))[0];
        var admin = await host.LoginAsync("admin");
        var designated = await CreateAsync(admin, "测试定点医院", HospitalKind.Designated, district, ("一病区", 2), ("二病区", 2));
        var fangcang = await CreateAsync(admin, "测试方舱医院", HospitalKind.Fangcang, district, ("A区", 3));
        Assert.Equal((4, 0, 4), await LoadAsync(admin, designated));

        var admitted = await (await admin.PostAsJsonAsync($"/api/hospitals/cases/{caseId}/admit", new { hospitalId = designated })).OkJsonAsync();
        Assert.Equal("测试定点医院", admitted.GetProperty("current").GetProperty("hospital").GetString());
        Assert.Equal((4, 1, 3), await LoadAsync(admin, designated));
        Assert.Equal((CaseStatus.InHospital, "测试定点医院"), await CourseAsync(host, caseId));

        var beds = await (await admin.GetAsync($"/api/hospitals/{fangcang}?show=Free")).OkJsonAsync();
        var bed = beds.GetProperty("page").GetProperty("items")[2].GetProperty("id").GetInt64();
        var moved = await (await admin.PostAsJsonAsync($"/api/hospitals/cases/{caseId}/move", new { hospitalId = fangcang, bedId = bed })).OkJsonAsync();
        Assert.Equal(bed, moved.GetProperty("current").GetProperty("bedId").GetInt64());
        Assert.Equal(2, moved.GetProperty("history").GetArrayLength());
        Assert.Equal((4, 0, 4), await LoadAsync(admin, designated));
        Assert.Equal((3, 1, 2), await LoadAsync(admin, fangcang));
        Assert.Equal((CaseStatus.InHospital, "测试方舱医院"), await CourseAsync(host, caseId));
        // The dashboard counts cases in beds against beds, by kind: the demo city's Fangcang hospital and this one.
        var fangcangs = (await (await admin.GetAsync("/api/hospitals?kind=Fangcang")).OkJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.True(fangcangs.Count >= 2, "the demo city has a Fangcang hospital of its own");
        var dashboard = (await (await admin.GetAsync("/api/dashboard?fresh=true")).OkJsonAsync()).GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetInt32());
        Assert.Equal((fangcangs.Sum(h => h.GetProperty("beds").GetInt32()), 1, 0), (dashboard["hospitals.Fangcang.beds"], dashboard["hospitals.Fangcang.occupied"], dashboard["hospitals.Designated.occupied"]));
        Assert.Equal(1, dashboard[$"hospitals.hospital.{fangcang}"]);
        var taken = await (await admin.GetAsync($"/api/hospitals/{fangcang}?show=Taken")).OkJsonAsync();
        Assert.Equal(caseId, taken.GetProperty("page").GetProperty("items").EnumerateArray().Single().GetProperty("caseId").GetInt64());

        var discharged = await (await admin.PostAsJsonAsync($"/api/hospitals/cases/{caseId}/discharge", new { })).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, discharged.GetProperty("current").ValueKind);
        Assert.Equal((3, 0, 3), await LoadAsync(admin, fangcang));
        Assert.Equal((CaseStatus.Discharged, "测试方舱医院"), await CourseAsync(host, caseId));
        await using var db = host.Db();
        Assert.NotNull((await db.Cases.SingleAsync(c => c.Id == caseId)).EndedOn);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        await using var host = await CityHost.StartAsync(provider);
        var district = await FirstDistrictAsync(host);
        var ids = await AddCasesAsync(host, 3, CaseClass.Mild);
        var admin = await host.LoginAsync("admin");
        var one = await CreateAsync(admin, "第一医院", HospitalKind.Designated, district, ("一病区", 1));
        var other = await CreateAsync(admin, "第二医院", HospitalKind.Designated, district, ("一病区", 1));
        var otherWard = (await (await admin.GetAsync($"/api/hospitals/{other}")).OkJsonAsync()).GetProperty("wards")[0].GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[0]}/admit", new { hospitalId = one })).EnsureSuccessStatusCode();
        var oneBed = (await (await admin.GetAsync($"/api/hospitals/{one}")).OkJsonAsync()).GetProperty("page").GetProperty("items")[0].GetProperty("id").GetInt64();
        await using (var db = host.Db())
        {
            var closed = await db.Cases.SingleAsync(c => c.Id == ids[2]);
            closed.Status = CaseStatus.Discharged;
            closed.StatusAtUtc = Sampled.AddHours(5);
            await db.SaveChangesAsync();
        }
        var before = await CountsAsync(host);

        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[1]}/admit", new { hospitalId = 999 }), "hospitalId");
        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[1]}/admit", new { hospitalId = one, wardId = otherWard }), "wardId");
        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[1]}/admit", new { hospitalId = one, bedId = oneBed }), "bedId");
        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[1]}/admit", new { hospitalId = one }), "hospitalId");
        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[2]}/admit", new { hospitalId = other }), "caseId");
        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[1]}/discharge", new { }), "caseId");
        await Refused(admin.PostAsJsonAsync($"/api/hospitals/cases/{ids[0]}/discharge", new { atUtc = "2030-01-01T00:00:00Z" }), "atUtc");
        await Refused(admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = new[] { ids[1], ids[1] }, toHospitalId = other }), "caseIds[1]");
        await Refused(admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = new[] { ids[1], ids[2] }, toHospitalId = other }), "caseIds[1]");
        await Refused(admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = new[] { ids[1] }, home = true }), "caseIds[0]");
        await Refused(admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = new[] { ids[1] }, toHospitalId = 999 }), "toHospitalId");
        await Refused(admin.PostAsJsonAsync("/api/hospitals", new { name = "第三医院", kind = "Fangcang", districtCode = district, wards = new[] { new { name = "A", beds = 0 } } }), "wards[0].beds");
        await Refused(admin.PostAsJsonAsync("/api/hospitals", new { name = "第三医院", kind = "Fangcang", districtCode = "999999", wards = new[] { new { name = "A", beds = 1 } } }), "districtCode");
        Assert.Equal(before, await CountsAsync(host));

        // In English when asked.
        using var en = new HttpRequestMessage(HttpMethod.Post, $"/api/hospitals/cases/{ids[1]}/admit") { Content = JsonContent.Create(new { hospitalId = 999 }) };
        en.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("no such hospital", await (await admin.SendAsync(en)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_batch_crosses_districts_and_cities_in_one_action_arrives_into_beds_and_released_people_go_home()
    {
        await using var host = await CityHost.StartAsync(provider);
        await using (var db = host.Db())
        {
            db.Districts.Add(new DistrictRow { Code = "220102", Name = "南关区", EnglishName = "Nanguan", CityCode = "220100" });
            await db.SaveChangesAsync();
        }
        var ids = await AddCasesAsync(host, 60, CaseClass.Mild);
        var admin = await host.LoginAsync("admin");
        var small = await CreateAsync(admin, "小方舱", HospitalKind.Fangcang, "220102", ("A区", 10));
        var fangcang = await CreateAsync(admin, "长春会展中心方舱医院", HospitalKind.Fangcang, "220102", ("A区", 40), ("B区", 30));

        await Refused(admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = ids, toHospitalId = small }), "caseIds");
        var batch = await (await admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = ids, toHospitalId = fangcang, note = "跨市转运" })).JsonAsync();
        var batchId = batch.GetProperty("id").GetInt64();
        Assert.Equal((60, 60, true), (batch.GetProperty("persons").GetInt32(), batch.GetProperty("requested").GetInt32(), batch.GetProperty("crossesCity").GetBoolean()));
        // The free beds are promised: another 20 no longer fit.
        var more = await AddCasesAsync(host, 20, CaseClass.Mild, skip: 60);
        await Refused(admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = more, toHospitalId = fangcang }), "caseIds");

        await Refused(admin.PostAsJsonAsync($"/api/hospitals/transfer-batches/{batchId}/dispatch", new { }), "vehicle");
        var dispatched = await (await admin.PostAsJsonAsync($"/api/hospitals/transfer-batches/{batchId}/dispatch", new { vehicle = "吉D-120 等6辆" })).OkJsonAsync();
        Assert.Equal(60, dispatched.GetProperty("dispatched").GetInt32());
        var arrived = await (await admin.PostAsJsonAsync($"/api/hospitals/transfer-batches/{batchId}/arrive", new { })).OkJsonAsync();
        Assert.Equal(60, arrived.GetProperty("arrived").GetInt32());
        Assert.Equal((70, 60, 10), await LoadAsync(admin, fangcang));
        Assert.Equal((CaseStatus.InHospital, "长春会展中心方舱医院"), await CourseAsync(host, ids[59]));
        var list = await (await admin.GetAsync($"/api/hospitals/transfers?batchId={batchId}&pageSize=100")).OkJsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), t => Assert.True(t.GetProperty("crossesCity").GetBoolean()));

        foreach (var id in ids.Take(2)) (await admin.PostAsJsonAsync($"/api/hospitals/cases/{id}/discharge", new { })).EnsureSuccessStatusCode();
        var home = await (await admin.PostAsJsonAsync("/api/hospitals/transfers", new { caseIds = ids.Take(2), home = true })).JsonAsync();
        Assert.Equal("ReturnHome", home.GetProperty("kind").GetString());
        var trips = await (await admin.GetAsync($"/api/hospitals/transfers?batchId={home.GetProperty("id").GetInt64()}")).OkJsonAsync();
        Assert.All(trips.GetProperty("items").EnumerateArray(), t => Assert.Equal("长春会展中心方舱医院", t.GetProperty("from").GetString()));
        var trip = trips.GetProperty("items")[0].GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync($"/api/hospitals/transfers/{trip}/dispatch", new { vehicle = "吉D-121" })).EnsureSuccessStatusCode();
        var back = await (await admin.PostAsJsonAsync($"/api/hospitals/transfers/{trip}/arrive", new { })).OkJsonAsync();
        Assert.Equal("Arrived", back.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/hospitals/transfers/{trip}/cancel", new { })).StatusCode);
        Assert.Equal((70, 58, 12), await LoadAsync(admin, fangcang));
    }

    private static async Task Refused(Task<HttpResponseMessage> call, string field)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{r.StatusCode}: {body}");
        Assert.Equal([field], (await r.JsonAsync()).ProblemFields());
    }

    private static async Task<long> CreateAsync(HttpClient admin, string name, HospitalKind kind, string district, params (string Name, int Beds)[] wards)
    {
        var r = await admin.PostAsJsonAsync("/api/hospitals", new { name, kind = kind.ToString(), districtCode = district, wards = wards.Select(w => new { name = w.Name, beds = w.Beds }) });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>(beds, occupied, free) as the hospital list shows them.</summary>
    private static async Task<(int, int, int)> LoadAsync(HttpClient client, long hospital)
    {
        var list = await (await client.GetAsync("/api/hospitals?pageSize=100")).OkJsonAsync();
        var h = list.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetInt64() == hospital);
        return (h.GetProperty("beds").GetInt32(), h.GetProperty("occupied").GetInt32(), h.GetProperty("free").GetInt32());
    }

    private static async Task<(CaseStatus, string?)> CourseAsync(CityHost host, long caseId)
    {
        await using var db = host.Db();
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
        return (c.Status, c.TreatedAt);
    }

    private static async Task<(int, int, int, int)> CountsAsync(CityHost host)
    {
        await using var db = host.Db();
        return (await db.BedStays.CountAsync(), await db.CaseEvents.CountAsync(), await db.CaseTransfers.CountAsync(), await db.Hospitals.CountAsync());
    }

    private static async Task<string> FirstDistrictAsync(CityHost host)
    {
        await using var db = host.Db();
        return await db.Districts.OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
    }

    private static async Task<List<long>> AddCasesAsync(CityHost host, int n, CaseClass cls, int skip = 0)
    {
        await using var db = host.Db();
        var persons = await db.Persons.OrderBy(p => p.Id).Skip(skip).Take(n).Select(p => p.Id).ToListAsync();
        var districts = await PersonDirectory.DistrictsAsync(db, persons, CancellationToken.None);
        var ids = new List<long>();
        foreach (var p in persons)
        {
            var c = new CaseRecord
            {
                Id = 880_000_000 + p,
                PersonId = p,
                FoundBy = CaseFoundBy.FeverClinic,
                FirstPositiveSampledAtUtc = Sampled,
                ReportedAtUtc = Sampled.AddHours(3),
                Class = cls,
                OnsetDate = new DateOnly(2026, 11, 18),
                Edition = PolicyEdition.Edition9,
                DistrictCode = districts.GetValueOrDefault(p),
            };
            db.Cases.Add(c);
            ids.Add(c.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}

file static class Answers
{
    /// <summary>The answer's JSON, after checking it is a success (the body in the failure message when not).</summary>
    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }
}
