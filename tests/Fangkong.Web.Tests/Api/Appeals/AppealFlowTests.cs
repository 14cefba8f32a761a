using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Appeals;

public sealed class AppealFlowTestsSqlite() : AppealFlowTests(StorageProvider.Sqlite);
public sealed class AppealFlowTestsPostgres() : AppealFlowTests(StorageProvider.Postgres);

/// <summary>A resident appeals a colour with evidence; it is routed, answered, and a change needs two officers. Employers' bulk unlocks.</summary>
public abstract class AppealFlowTests(StorageProvider provider)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];
    private static readonly byte[] BigJpeg = [0xFF, 0xD8, 0xFF, .. new byte[2 * 1024 * 1024]];
    private static readonly byte[] Pdf = "%PDF-1.4\n%test\n"u8.ToArray();

    private static object Appeal(string key, string reason, params (string Name, byte[] Bytes)[] files) =>
        new { idempotencyKey = key, reason, files = files.Select(f => new { name = f.Name, content = Convert.ToBase64String(f.Bytes) }).ToArray() };

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    // Alice lives in the scenario's one household (福镇社区, 龙山区 220402).
    private static async Task<ApiHost> StartAsync(StorageProvider provider)
    {
        var host = await ApiHost.StartAsync(provider);
        await using var db = host.Db();
        await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HouseholdId, (long?)Scenario.HouseholdId));
        return host;
    }

    [Fact]
    public async Task A_fever_appeal_goes_to_the_districts_testing_office_is_upheld_by_one_officer_approved_by_another_and_the_code_turns_green_explained_by_it()
    {
        await using var host = await StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        Assert.Equal(HttpStatusCode.OK, (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 38.6m)).StatusCode);
        var resident = await host.LoginAsync("resident");
        Assert.Equal("Yellow", (await Ok(await resident.GetAsync("/api/codes/me"))).GetProperty("colour").GetString());

        var submitted = await resident.PostAsJsonAsync("/api/appeals/me", Appeal("appeal-key-0001", "体温计故障，复测36.5℃", ("复测.png", Png), ("证明.pdf", Pdf)));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var appeal = await submitted.JsonAsync();
        var id = appeal.GetProperty("id").GetInt64();
        var number = appeal.GetProperty("number").GetString()!;
        Assert.StartsWith("A", number);
        Assert.Equal("Testing", appeal.GetProperty("office").GetString());
        Assert.Equal("220402", appeal.GetProperty("districtCode").GetString());
        Assert.Equal("fever-at-gate-until-negative-test", appeal.GetProperty("rule").GetString());
        Assert.Equal(2, appeal.GetProperty("files").GetArrayLength());
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddHours(24), appeal.GetProperty("dueAtUtc").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        // The same key again is the same appeal; another one against the same colour change is refused.
        var again = await Ok(await resident.PostAsJsonAsync("/api/appeals/me", Appeal("appeal-key-0001", "体温计故障，复测36.5℃", ("复测.png", Png))));
        Assert.Equal(id, again.GetProperty("id").GetInt64());
        var reused = await resident.PostAsJsonAsync("/api/appeals/me", Appeal("appeal-key-0001", "换了一个理由再提交"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(["idempotencyKey"], (await reused.JsonAsync()).ProblemFields());
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync("/api/appeals/me", Appeal("appeal-key-0002", "再次申诉，请尽快处理"))).StatusCode);

        // The queue lists it; opening it shows the facts and history, and the read is audited.
        var admin = await host.LoginAsync("admin");
        var queue = await Ok(await admin.GetAsync($"/api/appeals?q={number}"));
        Assert.Equal(id, queue.GetProperty("items")[0].GetProperty("id").GetInt64());
        var detail = await Ok(await admin.GetAsync($"/api/appeals/{id}"));
        Assert.Contains(detail.GetProperty("facts").EnumerateArray(), f => f.GetProperty("kind").GetString() == "FeverAtGate");
        Assert.NotEqual(0, detail.GetProperty("history").GetArrayLength());
        Assert.DoesNotContain(host.Scenario.Alice.DocumentNumber, detail.GetRawText());
        await using (var db = host.Db())
            Assert.True(await db.TraceAccesses.AnyAsync(a => a.Kind == "appeal" && a.PersonId == host.Scenario.Alice.Id && a.UserName == "admin"));
        var file = await admin.GetAsync($"/api/appeals/{id}/files/{appeal.GetProperty("files")[1].GetProperty("id").GetInt64()}");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());

        var upheld = await Ok(await admin.PostAsJsonAsync($"/api/appeals/{id}/uphold", new { reason = "复测体温正常，监控显示设备故障" }));
        Assert.Equal("UpheldAwaitingApproval", upheld.GetProperty("state").GetString());
        Assert.Equal("Yellow", (await Ok(await resident.GetAsync("/api/codes/me"))).GetProperty("colour").GetString());
        // The officer who upheld it cannot approve it.
        var own = await admin.PostAsJsonAsync($"/api/appeals/{id}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);

        var admin2 = await host.LoginAsync("admin2");
        var approved = await Ok(await admin2.PostAsJsonAsync($"/api/appeals/{id}/decision", new { approve = true }));
        Assert.Equal("Upheld", approved.GetProperty("state").GetString());
        var code = await Ok(await resident.GetAsync("/api/codes/me"));
        Assert.Equal("Green", code.GetProperty("colour").GetString());
        Assert.Contains(number, code.GetProperty("explanation").GetString());
        var mine = await Ok(await resident.GetAsync("/api/appeals/me"));
        Assert.Equal("Upheld", mine[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_case_appeal_goes_to_the_tracing_team_and_a_refusal_reaches_the_resident_with_its_reason()
    {
        await using var host = await StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var reported = await epi.PostAsJsonAsync("/api/cases", new { personId = host.Scenario.Alice.Id, firstPositiveSampledAtUtc = host.Time.GetUtcNow().UtcDateTime.AddHours(-6), @class = "Common", foundBy = "FeverClinic" });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        var resident = await host.LoginAsync("resident");
        var appeal = await Ok(await resident.PostAsJsonAsync("/api/appeals/me", Appeal("appeal-key-0003", "我没有去过任何风险场所")));
        Assert.Equal("Tracing", appeal.GetProperty("office").GetString());
        Assert.Equal("220402", appeal.GetProperty("districtCode").GetString());
        var id = appeal.GetProperty("id").GetInt64();

        var refused = await Ok(await epi.PostAsJsonAsync($"/api/appeals/{id}/refuse", new { reason = "单管复核阳性，维持红码" }));
        Assert.Equal("Refused", refused.GetProperty("state").GetString());
        // Refused once, it cannot be upheld behind the resident's back.
        Assert.Equal(HttpStatusCode.Conflict, (await epi.PostAsJsonAsync($"/api/appeals/{id}/uphold", new { reason = "改为支持申诉" })).StatusCode);
        var mine = await Ok(await resident.GetAsync("/api/appeals/me"));
        Assert.Equal("Refused", mine[0].GetProperty("state").GetString());
        Assert.Equal("单管复核阳性，维持红码", mine[0].GetProperty("answer").GetString());
        Assert.Equal("Red", (await Ok(await resident.GetAsync("/api/codes/me"))).GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Bad_files_and_reasons_are_refused_naming_the_field_and_nothing_is_written()
    {
        await using var host = await StartAsync(provider);
        var resident = await host.LoginAsync("resident");
        // Green: nothing to appeal.
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync("/api/appeals/me", Appeal("appeal-key-0004", "我要申诉绿码"))).StatusCode);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 38.6m);

        async Task Refused(object body, string field)
        {
            var r = await resident.PostAsJsonAsync("/api/appeals/me", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(field, (await r.JsonAsync()).ProblemFields());
        }
        await Refused(Appeal("appeal-key-0005", "照片伪装的脚本", ("a.png", "<script>alert(1)</script>"u8.ToArray())), "files[0]");
        await Refused(Appeal("appeal-key-0006", "文件太大了", ("a.png", Png), ("b.jpg", BigJpeg)), "files[1]");
        await Refused(Appeal("appeal-key-0007", "文件太多了", [.. Enumerable.Range(0, 6).Select(i => ($"{i}.pdf", Pdf))]), "files");
        await Refused(Appeal("appeal-key-0008", "上传了空文件", ("a.pdf", Array.Empty<byte>())), "files[0]");
        await Refused(Appeal("appeal-key-0009", "无"), "reason");
        await Refused(Appeal("appeal-key-0010", new string('长', 1001)), "reason");
        await Refused(Appeal("short", "没有合格的提交编号"), "idempotencyKey");
        await Refused(new { idempotencyKey = "appeal-key-0011", reason = "不是base64", files = new[] { new { name = "x.png", content = "%%%not base64%%%" } } }, "files[0]");
        await using var db = host.Db();
        Assert.Equal(0, await db.Appeals.CountAsync());
        Assert.Equal(0, await db.AppealFiles.CountAsync());
    }

    [Fact]
    public async Task A_bulk_unlock_needs_two_officers_unlocks_each_person_explained_by_its_number_and_refuses_a_case_individually()
    {
        await using var host = await StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Bob.DocumentNumber, 38.6m);
        var epi = await host.LoginAsync("epi");
        var reported = await epi.PostAsJsonAsync("/api/cases", new { personId = host.Scenario.Carol.Id, firstPositiveSampledAtUtc = host.Time.GetUtcNow().UtcDateTime.AddHours(-6), @class = "Common", foundBy = "FeverClinic" });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());

        var manager = await host.LoginAsync("manager");
        var bad = await manager.PostAsJsonAsync("/api/appeals/bulk", new { reason = "复工复产", text = $"身份证号,姓名\n{host.Scenario.Bob.DocumentNumber},李华\n220402198505121239\n{host.Scenario.Bob.DocumentNumber}" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("第3行", problem);
        Assert.Contains("第4行", problem);
        await using (var db = host.Db()) Assert.Equal(0, await db.BulkUnlocks.CountAsync());

        var created = await Ok(await manager.PostAsJsonAsync("/api/appeals/bulk", new { reason = "复工复产，员工均已三次核酸阴性", text = $"{host.Scenario.Bob.DocumentNumber}\n{host.Scenario.Carol.DocumentNumber}\n" }));
        var id = created.GetProperty("id").GetInt64();
        var number = created.GetProperty("number").GetString()!;
        Assert.StartsWith("U", number);
        Assert.Equal("辽源市政务服务中心", created.GetProperty("employer").GetString());
        // Approving needs a forward first, and the officer who forwards it cannot approve it.
        var admin = await host.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/appeals/bulk/{id}/decision", new { approve = true })).StatusCode);
        var requested = await Ok(await admin.PostAsync($"/api/appeals/bulk/{id}/request", null));
        Assert.Equal("Requested", requested.GetProperty("request").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/appeals/bulk/{id}/decision", new { approve = true })).StatusCode);

        var admin2 = await host.LoginAsync("admin2");
        var decided = await Ok(await admin2.PostAsJsonAsync($"/api/appeals/bulk/{id}/decision", new { approve = true }));
        var lines = decided.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("personId").GetInt64());
        Assert.Equal("Unlocked", lines[host.Scenario.Bob.Id].GetProperty("outcome").GetString());
        Assert.Equal("Green", lines[host.Scenario.Bob.Id].GetProperty("colour").GetString());
        Assert.Equal("Refused", lines[host.Scenario.Carol.Id].GetProperty("outcome").GetString());
        Assert.Contains("病例", lines[host.Scenario.Carol.Id].GetProperty("refusal").GetString());
        Assert.Equal("Red", lines[host.Scenario.Carol.Id].GetProperty("colour").GetString());

        var history = await Ok(await admin.GetAsync($"/api/codes/persons/{host.Scenario.Bob.Id}/history"));
        Assert.Equal("Green", history[0].GetProperty("to").GetString());
        Assert.Contains(number, history[0].GetProperty("explanation").GetString());
        // The employer sees their own request and its outcome, masked.
        var seen = await Ok(await manager.GetAsync($"/api/appeals/bulk/{id}"));
        Assert.Equal("Approved", seen.GetProperty("request").GetProperty("state").GetString());
        Assert.DoesNotContain(host.Scenario.Carol.DocumentNumber, seen.GetRawText());
    }
}
