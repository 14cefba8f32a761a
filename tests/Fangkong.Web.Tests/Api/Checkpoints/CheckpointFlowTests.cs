using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Passes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Checkpoints;

public sealed class CheckpointFlowTestsSqlite() : CheckpointFlowTests(StorageProvider.Sqlite);
public sealed class CheckpointFlowTestsPostgres() : CheckpointFlowTests(StorageProvider.Postgres);

/// <summary>
/// Road checkpoints and passes over HTTP (issue 21): a car from a high-risk area has every passenger isolated with the
/// traveller rule's decision recorded; a freight pass issued, verified offline with the published keys, then withdrawn
/// and refused (offline by the revocation list, online by the platform); a red holder's pass revoked when next checked;
/// counts per shift equal their list; a retry answers the same check; bad input names its field and writes nothing.
/// </summary>
public abstract class CheckpointFlowTests(StorageProvider provider)
{
    // The host's clock: 2026-11-20 02:00 UTC, 10:00 in the city — the first of three shifts (08:00–16:00).
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static string Traveller(int n) => ResidentIdNumber.Compose("220102", new DateOnly(1980 + n, 3, 4), 100 + n);

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task<long> AddCheckpointAsync(HttpClient admin, string kind = "InspectionStation", string name = "辽源收费站留检站")
    {
        var c = await Ok(await admin.PostAsJsonAsync("/api/checkpoints", new { name, kind, districtCode = "220402", location = "G12珲乌高速辽源出口" }));
        return c.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_car_from_a_high_risk_area_has_each_passenger_isolated_with_the_traveller_decision_recorded()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var staff = await host.LoginAsync("checkpoint");
        var id = await AddCheckpointAsync(admin);
        await Ok(await admin.PostAsJsonAsync($"/api/checkpoints/{id}/roster", new { day = Today, shift = 1, userNames = new[] { "checkpoint" } }));

        // Alice lives in the city: arriving, she becomes a returnee at once.
        await using (var db = host.Db())
            await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.HouseholdId, Scenario.HouseholdId));
        var car = new
        {
            checkpointId = id,
            plate = "吉A·12345",
            kind = "Car",
            origin = "长春市",
            destination = "辽源市龙山区",
            boundForCity = true,
            idempotencyKey = "tablet-1-0001",
            passengers = new object[]
            {
                new { idNumber = Traveller(1), name = "刘一", temperature = 36.4, originRisk = "High", leftOn = Today.AddDays(-2) },
                new { idNumber = Traveller(2), name = "陈二", temperature = 36.6, originRisk = "High", leftOn = Today.AddDays(-2) },
                new { idNumber = host.Scenario.Alice.DocumentNumber, temperature = 36.5, originRisk = "High", leftOn = Today.AddDays(-2) },
            },
        };
        var check = await Ok(await staff.PostAsJsonAsync("/api/checkpoints/vehicles", car));
        Assert.Equal("Isolate", check.GetProperty("verdict").GetString());
        Assert.Equal(1, check.GetProperty("shift").GetInt32());
        var people = check.GetProperty("passengers").EnumerateArray().ToList();
        Assert.Equal(3, people.Count);
        Assert.All(people, p =>
        {
            Assert.Equal("Isolate", p.GetProperty("verdict").GetString());
            Assert.Equal("CentralizedIsolation", p.GetProperty("measure").GetString());
            Assert.Contains("CentralizedIsolation", p.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        });
        // Names and ID numbers come back masked; Alice is known to the registry, the others are not.
        Assert.DoesNotContain(host.Scenario.Alice.DocumentNumber, check.GetRawText());
        Assert.DoesNotContain(Traveller(1), check.GetRawText());

        await using (var db = host.Db())
        {
            var rows = await db.PassengerChecks.AsNoTracking().OrderBy(p => p.Seat).ToListAsync();
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r =>
            {
                Assert.True(r.BoundForCity);
                Assert.Equal(Today.AddDays(-2), r.LeftOn);
                Assert.Equal(Fangkong.Domain.Travel.TravellerMeasure.CentralizedIsolation, r.Measure);
                Assert.False(string.IsNullOrEmpty(r.PolicyVersion));
                Assert.True(r.MeasureDays > 0);
            });
            Assert.Equal(host.Scenario.Alice.Id, rows[2].PersonId);
            Assert.Equal(Traveller(1), rows[0].IdNumber);
            // The known resident bound for the city is a returnee at once, isolated as the checkpoint decided; the strangers are not registered.
            Assert.Equal([false, false, true], rows.Select(r => r.ReturneeRegistered));
            var returnee = await db.Returnees.IgnoreQueryFilters().AsNoTracking().SingleAsync();
            Assert.Equal((host.Scenario.Alice.Id, Fangkong.Domain.Travel.TravellerMeasure.CentralizedIsolation, Fangkong.Domain.Travel.ReturneeSource.Checkpoint, (long?)id),
                (returnee.PersonId, returnee.Measure, returnee.Source, returnee.CheckpointId));
        }

        // A retry of the same tablet submission answers with the same check and writes nothing more.
        var again = await Ok(await staff.PostAsJsonAsync("/api/checkpoints/vehicles", car));
        Assert.Equal(check.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        await using (var db = host.Db()) Assert.Equal(1, await db.VehicleChecks.CountAsync());

        // Counts per checkpoint and shift equal the line list behind them.
        var shifts = await Ok(await staff.GetAsync($"/api/checkpoints/shifts?day={Today:yyyy-MM-dd}"));
        var first = shifts.EnumerateArray().Single(s => s.GetProperty("checkpointId").GetInt64() == id && s.GetProperty("shift").GetInt32() == 1);
        Assert.Equal((1, 3, 1), (first.GetProperty("vehicles").GetInt32(), first.GetProperty("people").GetInt32(), first.GetProperty("isolated").GetInt32()));
        var epi = await host.LoginAsync("epi");
        var list = await Ok(await epi.GetAsync($"/api/checkpoints/checks?checkpointId={id}&day={Today:yyyy-MM-dd}&shift=1"));
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        var csv = await epi.GetAsync($"/api/checkpoints/checks.csv?checkpointId={id}");
        Assert.Contains("吉A12345", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_freight_pass_verified_offline_at_a_checkpoint_then_withdrawn_is_refused_offline_and_online()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var officer = await host.LoginAsync("passes");
        var staff = await host.LoginAsync("checkpoint");
        var id = await AddCheckpointAsync(admin, "CountyBorder", "东辽县界卡口");

        var applied = await Ok(await officer.PostAsJsonAsync("/api/passes", new
        {
            kind = "Freight",
            holderName = "孙师傅",
            holderIdNumber = Traveller(5),
            employer = "吉林省顺达物流有限公司",
            route = "长春—辽源",
            plate = "吉A 66666",
            cargo = "蔬菜",
            validFrom = Today,
            validTo = Today.AddDays(6),
            idempotencyKey = "freight-app-0001",
        }));
        var passId = applied.GetProperty("id").GetInt64();
        Assert.Equal("Applied", applied.GetProperty("state").GetString());
        var decided = await Ok(await officer.PostAsJsonAsync("/api/passes/decisions", new { passIds = new[] { passId }, approve = true }));
        Assert.Equal("Approved", decided[0].GetProperty("state").GetString());
        var qr = (await Ok(await officer.GetAsync($"/api/passes/{passId}"))).GetProperty("qr").GetString()!;
        Assert.StartsWith("FKP1.", qr);
        var pdf = await officer.GetAsync($"/api/passes/{passId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        // The checkpoint's device verifies offline: the published keys and the revocation list it fetched.
        var keys = await Ok(await staff.GetAsync("/api/codes/public-keys"));
        var published = keys.EnumerateArray().ToDictionary(k => k.GetProperty("keyId").GetString()!, k =>
        {
            var e = ECDsa.Create();
            e.ImportSubjectPublicKeyInfo(Convert.FromBase64String(k.GetProperty("spkiBase64").GetString()!), out _);
            return e;
        });
        async Task<HashSet<long>> RevokedAsync() =>
            [.. (await Ok(await staff.GetAsync("/api/passes/revocations"))).GetProperty("revoked").EnumerateArray().Select(x => x.GetInt64())];
        var offline = PassRules.Check(SignedPass.Read(qr, k => published.GetValueOrDefault(k)), Today, await RevokedAsync(), "吉A66666");
        Assert.Equal(PassVerdict.Valid, offline.Verdict);

        // The truck goes through the green lane and the pass counts as used.
        var truck = new
        {
            checkpointId = id,
            plate = "吉A66666",
            kind = "Truck",
            origin = "长春市",
            destination = "辽源市",
            passQr = qr,
            idempotencyKey = "tablet-2-0001",
            passengers = new object[] { new { idNumber = Traveller(5), name = "孙师傅", temperature = 36.3 } },
        };
        var through = await Ok(await staff.PostAsJsonAsync("/api/checkpoints/vehicles", truck));
        Assert.True(through.GetProperty("greenLane").GetBoolean());
        Assert.Equal("Pass", through.GetProperty("verdict").GetString());
        await using (var db = host.Db()) Assert.Equal(1, await db.PassUses.CountAsync(u => u.PassId == passId));

        // Withdrawn: the revocation list names it, so the offline check refuses it, and so does the platform.
        await Ok(await officer.PostAsJsonAsync($"/api/passes/{passId}/withdraw", new { reason = "运输公司停运" }));
        var refusedOffline = PassRules.Check(SignedPass.Read(qr, k => published.GetValueOrDefault(k)), Today, await RevokedAsync(), "吉A66666");
        Assert.Equal(PassVerdict.Revoked, refusedOffline.Verdict);
        var online = await Ok(await staff.PostAsJsonAsync("/api/passes/verify", new { qr, plate = "吉A66666" }));
        Assert.Equal(("Revoked", false), (online.GetProperty("verdict").GetString(), online.GetProperty("valid").GetBoolean()));
        var turned = await Ok(await staff.PostAsJsonAsync("/api/checkpoints/vehicles", truck with { idempotencyKey = "tablet-2-0002" }));
        Assert.False(turned.GetProperty("greenLane").GetBoolean());
        Assert.Equal("Revoked", turned.GetProperty("pass").GetProperty("verdict").GetString());
        foreach (var k in published.Values) k.Dispose();
    }

    [Fact]
    public async Task A_staff_pass_is_revoked_when_its_holder_turns_red_and_the_holder_sees_it_on_the_phone()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var officer = await host.LoginAsync("passes");
        var alice = host.Scenario.Alice;
        var pass = await Ok(await officer.PostAsJsonAsync("/api/passes", new
        {
            kind = "Staff",
            holderName = alice.Name,
            holderIdNumber = alice.DocumentNumber,
            employer = "辽源市第一建筑公司",
            route = "龙山区工地",
            validFrom = Today,
            validTo = Today.AddDays(13),
            idempotencyKey = "staff-app-0001",
        }));
        var passId = pass.GetProperty("id").GetInt64();
        await Ok(await officer.PostAsJsonAsync("/api/passes/decisions", new { passIds = new[] { passId }, approve = true }));
        var resident = await host.LoginAsync("resident");
        var mine = await Ok(await resident.GetAsync("/api/passes/me"));
        Assert.StartsWith("FKP1.", mine[0].GetProperty("qr").GetString());
        var qr = mine[0].GetProperty("qr").GetString();

        await using (var db = host.Db())
        {
            db.HealthCodes.Add(new Fangkong.Core.Codes.HealthCodeState { PersonId = alice.Id, Colour = CodeColour.Red, SinceUtc = host.Time.GetUtcNow().UtcDateTime, Rule = "test", PolicyVersion = "test" });
            await db.SaveChangesAsync();
        }
        var staff = await host.LoginAsync("checkpoint");
        var check = await Ok(await staff.PostAsJsonAsync("/api/passes/verify", new { qr }));
        Assert.Equal("Revoked", check.GetProperty("verdict").GetString());
        await using (var db = host.Db())
        {
            var row = await db.Passes.AsNoTracking().SingleAsync(p => p.Id == passId);
            Assert.Equal((PassState.Revoked, (PassRevocation?)PassRevocation.HolderRed), (row.State, row.Revocation));
        }
        var after = await Ok(await resident.GetAsync("/api/passes/me"));
        Assert.Equal(("Revoked", JsonValueKind.Null), (after[0].GetProperty("state").GetString(), after[0].GetProperty("qr").ValueKind));
    }

    [Fact]
    public async Task A_holder_turned_red_by_a_rule_loses_the_pass_with_the_colour_before_any_read_of_passes()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var officer = await host.LoginAsync("passes");
        var bob = host.Scenario.Bob;
        var pass = await Ok(await officer.PostAsJsonAsync("/api/passes", new
        {
            kind = "Staff",
            holderName = bob.Name,
            holderIdNumber = bob.DocumentNumber,
            employer = "辽源市第一建筑公司",
            route = "龙山区工地",
            validFrom = Today,
            validTo = Today.AddDays(13),
            idempotencyKey = "staff-app-0072",
        }));
        var passId = pass.GetProperty("id").GetInt64();
        await Ok(await officer.PostAsJsonAsync("/api/passes/decisions", new { passIds = new[] { passId }, approve = true }));

        // Bob becomes a case: Codes re-derives his colour (red) and, in the same save, revokes his pass (ADR 0042).
        await using (var scope = host.Services.CreateAsyncScope())
        await using (var db = host.Db())
        {
            var at = host.Time.GetUtcNow().UtcDateTime;
            db.Cases.Add(new Fangkong.Core.Tracing.CaseRecord { Id = 770072, PersonId = bob.Id, FoundBy = Fangkong.Domain.Tracing.CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = at, ReportedAtUtc = at, Class = Fangkong.Domain.Tracing.CaseClass.Mild });
            await db.SaveChangesAsync();
            var codes = scope.ServiceProvider.GetRequiredService<Fangkong.Core.Common.ICodeRecompute>();
            Assert.Equal(CodeColour.Red, (await codes.RecomputeAsync(db, bob.Id, CancellationToken.None)).Colour);
            await db.SaveChangesAsync();
        }
        await using (var db = host.Db())
        {
            var row = await db.Passes.AsNoTracking().SingleAsync(p => p.Id == passId);
            Assert.Equal((PassState.Revoked, (PassRevocation?)PassRevocation.HolderRed), (row.State, row.Revocation));
        }
        var staff = await host.LoginAsync("checkpoint");
        Assert.Contains(passId, (await Ok(await staff.GetAsync("/api/passes/revocations"))).GetProperty("revoked").EnumerateArray().Select(x => x.GetInt64()));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var staff = await host.LoginAsync("checkpoint");
        var officer = await host.LoginAsync("passes");
        var id = await AddCheckpointAsync(admin);
        var good = new { idNumber = Traveller(1), temperature = 36.5 };
        (HttpClient Client, string Url, object Body, string Field)[] cases =
        [
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "吉A12345", kind = "Car", origin = "长春", destination = "辽源", passengers = new[] { good } }, "idempotencyKey"),
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "", kind = "Car", origin = "长春", destination = "辽源", passengers = new[] { good }, idempotencyKey = "bad-input-0001" }, "plate"),
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "吉A12345", kind = "Car", origin = "", destination = "辽源", passengers = new[] { good }, idempotencyKey = "bad-input-0002" }, "origin"),
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "吉A12345", kind = "Car", origin = "长春", destination = "辽源", passengers = Array.Empty<object>(), idempotencyKey = "bad-input-0003" }, "passengers"),
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "吉A12345", kind = "Car", origin = "长春", destination = "辽源", passengers = new object[] { good, new { idNumber = Traveller(1)[..17] + (Traveller(1)[17] == '0' ? "1" : "0") } }, idempotencyKey = "bad-input-0004" }, "passengers[1].idNumber"),
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "吉A12345", kind = "Car", origin = "长春", destination = "辽源", passengers = new object[] { new { idNumber = Traveller(1), originRisk = "High" } }, idempotencyKey = "bad-input-0005" }, "passengers[0].leftOn"),
            (staff, "/api/checkpoints/vehicles", new { checkpointId = id, plate = "吉A12345", kind = "Car", origin = "长春", destination = "辽源", passengers = new object[] { new { idNumber = Traveller(1), temperature = 12 } }, idempotencyKey = "bad-input-0006" }, "passengers[0].temperature"),
            (admin, "/api/checkpoints", new { name = "", kind = "Village", districtCode = "220402", location = "村口" }, "name"),
            (admin, "/api/checkpoints", new { name = "村口卡口", kind = "Village", districtCode = "999999", location = "村口" }, "districtCode"),
            (officer, "/api/passes", new { kind = "Freight", holderName = "孙师傅", holderIdNumber = Traveller(5), employer = "物流", route = "长春—辽源", cargo = "蔬菜", validFrom = Today, validTo = Today.AddDays(3), idempotencyKey = "bad-pass-0001" }, "plate"),
            (officer, "/api/passes", new { kind = "Staff", holderName = "孙", holderIdNumber = "123", employer = "建筑", route = "工地", validFrom = Today, validTo = Today.AddDays(3), idempotencyKey = "bad-pass-0002" }, "holderIdNumber"),
            (officer, "/api/passes", new { kind = "Staff", holderName = "孙", holderIdNumber = Traveller(5), employer = "建筑", route = "工地", validFrom = Today, validTo = Today.AddDays(-3), idempotencyKey = "bad-pass-0003" }, "validTo"),
            (officer, "/api/passes/decisions", new { passIds = new[] { 1L }, approve = false }, "reason"),
        ];
        foreach (var (client, url, body, field) in cases)
        {
            var r = await client.PostAsJsonAsync(url, body);
            var text = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url} {field}: {(int)r.StatusCode} {text}");
            Assert.Contains($"\"{field}\"", text);
        }
        await using var db = host.Db();
        Assert.Equal((0, 0, 0, 1), (await db.VehicleChecks.CountAsync(), await db.PassengerChecks.CountAsync(), await db.Passes.CountAsync(), await db.Checkpoints.CountAsync()));
    }
}
