using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Testing;

public sealed class SamplingEdgeTestsSqlite() : SamplingEdgeTests(StorageProvider.Sqlite);
public sealed class SamplingEdgeTestsPostgres() : SamplingEdgeTests(StorageProvider.Postgres);

/// <summary>What goes wrong at a sampling table and at the lab: duplicates, reused barcodes, offline replays, bad CSV lines.</summary>
public abstract class SamplingEdgeTests(StorageProvider provider)
{
    [Fact]
    public async Task Duplicates_reused_and_unknown_barcodes_key_groups_and_other_sites_are_caught_and_replays_write_once()
    {
        await using var host = await CityHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var sampler = await host.LoginAsync("sampler");
        var sampler2 = await host.LoginAsync("sampler2");
        var d = new RoundDriver(host, admin, sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var tube = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, tube);

        // Offline replay: the page resends the same key after an outage; one sample, the first answer.
        var key = RoundDriver.Key();
        var first = await (await d.SampleAsync(tube, people[0].IdNumber, key)).JsonAsync();
        var again = await d.SampleAsync(tube, people[0].IdNumber, key);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replay = await again.JsonAsync();
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("sampleId").GetInt64(), replay.GetProperty("sampleId").GetInt64());
        Assert.Equal(1, replay.GetProperty("tube").GetProperty("count").GetInt32());
        // Concurrent retries of one scan still write once.
        var k2 = RoundDriver.Key();
        var burst = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => d.SampleAsync(tube, people[1].IdNumber, k2)));
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using (var db = host.Db())
        {
            Assert.Equal(2, await db.Samples.CountAsync());
            Assert.Equal(2, (await db.Tubes.SingleAsync()).Count);
        }

        // Same person again with a new key, at another table: refused, named masked.
        var other = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, other, as_: sampler2);
        var dup = await d.SampleAsync(other, people[0].IdNumber, as_: sampler2);
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        Assert.Equal("AlreadySampled", (await dup.JsonAsync()).GetProperty("code").GetString());

        // A barcode names one tube for ever; a misread barcode fails its check digit.
        var reused = await sampler2.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode = tube, key = RoundDriver.Key() });
        Assert.Equal("TubeReused", (await reused.JsonAsync()).GetProperty("code").GetString());
        var good = RoundDriver.NewTube();
        var misread = good[..^1] + (char)('0' + (good[^1] - '0' + 1) % 10);
        var bad = await sampler.PostAsJsonAsync("/api/testing/tubes", new { roundId, siteId, barcode = misread, key = RoundDriver.Key() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["barcode"], (await bad.JsonAsync()).ProblemFields());

        // Key groups need a single tube; a resident of another site is sampled with a warning.
        var (_, keyGroup) = await d.SiteResidentsAsync(roundId, keyGroup: true);
        var kg = await d.SampleAsync(tube, keyGroup[0].IdNumber);
        Assert.Equal("SingleTubeRequired", (await kg.JsonAsync()).GetProperty("code").GetString());
        await using (var db = host.Db())
        {
            var elsewhere = await (from x in db.RoundResidents
                                   where x.RoundId == roundId && !x.AtHome && !x.KeyGroup
                                   join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                                   where sc.SiteId != siteId
                                   join p in db.Persons on x.PersonId equals p.Id
                                   select p.DocumentNumber).FirstAsync();
            var warned = await d.SampleOkAsync(tube, elsewhere);
            Assert.Equal(["OtherSite"], warned.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        }

        // Bad scans name the field.
        var badId = await d.SampleAsync(tube, "22040219850512123X");
        Assert.Equal(["scan"], (await badId.JsonAsync()).ProblemFields());
        var noKey = await sampler.PostAsJsonAsync($"/api/testing/tubes/{tube}/samples", new { scan = people[3].IdNumber });
        Assert.Equal(["key"], (await noKey.JsonAsync()).ProblemFields());
        // Another sampler cannot put swabs into my tube.
        Assert.Equal(HttpStatusCode.Forbidden, (await d.SampleAsync(tube, people[3].IdNumber, as_: sampler2)).StatusCode);
    }

    [Fact]
    public async Task A_lab_csv_keeps_good_lines_and_reports_each_bad_line_by_number_and_reason()
    {
        await using var host = await CityHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var sampler = await host.LoginAsync("sampler");
        var lab = await host.LoginAsync("lab");
        var d = new RoundDriver(host, admin, sampler, lab);
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var tubes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var t = RoundDriver.NewTube();
            await d.OpenTubeAsync(roundId, siteId, t);
            foreach (var p in people.Skip(i * 2).Take(2)) await d.SampleOkAsync(t, p.IdNumber);
            await d.CloseAsync(t);
            tubes.Add(t);
        }
        await d.ShipAsync(tubes[0], tubes[1]);
        var unshipped = tubes[2];
        var csv = new StringBuilder("\uFEFF条码,结果\r\n")
            .Append(tubes[0]).Append(",阴性\r\n")                          // line 2: good
            .Append(tubes[1]).Append(",positive\r\n")                     // line 3: good
            .Append("T123,阴性\r\n")                                        // line 4: not a barcode
            .Append(tubes[0]).Append(",阴性\r\n")                          // line 5: duplicate of line 2
            .Append(unshipped).Append(",阴性\r\n")                         // line 6: not received by the lab
            .Append(RoundDriver.NewTube()).Append(",阴性\r\n")             // line 7: no such tube
            .Append(tubes[1]).Append("\r\n")                              // line 8: no result column (and duplicate)
            .Append(RoundDriver.NewTube()).Append(",maybe\r\n")           // line 9: unknown result
            .ToString();
        var r = await lab.PostAsync("/api/testing/lab/results/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var report = await r.JsonAsync();
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(x => (x.GetProperty("line").GetInt32(), x.GetProperty("field").GetString())).ToList();
        Assert.Equal([(4, "barcode"), (5, "barcode"), (6, "barcode"), (7, "barcode"), (8, "result"), (9, "result")], rejected);
        await using (var db = host.Db())
        {
            Assert.Equal(TubeOutcome.Negative, (await db.Tubes.SingleAsync(t => t.Barcode == tubes[0])).Outcome);
            Assert.Equal(TubeOutcome.Positive, (await db.Tubes.SingleAsync(t => t.Barcode == tubes[1])).Outcome);
            Assert.Null((await db.Tubes.SingleAsync(t => t.Barcode == unshipped)).Outcome);
            Assert.Equal(2, await db.TestResults.CountAsync());
            Assert.Equal(2, await db.ResampleTasks.CountAsync());
        }

        // The same file again changes nothing; a contradicting result is refused, never overwritten.
        var again = await (await lab.PostAsync("/api/testing/lab/results/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync();
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        var flip = await lab.PostAsJsonAsync("/api/testing/lab/results", new { barcode = tubes[0], outcome = "Positive" });
        Assert.Equal(HttpStatusCode.Conflict, flip.StatusCode);
        Assert.Equal("ResultFinal", (await flip.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_plan_that_cannot_meet_the_deadline_says_by_how_much_and_bad_rounds_are_refused_by_field()
    {
        await using var host = await CityHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/testing/rounds", new { name = "短时限轮次", scope = "City", deadlineHours = 7 });
        var round = await created.JsonAsync();
        var id = round.GetProperty("id").GetInt64();
        Assert.True(round.GetProperty("meetsDeadline").GetBoolean());
        var sites = await (await admin.GetAsync($"/api/testing/rounds/{id}/sites?pageSize=500")).JsonAsync();
        var biggest = sites.GetProperty("items").EnumerateArray().OrderByDescending(s => s.GetProperty("residents").GetInt32()).First();
        var residents = biggest.GetProperty("residents").GetInt32();
        var slow = await (await admin.PostAsJsonAsync($"/api/testing/sites/{biggest.GetProperty("id").GetInt64()}", new { tables = 1, swabsPerTablePerHour = 10 })).JsonAsync();
        Assert.False(slow.GetProperty("meetsDeadline").GetBoolean());
        // One table at 10 an hour in 20-minute waves: ceil(residents / 3) waves from the start, against start + 1 h (7 h less 6 h for the lab).
        var expected = TimeSpan.FromMinutes(20 * Math.Ceiling(residents / 3.0)) - TimeSpan.FromHours(1);
        Assert.Equal(expected, TimeSpan.Parse(slow.GetProperty("overrun").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        (object Body, string Field)[] bad =
        [
            (new { name = "", scope = "City" }, "name"),
            (new { name = "x", scope = "Districts", areaIds = new[] { "999999" } }, "areaIds"),
            (new { name = "x", scope = "Communities", areaIds = new[] { "abc" } }, "areaIds"),
            (new { name = "x", scope = "City", poolSize = 7 }, "poolSize"),
            (new { name = "x", scope = "City", deadlineHours = 2 }, "deadlineHours"),
            (new { name = "x", scope = "City", positivePoolColour = "Green" }, "positivePoolColour"),
            (new { name = "x", scope = "City", waveMinutes = 1 }, "waveMinutes"),
        ];
        foreach (var (body, field) in bad)
        {
            var r = await admin.PostAsJsonAsync("/api/testing/rounds", body);
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)r.StatusCode}");
            Assert.Equal([field], (await r.JsonAsync()).ProblemFields());
        }
        await using var db = host.Db();
        Assert.Equal(1, await db.TestingRounds.CountAsync()); // nothing half-written
    }
}
