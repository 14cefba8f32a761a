using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Places;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Zones;

public sealed class ZoneFlowTestsSqlite() : ZoneFlowTests(StorageProvider.Sqlite);
public sealed class ZoneFlowTestsPostgres() : ZoneFlowTests(StorageProvider.Postgres);

/// <summary>
/// A case's home sealed through the API: proposed from the case, confirmed by a person, refused when it would overlap,
/// lifted only by rule — 14 clear days and a negative round of everyone in it — asked for by one officer and approved by
/// another; and a controlled zone turned sealed by a positive found inside.
/// </summary>
public abstract class ZoneFlowTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero); // 09:00 in the city

    [Fact]
    public async Task A_case_s_home_is_sealed_on_confirmation_and_lifted_by_rule_with_a_second_officer()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.SetUtcNow(Day0);
        var (person, compound, community) = await HomeAsync(host);
        var epi = await host.LoginAsync("epi");
        var admin = await host.LoginAsync("admin");

        // Reported through the API: the platform proposes its compound sealed and its community controlled; nothing in force yet.
        var reported = await epi.PostAsJsonAsync("/api/cases", new { personId = person, firstPositiveSampledAtUtc = Day0.AddHours(-6).UtcDateTime, @class = "Common", foundBy = "FeverClinic", onsetDate = "2026-11-19" });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        var caseId = (await reported.JsonAsync()).GetProperty("id").GetInt64();
        var proposed = (await Ok(await epi.GetAsync("/api/zones?state=Proposed"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, proposed.Count);
        await using (var db = host.Db()) Assert.Empty(await db.ZonedHouseholds.ToListAsync());

        // Asking from the case page finds them: nothing new, the case is in both.
        var run = await Ok(await epi.PostAsync($"/api/zones/from-case/{caseId}", null));
        var zones = run.GetProperty("zones").EnumerateArray().ToList();
        Assert.All(zones, z => Assert.False(z.GetProperty("new").GetBoolean()));
        var sealedZone = zones.Single(z => z.GetProperty("level").GetString() == "Sealed");
        var controlled = zones.Single(z => z.GetProperty("level").GetString() == "Controlled");
        Assert.All(zones, z => Assert.Equal("Proposed", z.GetProperty("state").GetString()));
        Assert.StartsWith("Z2026-", sealedZone.GetProperty("number").GetString());
        var sealedId = sealedZone.GetProperty("id").GetInt64();
        var number = sealedZone.GetProperty("number").GetString()!;
        await using (var db = host.Db())
        {
            Assert.Equal(compound, await db.ZoneMembers.Where(m => m.ZoneId == sealedId).Select(m => m.AddressId).SingleAsync());
            var household = await db.Persons.Where(p => p.Id == person).Select(p => p.HouseholdId!.Value).SingleAsync();
            Assert.Contains(household, await db.ZoneHouseholds.Where(h => h.ZoneId == sealedId).Select(h => h.HouseholdId).ToListAsync());
        }

        // The community is not controlled here (dismissed); the compound is sealed (confirmed).
        await Ok(await epi.PostAsJsonAsync($"/api/zones/{controlled.GetProperty("id").GetInt64()}/dismiss", new { note = "社区内无其他风险" }));
        var page = await Ok(await epi.PostAsJsonAsync($"/api/zones/{sealedId}/confirm", new { }));
        Assert.Equal("Active", page.GetProperty("zone").GetProperty("state").GetString());
        Assert.Equal("封控区", page.GetProperty("zone").GetProperty("levelName").GetString());
        Assert.True(page.GetProperty("zone").GetProperty("residents").GetInt32() > 0);
        Assert.Equal("2026-11-20", page.GetProperty("zone").GetProperty("levelSince").GetString());

        // Every resident's code is red at once, explained by the zone; the case's own code stays the case's.
        List<long> residents;
        long neighbour;
        await using (var db = host.Db())
        {
            residents = await db.ZonedHouseholds.Join(db.Persons, h => h.HouseholdId, p => p.HouseholdId, (h, p) => p.Id).ToListAsync();
            Assert.Equal(page.GetProperty("zone").GetProperty("residents").GetInt32(), residents.Count);
            Assert.Equal(residents.Count, await db.HealthCodes.CountAsync(h => residents.Contains(h.PersonId) && h.Colour == CodeColour.Red));
            neighbour = residents.First(r => r != person);
        }
        var why = (await Ok(await epi.GetAsync($"/api/codes/persons/{neighbour}/history")))[0];
        Assert.Equal("Red", why.GetProperty("to").GetString());
        Assert.Equal("zone-resident", why.GetProperty("rule").GetString());
        Assert.Contains($"zone:{sealedId}", why.GetProperty("evidence").GetString());
        Assert.Contains($"封控区{sealedZone.GetProperty("name").GetString()}（{number}）", why.GetProperty("explanation").GetString());

        // At a market the resident is denied for the zone (and the red code); at their own compound's gate they are let in, not out.
        var (market, homeGate) = await GateOperatorsAsync(host, compound);
        string idNumber;
        await using (var db = host.Db()) idNumber = await db.Persons.Where(p => p.Id == neighbour).Select(p => p.DocumentNumber).SingleAsync();
        var denied = await (await (await host.LoginAsync(market)).CheckInAsync(idNumber, 36.4m)).JsonAsync();
        Assert.Equal("Deny", denied.GetProperty("outcome").GetString());
        Assert.Contains("SealedZone", denied.Reasons());
        var gate = await host.LoginAsync(homeGate);
        var home = await (await gate.CheckInAsync(idNumber, 36.4m)).JsonAsync();
        Assert.Equal("Admit", home.GetProperty("outcome").GetString());
        var kept = await (await gate.CheckOutAsync(idNumber)).JsonAsync();
        Assert.Equal("Deny", kept.GetProperty("outcome").GetString());
        Assert.Equal(["SealedZone"], kept.Reasons());

        // Day 1 of the seal: every household sampled at the door, one task a household.
        await using (var db = host.Db())
        {
            var round = await db.TestingRounds.SingleAsync(r => r.Scope == RoundScope.Zones);
            Assert.Equal(RoundStatus.Open, round.Status);
            var households = await db.ZoneHouseholds.CountAsync(h => h.ZoneId == sealedId);
            Assert.Equal(households, await db.DoorTasks.CountAsync(t => t.RoundId == round.Id && t.Reason == DoorReason.Sealed));
            Assert.Equal(residents.Count, await db.RoundResidents.CountAsync(x => x.RoundId == round.Id && x.AtHome));
        }

        // Sealing the same compound again, or a building of it, overlaps: refused naming the member, nothing written.
        long building;
        await using (var db = host.Db()) building = await db.Buildings.Where(b => b.CompoundId == compound).Select(b => b.Id).FirstAsync();
        var zonesBefore = await CountAsync(host);
        await BadAsync(await epi.PostAsJsonAsync("/api/zones", new { level = "Sealed", reason = "重复", members = new[] { new { kind = "Building", id = building } } }), "members[0].id");
        await BadAsync(await epi.PostAsJsonAsync("/api/zones", new { level = "Controlled", reason = "重复", members = new[] { new { kind = "Compound", id = compound } } }), "members[0].id");
        // An unknown address, and a kind of address that does not exist.
        await BadAsync(await epi.PostAsJsonAsync("/api/zones", new { level = "Sealed", reason = "无此地址", members = new[] { new { kind = "Compound", id = 999_999_999 } } }), "members[0].id");
        await BadAsync(await epi.PostAsJsonAsync("/api/zones", new { level = "Sealed", reason = "缺少地址", members = Array.Empty<object>() }), "members");
        Assert.Equal(zonesBefore, await CountAsync(host));

        // Day 1: not liftable; asking for it lists what is missing, in the reader's language.
        var early = await epi.PostAsJsonAsync($"/api/zones/{sealedId}/request", new { step = "Lift" });
        var problem = await BadAsync(early, "step");
        Assert.Contains("0", problem.GetProperty("title").GetString()); // day 0 of 14
        var checklist = (await Ok(await epi.GetAsync($"/api/zones/{sealedId}"))).GetProperty("checklist");
        Assert.Equal("Stay", checklist.GetProperty("step").GetString());
        Assert.Contains(checklist.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("共需14天"));

        // Fourteen days on, everyone in the community sampled negative yesterday: the review proposes the lift.
        host.Time.SetUtcNow(Day0.AddDays(14));
        epi = await host.LoginAsync("epi");
        admin = await host.LoginAsync("admin");
        await NegativeRoundAsync(host, community, Day0.AddDays(13));
        var review = await Ok(await admin.PostAsync("/api/zones/review", null));
        Assert.True(review.GetProperty("proposed").GetInt32() >= 1);
        page = await Ok(await epi.GetAsync($"/api/zones/{sealedId}"));
        Assert.Equal("Lift", page.GetProperty("checklist").GetProperty("step").GetString());
        Assert.Equal(14, page.GetProperty("checklist").GetProperty("daysWithoutInfection").GetInt32());
        Assert.Equal("Lift", page.GetProperty("pending").GetProperty("step").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("pending").GetProperty("requestedByUserId").ValueKind);

        // The epidemiologist asks; they cannot approve their own request; the administrator approves.
        await Ok(await epi.PostAsJsonAsync($"/api/zones/{sealedId}/request", new { step = "Lift", note = "满足解封条件" }));
        await BadAsync(await epi.PostAsync($"/api/zones/{sealedId}/approve", null), "approver");
        Assert.Equal("Active", (await Ok(await epi.GetAsync($"/api/zones/{sealedId}"))).GetProperty("zone").GetProperty("state").GetString());
        page = await Ok(await admin.PostAsync($"/api/zones/{sealedId}/approve", null));
        Assert.Equal("Lifted", page.GetProperty("zone").GetProperty("state").GetString());
        var lifted = page.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Lifted", lifted.GetProperty("kind").GetString());
        Assert.Equal("流调员", lifted.GetProperty("officer").GetString());
        Assert.Equal("系统管理员", lifted.GetProperty("approver").GetString());
        Assert.Equal("three-zones-lift", lifted.GetProperty("rule").GetString());
        Assert.Contains(lifted.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.Contains("全员核酸检测阴性"));
        await using (var db = host.Db())
        {
            Assert.Empty(await db.ZonedHouseholds.ToListAsync());
            Assert.Equal(0, await db.HealthCodes.CountAsync(h => residents.Contains(h.PersonId) && h.PersonId != person && h.Colour != CodeColour.Green));
        }
        why = (await Ok(await epi.GetAsync($"/api/codes/persons/{neighbour}/history")))[0];
        Assert.Equal("Green", why.GetProperty("to").GetString());
        Assert.Equal("zone-lifted", why.GetProperty("rule").GetString());
        Assert.Contains($"（{number}）已于2026-12-04解封", why.GetProperty("explanation").GetString());

        // The list finds it by number and by level and state.
        var list = await Ok(await epi.GetAsync($"/api/zones?q={sealedZone.GetProperty("number").GetString()}"));
        Assert.Equal(sealedId, list.GetProperty("items")[0].GetProperty("id").GetInt64());
        list = await Ok(await epi.GetAsync("/api/zones?state=Lifted&level=Sealed"));
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        await BadAsync(await epi.GetAsync("/api/zones?levle=Sealed"), "levle");
    }

    [Fact]
    public async Task A_positive_found_inside_a_controlled_zone_turns_it_sealed_at_once()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.SetUtcNow(Day0);
        long community;
        await using (var db = host.Db())
            community = await (from p in db.Persons
                               join h in db.Households on p.HouseholdId equals h.Id
                               join u in db.Units on h.UnitId equals u.Id
                               join b in db.Buildings on u.BuildingId equals b.Id
                               join co in db.Compounds on b.CompoundId equals co.Id
                               select co.CommunityId).FirstAsync();
        var epi = await host.LoginAsync("epi");
        var page = await Created(await epi.PostAsJsonAsync("/api/zones", new { level = "Controlled", reason = "密接较多的社区", members = new[] { new { kind = "Community", id = community } } }));
        var zoneId = page.GetProperty("zone").GetProperty("id").GetInt64();
        Assert.Equal("Active", page.GetProperty("zone").GetProperty("state").GetString());

        long resident;
        await using (var db = host.Db())
            resident = await (from h in db.ZonedHouseholds join p in db.Persons on h.HouseholdId equals p.HouseholdId select p.Id).FirstAsync();
        var (caseId, _, _, _) = await AddCaseAsync(host, 800_000_202, resident);
        await using (var db = host.Db())
        {
            var zones = host.Services.GetRequiredService<ICaseZones>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await zones.OnCasesAsync(db, [caseId], null, CancellationToken.None);
            await tx.CommitAsync();
        }
        page = await Ok(await epi.GetAsync($"/api/zones/{zoneId}"));
        Assert.Equal("Sealed", page.GetProperty("zone").GetProperty("level").GetString());
        var upgrade = page.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "Upgraded");
        Assert.Equal("positive-inside", upgrade.GetProperty("rule").GetString());
        Assert.Equal("管控区", upgrade.GetProperty("from").GetString());
        Assert.Equal("封控区", upgrade.GetProperty("to").GetString());
        Assert.Contains(page.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetInt64() == caseId);
    }

    [Fact]
    public async Task A_suspected_case_inside_a_controlled_zone_seals_it_only_when_confirmed()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.SetUtcNow(Day0);
        var (_, _, community) = await HomeAsync(host);
        var epi = await host.LoginAsync("epi");
        var page = await Created(await epi.PostAsJsonAsync("/api/zones", new { level = "Controlled", reason = "密接较多的社区", members = new[] { new { kind = "Community", id = community } } }));
        var zoneId = page.GetProperty("zone").GetProperty("id").GetInt64();
        long resident;
        await using (var db = host.Db())
            resident = await (from h in db.ZonedHouseholds where h.ZoneId == zoneId join p in db.Persons on h.HouseholdId equals p.HouseholdId orderby p.Id select p.Id).FirstAsync();

        // Reported as suspected from a fever clinic: not a positive yet, so the zone stays controlled and nothing is proposed.
        var reported = await epi.PostAsJsonAsync("/api/cases", new { personId = resident, firstPositiveSampledAtUtc = Day0.AddHours(-3).UtcDateTime, @class = "Suspected", foundBy = "FeverClinic" });
        var caseId = (await Created(reported)).GetProperty("id").GetInt64();
        page = await Ok(await epi.GetAsync($"/api/zones/{zoneId}"));
        Assert.Equal("Controlled", page.GetProperty("zone").GetProperty("level").GetString());
        Assert.DoesNotContain(page.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetInt64() == caseId);
        await using (var db = host.Db())
            Assert.False(await db.ZoneCases.AnyAsync(z => z.CaseId == caseId));

        // Confirmed the next day: now it is a positive inside, and the zone is sealed with the case as its evidence.
        host.Time.SetUtcNow(Day0.AddDays(1));
        epi = await host.LoginAsync("epi"); // a new working day, a new sign-in
        (await epi.PatchAsJsonAsync($"/api/cases/{caseId}", new { @class = "Common", onsetDate = "2026-11-20" })).EnsureSuccessStatusCode();
        page = await Ok(await epi.GetAsync($"/api/zones/{zoneId}"));
        Assert.Equal("Sealed", page.GetProperty("zone").GetProperty("level").GetString());
        Assert.Contains(page.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetInt64() == caseId);
        Assert.Equal("positive-inside", page.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "Upgraded").GetProperty("rule").GetString());
    }

    /// <summary>The first resident with a home: their id, compound and community.</summary>
    private static async Task<(long PersonId, long CompoundId, long CommunityId)> HomeAsync(CityHost host)
    {
        await using var db = host.Db();
        var home = await (from p in db.Persons
                          join h in db.Households on p.HouseholdId equals h.Id
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join co in db.Compounds on b.CompoundId equals co.Id
                          orderby p.Id
                          select new { p.Id, b.CompoundId, co.CommunityId }).FirstAsync();
        return (home.Id, home.CompoundId, home.CommunityId);
    }

    /// <summary>Gate operators (user names) at a market's gate and at the compound's own gate.</summary>
    private static async Task<(string Market, string Home)> GateOperatorsAsync(CityHost host, long compound)
    {
        await using var db = host.Db();
        var market = await db.Venues.Where(v => v.Type == VenueType.Market).Join(db.GateDevices, v => v.Id, d => d.VenueId, (v, d) => d).FirstAsync();
        var home = await db.Venues.Where(v => v.CompoundId == compound).Join(db.GateDevices, v => v.Id, d => d.VenueId, (v, d) => d).FirstAsync();
        var hash = PasswordHasher.Hash(SeedOptions.DemoPassword, PasswordHasher.RandomSecretIterations);
        db.Users.AddRange(
            new User { Id = 9_001, UserName = "gate-market", DisplayName = "市场门岗", PasswordHash = hash, Role = Roles.GateOperator, VenueId = market.VenueId, DeviceId = market.Id },
            new User { Id = 9_002, UserName = "gate-home", DisplayName = "小区门岗", PasswordHash = hash, Role = Roles.GateOperator, VenueId = home.VenueId, DeviceId = home.Id });
        await db.SaveChangesAsync();
        return ("gate-market", "gate-home");
    }

    /// <summary>A case reported today for a resident with a home (the first one, or <paramref name="personId"/>).</summary>
    private static async Task<(long CaseId, long PersonId, long CompoundId, long CommunityId)> AddCaseAsync(CityHost host, long caseId, long? personId = null)
    {
        await using var db = host.Db();
        var home = await (from p in db.Persons
                          where personId == null || p.Id == personId
                          join h in db.Households on p.HouseholdId equals h.Id
                          join u in db.Units on h.UnitId equals u.Id
                          join b in db.Buildings on u.BuildingId equals b.Id
                          join co in db.Compounds on b.CompoundId equals co.Id
                          orderby p.Id
                          select new { p.Id, b.CompoundId, co.CommunityId }).FirstAsync();
        var now = host.Time.GetUtcNow().UtcDateTime;
        db.Cases.Add(new CaseRecord
        {
            Id = caseId,
            PersonId = home.Id,
            FoundBy = CaseFoundBy.FeverClinic,
            FirstPositiveSampledAtUtc = now.AddHours(-6),
            ReportedAtUtc = now.AddHours(-1),
            Class = CaseClass.Common,
            OnsetDate = DateOnly.FromDateTime(now.AddHours(8)).AddDays(-1),
            Edition = PolicyEdition.Edition9,
        });
        await db.SaveChangesAsync();
        return (caseId, home.Id, home.CompoundId, home.CommunityId);
    }

    /// <summary>A round over the community in which everyone was sampled and tested negative at <paramref name="at"/>.</summary>
    private static async Task NegativeRoundAsync(CityHost host, long community, DateTimeOffset at)
    {
        var admin = await host.LoginAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/testing/rounds", new { name = "封控区解封前核酸", scope = "Communities", areaIds = new[] { community.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var roundId = (await r.JsonAsync()).GetProperty("id").GetInt64();
        await using var db = host.Db();
        var sampled = at.UtcDateTime;
        await db.RoundResidents.Where(x => x.RoundId == roundId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.SampledAtUtc, sampled).SetProperty(x => x.ResultAtUtc, sampled.AddHours(6)).SetProperty(x => x.Outcome, PersonOutcome.Negative));
    }

    private static async Task<int> CountAsync(CityHost host)
    {
        await using var db = host.Db();
        return await db.Zones.CountAsync() + await db.ZoneMembers.CountAsync() + await db.ZoneChanges.CountAsync();
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task<JsonElement> Created(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task<JsonElement> BadAsync(HttpResponseMessage r, string field)
    {
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        var problem = await r.JsonAsync();
        Assert.Contains(field, problem.ProblemFields());
        return problem;
    }
}
