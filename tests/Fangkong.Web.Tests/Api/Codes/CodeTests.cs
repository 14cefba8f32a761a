using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Fangkong.Core.Codes;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Codes;

public sealed class CodeTestsSqlite() : CodeTests(StorageProvider.Sqlite);
public sealed class CodeTestsPostgres() : CodeTests(StorageProvider.Postgres);

/// <summary>The resident's signed code, its use at the gate, and manual colours with two officers.</summary>
public abstract class CodeTests(StorageProvider provider)
{

    [Fact]
    public async Task The_residents_code_verifies_offline_with_the_published_key_and_admits_at_the_gate()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var resident = await host.LoginAsync("resident");
        var me = await (await resident.GetAsync("/api/codes/me")).JsonAsync();
        Assert.Equal("Green", me.GetProperty("colour").GetString());
        var qr = me.GetProperty("qr").GetString()!;
        Assert.DoesNotContain(host.Scenario.Alice.DocumentNumber, qr);

        // Offline verification: only the published public key, no call to the platform.
        var keys = await (await host.Anonymous().GetAsync("/api/codes/public-keys")).JsonAsync();
        var key = keys[0];
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key.GetProperty("spkiBase64").GetString()!), out _);
        var v = SignedCode.Verify(qr, kid => kid == key.GetProperty("keyId").GetString() ? ecdsa : null, host.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(CodeVerdict.Valid, v.Verdict);
        Assert.Equal(CodeColour.Green, v.Payload!.Colour);

        var gate = await host.LoginAsync("gate");
        var a = await (await gate.CheckInAsync(null, 36.5m, qr: qr)).JsonAsync();
        Assert.Equal("Admit", a.GetProperty("outcome").GetString());
        await using var db = host.Db();
        Assert.Equal(host.Scenario.Alice.Id, (await db.Visits.SingleAsync()).PersonId);
    }

    [Fact]
    public async Task Forged_expired_and_malformed_codes_are_refused_with_a_reason_and_nothing_written()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var resident = await host.LoginAsync("resident");
        var gate = await host.LoginAsync("gate");
        var qr = (await (await resident.GetAsync("/api/codes/me")).JsonAsync()).GetProperty("qr").GetString()!;

        // Forged: a payload re-signed with someone else's key.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parts = qr.Split('.');
        var payload = System.Text.Json.JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).RootElement;
        var forged = SignedCode.Sign(new CodePayload(payload.GetProperty("t").GetString()!, CodeColour.Green,
            host.Time.GetUtcNow().UtcDateTime, host.Time.GetUtcNow().UtcDateTime.AddMinutes(3), payload.GetProperty("kid").GetString()!), forger);
        var r1 = await gate.CheckInAsync(null, 36.5m, qr: forged);
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.Equal(["qr"], (await r1.JsonAsync()).ProblemFields());
        Assert.Contains("疑似伪造", (await r1.Content.ReadAsStringAsync()));
        // The same refusal in the language the caller asks for.
        await gate.ReadInEnglishAsync();
        var english = await gate.CheckInAsync(null, 36.5m, qr: forged);
        Assert.Contains("forged", await english.Content.ReadAsStringAsync());
        Assert.DoesNotContain("伪造", await english.Content.ReadAsStringAsync());

        var r2 = await gate.CheckInAsync(null, 36.5m, qr: "FK1.not-base64!.x");
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);

        host.Time.Advance(TimeSpan.FromMinutes(10));
        var r3 = await gate.CheckInAsync(null, 36.5m, qr: qr);
        Assert.Equal(HttpStatusCode.BadRequest, r3.StatusCode);
        Assert.Contains("expired", await r3.Content.ReadAsStringAsync());

        await using var db = host.Db();
        Assert.Equal(0, await db.GateEvents.CountAsync());
    }

    [Fact]
    public async Task A_manual_colour_needs_a_reason_and_a_second_officer_and_is_explained()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var admin = await host.LoginAsync("admin");
        var admin2 = await host.LoginAsync("admin2");
        var carol = host.Scenario.Carol.Id;

        var noReason = await epi.PostAsJsonAsync("/api/codes/manual", new { personId = carol, colour = "Red", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], (await noReason.JsonAsync()).ProblemFields());

        var created = await (await admin.PostAsJsonAsync("/api/codes/manual", new { personId = carol, colour = "Red", reason = "病例2026-118密切接触者" })).JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        // Still green: a request alone changes nothing.
        await using (var db = host.Db()) Assert.Equal(0, await db.HealthCodes.CountAsync());

        var own = await admin.PostAsJsonAsync($"/api/codes/manual/{id}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);

        var ok = await admin2.PostAsJsonAsync($"/api/codes/manual/{id}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var history = await (await epi.GetAsync($"/api/codes/persons/{carol}/history")).JsonAsync();
        var change = history[0];
        Assert.Equal("Red", change.GetProperty("to").GetString());
        Assert.Equal("manual-approved", change.GetProperty("rule").GetString());
        Assert.Equal($"manual:{id}", change.GetProperty("evidence").GetString());
        // The stored explanation is worded when read, in the reader's language; the officer's reason is data.
        Assert.Equal("人工赋码：病例2026-118密切接触者（申请 admin，审批 admin2）", change.GetProperty("explanation").GetString());
        await epi.ReadInEnglishAsync();
        var english = (await (await epi.GetAsync($"/api/codes/persons/{carol}/history")).JsonAsync())[0];
        Assert.Equal("Manual colour: 病例2026-118密切接触者 (requested by admin, approved by admin2)", english.GetProperty("explanation").GetString());

        var gate = await host.LoginAsync("gate");
        var denied = await (await gate.CheckInAsync(host.Scenario.Carol.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal(["RedCode"], denied.Reasons());

        await admin2.PostAsync($"/api/codes/manual/{id}/revoke", null);
        await using (var db = host.Db()) Assert.Equal(CodeColour.Green, (await db.HealthCodes.SingleAsync()).Colour);
    }

    [Fact]
    public async Task The_residents_history_is_worded_in_the_language_they_read_also_for_changes_explained_before_issue_15()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        Assert.Equal(HttpStatusCode.OK, (await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 38.4m)).StatusCode);
        await using (var db = host.Db())
        {
            // A change as the Issue15 migration left an earlier one: its Chinese and English halves.
            db.HealthCodeChanges.Add(new HealthCodeChange
            {
                Id = 1,
                PersonId = host.Scenario.Alice.Id,
                From = CodeColour.Green,
                To = CodeColour.Yellow,
                AtUtc = host.Time.GetUtcNow().UtcDateTime.AddDays(-3),
                Rule = CodeRules.MissedRoundRule,
                ExplanationKey = "Codes.Why.Earlier",
                ExplanationArgs = ["未参加第1轮，任一采样点采样后转绿", "you missed round 1: green again once sampled at any site"],
                Evidence = "round:1",
                PolicyVersion = "2022.9-fk1",
            });
            await db.SaveChangesAsync();
        }
        var resident = await host.LoginAsync("resident");
        var chinese = await (await resident.GetAsync("/api/codes/me/history")).JsonAsync();
        Assert.Equal(["fever-at-gate-until-negative-test", CodeRules.MissedRoundRule], chinese.EnumerateArray().Select(c => c.GetProperty("rule").GetString()));
        Assert.Equal("辽源市政务服务中心测得体温38.4℃，核酸检测阴性后转绿", chinese[0].GetProperty("explanation").GetString());
        Assert.Equal("未参加第1轮，任一采样点采样后转绿", chinese[1].GetProperty("explanation").GetString());
        var code = await (await resident.GetAsync("/api/codes/me")).JsonAsync();
        Assert.Equal(chinese[0].GetProperty("explanation").GetString(), code.GetProperty("explanation").GetString());
        Assert.Equal("拨打12345热线", code.GetProperty("appeal")[2].GetString());

        await resident.ReadInEnglishAsync();
        var english = await (await resident.GetAsync("/api/codes/me/history")).JsonAsync();
        Assert.Equal("fever 38.4 °C at 辽源市政务服务中心; green again after a negative test", english[0].GetProperty("explanation").GetString());
        Assert.Equal("you missed round 1: green again once sampled at any site", english[1].GetProperty("explanation").GetString());
        var englishCode = await (await resident.GetAsync("/api/codes/me")).JsonAsync();
        Assert.Equal(english[0].GetProperty("explanation").GetString(), englishCode.GetProperty("explanation").GetString());
        Assert.Equal("Call the 12345 hotline", englishCode.GetProperty("appeal")[2].GetString());
    }
}
