using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Command;

public sealed class BulletinTestsSqlite() : BulletinTests(StorageProvider.Sqlite);
public sealed class BulletinTestsPostgres() : BulletinTests(StorageProvider.Postgres);

/// <summary>A bulletin generated from the store says what the store holds; it is edited, published once, and public once published.</summary>
public abstract class BulletinTests(StorageProvider provider)
{
    private static readonly DateTime Day19 = new(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc); // 10:00 on 19 November, city time

    [Fact]
    public async Task A_draft_counts_the_day_from_the_store_is_edited_published_once_and_then_public()
    {
        await using var host = await CityHost.StartAsync(provider);
        string longshan, xian;
        await using (var db = host.Db())
        {
            var people = await db.Persons.Where(p => p.HouseholdId != null).OrderBy(p => p.Id).Take(400).Select(p => p.Id).ToListAsync();
            var districts = await Fangkong.Core.People.PersonDirectory.DistrictsAsync(db, people, default);
            var byDistrict = people.GroupBy(p => districts[p]).OrderByDescending(g => g.Count()).ToList();
            (longshan, xian) = (byDistrict[0].Key, byDistrict[1].Key);
            var a = byDistrict[0].ToList();
            var b = byDistrict[1].ToList();
            long next = 750_000_000;
            void Case(long person, string district, CaseClass c, DateTime reported, DateTime? converted = null, CaseStatus status = CaseStatus.Reported, DateTime? statusAt = null) =>
                db.Cases.Add(new CaseRecord { Id = next++, PersonId = person, DistrictCode = district, Class = c, FoundBy = CaseFoundBy.PoolResampling, FirstPositiveSampledAtUtc = reported, ReportedAtUtc = reported, ConvertedAtUtc = converted, Status = status, StatusAtUtc = statusAt });
            // 19 November: three mild and one common in the first district, two mild in the second; four asymptomatic in the first;
            // one earlier asymptomatic infection of the first district confirmed (common) that day; one discharged.
            for (var i = 0; i < 3; i++) Case(a[i], longshan, CaseClass.Mild, Day19);
            Case(a[3], longshan, CaseClass.Common, Day19);
            Case(b[0], xian, CaseClass.Mild, Day19);
            Case(b[1], xian, CaseClass.Mild, Day19.AddHours(5));
            for (var i = 4; i < 8; i++) Case(a[i], longshan, CaseClass.Asymptomatic, Day19);
            Case(a[8], longshan, CaseClass.Common, Day19.AddDays(-3), converted: Day19);
            Case(a[9], longshan, CaseClass.Mild, Day19.AddDays(-9), status: CaseStatus.Discharged, statusAt: Day19);
            Case(a[10], longshan, CaseClass.Mild, Day19.AddDays(1)); // the 20th: not in the bulletin
            db.ContactProposals.Add(new ContactProposal { Id = 760_000_001, CaseId = 750_000_000, PersonId = a[20], Grade = ContactGrade.Close, Kind = ContactKind.Household, Status = ProposalStatus.Confirmed, FirstExposureUtc = Day19.AddDays(-1), ProposedAtUtc = Day19, DecidedAtUtc = Day19 });
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        var draft = await epi.PostAsJsonAsync("/api/bulletins", new { day = "2026-11-19", level = "City", area = "220400" });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var b1 = await draft.JsonAsync();
        var text = b1.GetProperty("textZh").GetString()!;
        Assert.StartsWith("11月19日0—24时，辽源市新增本土确诊病例7例（轻型5例、普通型2例），其中龙山区5例、", text);
        Assert.Contains("新增本土无症状感染者4例，均在龙山区。新增确诊病例中，1例为此前报告的无症状感染者转为确诊病例（均在龙山区）。\n11月19日0—24时，辽源市新增治愈出院确诊病例1例，均在龙山区。\n", text);
        Assert.Contains("累计追踪密切接触者1人，尚在医学观察1人。", text);
        Assert.StartsWith("From 0:00 to 24:00 on 19 November 2026, Liaoyuan reported 7 new locally transmitted confirmed cases (5 mild, 2 common)", b1.GetProperty("textEn").GetString());
        // The same figures as counting the store directly.
        await using (var db = host.Db())
        {
            var from = new DateTime(2026, 11, 18, 16, 0, 0, DateTimeKind.Utc);
            var to = from.AddDays(1);
            var newConfirmed = await db.Cases.CountAsync(c => c.Class != CaseClass.Asymptomatic && ((c.ConvertedAtUtc == null && c.ReportedAtUtc >= from && c.ReportedAtUtc < to) || (c.ConvertedAtUtc >= from && c.ConvertedAtUtc < to)));
            Assert.Contains($"新增本土确诊病例{newConfirmed}例", text);
        }

        var id = b1.GetProperty("id").GetInt64();
        var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/bulletins/{id}")).StatusCode);
        var edited = await epi.PatchAsJsonAsync($"/api/bulletins/{id}", new { textZh = text + "请广大市民坚持做好个人防护。" });
        Assert.EndsWith("个人防护。", (await edited.JsonAsync()).GetProperty("textZh").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await epi.PostAsync($"/api/bulletins/{id}/publish", null)).StatusCode);
        var admin = await host.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bulletins/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await epi.PatchAsJsonAsync($"/api/bulletins/{id}", new { textZh = "x" })).StatusCode);
        var second = (await (await epi.PostAsJsonAsync("/api/bulletins", new { day = "2026-11-19", level = "City", area = "220400" })).JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/bulletins/{second}/publish", null)).StatusCode);

        // Published: anyone reads it and downloads text and PDF.
        var published = await (await anonymous.GetAsync("/api/bulletins/published")).JsonAsync();
        Assert.Equal(id, published.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Contains("个人防护", await anonymous.GetStringAsync($"/api/bulletins/{id}.txt"));
        var pdf = await anonymous.GetByteArrayAsync($"/api/bulletins/{id}.pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/bulletins/{second}.pdf")).StatusCode);

        // A district's bulletin names no places; bad requests name the field.
        var district = await (await epi.PostAsJsonAsync("/api/bulletins", new { day = "2026-11-19", level = "District", area = xian })).JsonAsync();
        Assert.Contains("新增本土确诊病例2例（均为轻型）。\n", district.GetProperty("textZh").GetString());
        foreach (var (body, field) in new (object, string)[]
        {
            (new { day = "2026-11-20", level = "City", area = "220400" }, "day"),
            (new { day = "2026-11-19", level = "City", area = "999900" }, "area"),
            (new { day = "2026-11-19", area = "220400" }, "level"),
            (new { level = "City", area = "220400" }, "day"),
        })
        {
            var bad = await epi.PostAsJsonAsync("/api/bulletins", body);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, field);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }
    }
}
