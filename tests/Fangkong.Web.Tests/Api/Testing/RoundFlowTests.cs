using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Testing;

public sealed class RoundFlowTestsSqlite() : RoundFlowTests(StorageProvider.Sqlite);
public sealed class RoundFlowTestsPostgres() : RoundFlowTests(StorageProvider.Postgres);

/// <summary>A whole round on a small demo city, from planning to certificates, through the HTTP API.</summary>
public abstract class RoundFlowTests(StorageProvider provider)
{
    [Fact]
    public async Task A_round_runs_from_plan_to_results_certificates_re_sampling_a_case_and_the_missing()
    {
        await using var host = await CityHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var lab = await host.LoginAsync("lab");
        var sampler = await host.LoginAsync("sampler");
        var d = new RoundDriver(host, admin, sampler, lab);

        // Plan: the whole city, sites per community, waves that meet the deadline.
        var round = await d.CreateOpenRoundAsync();
        var roundId = round.GetProperty("id").GetInt64();
        await using (var db = host.Db())
            Assert.Equal(await db.Persons.CountAsync(p => p.HouseholdId != null), round.GetProperty("residents").GetInt32());
        Assert.True(round.GetProperty("meetsDeadline").GetBoolean());
        Assert.True(round.GetProperty("sites").GetInt32() > 0);
        Assert.Equal("Open", round.GetProperty("status").GetString());

        // Pool of 10 at one site: it closes by itself when full.
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var pool = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, pool);
        System.Text.Json.JsonElement last = default;
        foreach (var (_, id) in people.Take(10)) last = await d.SampleOkAsync(pool, id);
        Assert.Equal(10, last.GetProperty("tube").GetProperty("count").GetInt32());
        Assert.True(last.GetProperty("tube").GetProperty("closed").GetBoolean());
        Assert.Empty(last.GetProperty("warnings").EnumerateArray());

        // A second pool of 10, closed by hand after 5.
        var pool2 = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, pool2);
        foreach (var (_, id) in people.Skip(10).Take(5)) await d.SampleOkAsync(pool2, id);
        await d.CloseAsync(pool2);

        host.Time.Advance(TimeSpan.FromHours(2));
        var receipt = await d.ShipAsync(pool, pool2);
        Assert.True(receipt.GetProperty("reconciled").GetBoolean());
        Assert.Equal(2, receipt.GetProperty("received").GetInt32());
        host.Time.Advance(TimeSpan.FromHours(3));

        // Negative pool: every member negative. Positive pool: every member controlled and re-sampling tasks.
        await d.ResultAsync(pool2, "Negative");
        var positive = await d.ResultAsync(pool, "Positive");
        Assert.Equal(10, positive.GetProperty("fanOut").GetProperty("poolPositivePersons").GetInt32());
        Assert.Equal(10, positive.GetProperty("fanOut").GetProperty("resampleTasks").GetInt32());
        foreach (var (pid, _) in people.Skip(10).Take(5)) Assert.Equal(PersonOutcome.Negative, await d.OutcomeAsync(roundId, pid));
        foreach (var (pid, _) in people.Take(10))
        {
            Assert.Equal(PersonOutcome.PoolPositive, await d.OutcomeAsync(roundId, pid));
            Assert.Equal((CodeColour.Yellow, CodeRules.PositivePoolRule), await d.CodeAsync(pid));
        }
        await using (var db = host.Db())
        {
            Assert.Equal(5, await db.TestResults.CountAsync(t => t.Outcome == TestOutcome.Negative));
            Assert.Equal(0, await db.TestResults.CountAsync(t => t.Outcome == TestOutcome.Positive)); // a pool says nothing of one person
            Assert.Equal(10, await db.ResampleTasks.CountAsync(t => t.DoneAtUtc == null));
        }

        // Re-sampling in single tubes: one positive becomes a case (red), one negative clears (green).
        var (sick, sickId) = people[0];
        var (well, wellId) = people[1];
        var t1 = RoundDriver.NewTube();
        var t2 = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, t1, "Resample");
        var rs = await d.SampleOkAsync(t1, sickId);
        Assert.True(rs.GetProperty("tube").GetProperty("closed").GetBoolean()); // a single tube holds one swab
        await d.OpenTubeAsync(roundId, siteId, t2, "Resample");
        await d.SampleOkAsync(t2, wellId);
        await d.ShipAsync(t1, t2);
        await d.ResultAsync(t1, "Positive");
        await d.ResultAsync(t2, "Negative");
        Assert.Equal((CodeColour.Red, CodeRules.CaseRule), await d.CodeAsync(sick));
        Assert.Equal((CodeColour.Green, CodeRules.DefaultRule), await d.CodeAsync(well));
        Assert.Equal((CodeColour.Yellow, CodeRules.PositivePoolRule), await d.CodeAsync(people[2].PersonId));
        await using (var db = host.Db())
        {
            var c = await db.Cases.SingleAsync();
            Assert.Equal(sick, c.PersonId);
            Assert.Equal(CaseFoundBy.PoolResampling, c.FoundBy);
            Assert.Equal(8, await db.ResampleTasks.CountAsync(t => t.DoneAtUtc == null));
            // Every colour change is explained: rule and evidence.
            var changes = await db.HealthCodeChanges.Where(h => h.PersonId == sick).OrderBy(h => h.Id).ToListAsync();
            Assert.Equal([CodeRules.PositivePoolRule, CodeRules.CaseRule], changes.Select(h => h.Rule));
            Assert.StartsWith("case:", changes[^1].Evidence);
        }

        // Certificates: signed, verifiable by anyone, tampering detected.
        var sampleId = (await d.SampleOkAsync(await NewPoolAsync(d, roundId, siteId), people[15].IdNumber)).GetProperty("sampleId").GetInt64();
        var cert = await (await admin.GetAsync($"/api/testing/certificates/{sampleId}")).JsonAsync();
        var proof = cert.GetProperty("proof").GetString()!;
        var check = await (await host.Anonymous().PostAsJsonAsync("/api/testing/certificates/verify", new { proof })).JsonAsync();
        Assert.True(check.GetProperty("valid").GetBoolean());
        Assert.DoesNotContain(people[15].IdNumber, check.ToString());
        var tampered = proof[..^3] + (proof[^3] == 'A' ? "B" : "A") + proof[^2..];
        Assert.False((await (await host.Anonymous().PostAsJsonAsync("/api/testing/certificates/verify", new { proof = tampered })).JsonAsync()).GetProperty("valid").GetBoolean());

        // The printable certificate: a PDF that a viewer reads, masked, with the round and the tube.
        var pdf = await admin.GetAsync($"/api/testing/certificates/{sampleId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfText = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(cert.GetProperty("maskedName").GetString()!, pdfText);
        Assert.Contains(cert.GetProperty("roundName").GetString()!, pdfText);
        Assert.Contains(cert.GetProperty("tubeBarcode").GetString()!, pdfText);
        Assert.DoesNotContain(people[15].IdNumber, pdfText);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await sampler.GetAsync($"/api/testing/certificates/{sampleId}/pdf")).StatusCode);

        // Coverage counts exactly the persons sampled in the round (re-samples are not extra persons).
        var coverage = await (await admin.GetAsync($"/api/testing/rounds/{roundId}/coverage")).JsonAsync();
        Assert.Equal(16, coverage.GetProperty("total").GetProperty("sampled").GetInt32());
        Assert.Equal(15, coverage.GetProperty("total").GetProperty("resultsOut").GetInt32());

        var efficiency = await (await admin.GetAsync($"/api/testing/rounds/{roundId}/efficiency")).JsonAsync();
        Assert.Equal(16, efficiency.GetProperty("personsSampled").GetInt32());
        Assert.Equal(4, efficiency.GetProperty("tests").GetInt32());
        Assert.Equal(2, efficiency.GetProperty("resampleTubes").GetInt32());

        var turnaround = await (await admin.GetAsync($"/api/testing/rounds/{roundId}/turnaround")).JsonAsync();
        Assert.Equal(4, turnaround.GetProperty("samplingToResult").GetProperty("count").GetInt32());
        Assert.Equal(1.0, turnaround.GetProperty("samplingToResult").GetProperty("withinTargetShare").GetDouble());

        // Close: the missing are flagged and turn yellow; one sampling in a later round clears it.
        var closed = await (await admin.PostAsync($"/api/testing/rounds/{roundId}/close", null)).JsonAsync();
        var residents = round.GetProperty("residents").GetInt32();
        Assert.Equal(residents - 16, closed.GetProperty("missedAtClose").GetInt32());
        var missedId = people[20];
        Assert.Equal((CodeColour.Yellow, CodeRules.MissedRoundRule), await d.CodeAsync(missedId.PersonId));
        var late = await (await sampler.PostAsJsonAsync($"/api/testing/tubes/{pool2}/samples", new { scan = missedId.IdNumber, key = RoundDriver.Key() })).JsonAsync();
        Assert.Equal("TubeClosed", late.GetProperty("code").GetString());

        var round2 = await d.CreateOpenRoundAsync(new { name = "全员核酸第2轮", scope = "City" });
        var r2 = round2.GetProperty("id").GetInt64();
        var (site2, _) = await d.SiteResidentsAsync(r2);
        var tube = RoundDriver.NewTube();
        await d.OpenTubeAsync(r2, site2, tube);
        await d.SampleOkAsync(tube, missedId.IdNumber);
        Assert.Equal((CodeColour.Green, CodeRules.DefaultRule), await d.CodeAsync(missedId.PersonId));
    }

    private static async Task<string> NewPoolAsync(RoundDriver d, long roundId, long siteId)
    {
        var t = RoundDriver.NewTube();
        await d.OpenTubeAsync(roundId, siteId, t);
        return t;
    }
}
