using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
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
        Assert.Contains("forged", (await r1.Content.ReadAsStringAsync()));

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
        Assert.Contains("admin2", change.GetProperty("explanation").GetString());

        var gate = await host.LoginAsync("gate");
        var denied = await (await gate.CheckInAsync(host.Scenario.Carol.DocumentNumber, 36.5m)).JsonAsync();
        Assert.Equal(["RedCode"], denied.Reasons());

        await admin2.PostAsync($"/api/codes/manual/{id}/revoke", null);
        await using (var db = host.Db()) Assert.Equal(CodeColour.Green, (await db.HealthCodes.SingleAsync()).Colour);
    }
}
