using System.Net;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Testing;

public sealed class FanOutAtomicityTestsSqlite() : FanOutAtomicityTests(StorageProvider.Sqlite);
public sealed class FanOutAtomicityTestsPostgres() : FanOutAtomicityTests(StorageProvider.Postgres);

/// <summary>A lab file is one transaction: a fan-out failing half-way (after results, roster, tasks and colours) writes nothing.</summary>
public abstract class FanOutAtomicityTests(StorageProvider provider)
{
    [Fact]
    public async Task A_fan_out_failing_half_way_writes_nothing_and_the_same_file_then_goes_through_whole()
    {
        await using var host = await CityHost.StartAsync(provider, web: b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(sp => new FailingFollowUp(ActivatorUtilities.CreateInstance<ResultFollowUp>(sp)));
            s.AddSingleton<IResultFollowUp>(sp => sp.GetRequiredService<FailingFollowUp>());
        }));
        var admin = await host.LoginAsync("admin");
        var sampler = await host.LoginAsync("sampler");
        var lab = await host.LoginAsync("lab");
        var d = new RoundDriver(host, admin, sampler, lab);
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var negative = RoundDriver.NewTube();
        var positive = RoundDriver.NewTube();
        foreach (var (tube, members) in new[] { (negative, people.Take(3)), (positive, people.Skip(3).Take(2)) })
        {
            await d.OpenTubeAsync(roundId, siteId, tube);
            foreach (var p in members) await d.SampleOkAsync(tube, p.IdNumber);
            await d.CloseAsync(tube);
        }
        await d.ShipAsync(negative, positive);
        // Ahead of them in the file, more received tubes than one batch of the earlier import held (2,000): a file
        // committed batch by batch would keep these results when the last batch fails.
        var empty = await EmptyReceivedTubesAsync(host, roundId, siteId, 2_500);
        var csv = new StringBuilder("barcode,result\n");
        foreach (var tube in empty) csv.Append(tube).Append(",阴性\n");
        csv.Append(negative).Append(",阴性\n").Append(positive).Append(",阳性\n");
        var before = await CountsAsync(host, roundId);

        var failed = await lab.PostAsync("/api/testing/lab/results/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(1, host.Services.GetRequiredService<FailingFollowUp>().Failures);
        // The failure came after every kind of row was written in the transaction; none of them is left.
        Assert.Equal(before, await CountsAsync(host, roundId));
        await using (var db = host.Db())
            Assert.Equal(0, await db.Tubes.CountAsync(t => t.RoundId == roundId && t.Outcome != null));

        host.Services.GetRequiredService<FailingFollowUp>().Fail = false;
        var ok = await lab.PostAsync("/api/testing/lab/results/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        Assert.Equal(empty.Count + 2, (await ok.JsonAsync()).GetProperty("accepted").GetInt32());
        var after = await CountsAsync(host, roundId);
        // 3 negative results, 5 roster outcomes, 2 re-sampling tasks, 2 members turned yellow with their audit entries.
        Assert.Equal(before with
        {
            Results = before.Results + 3,
            Roster = before.Roster + 5,
            Tasks = before.Tasks + 2,
            ColourChanges = before.ColourChanges + 2,
            Audit = before.Audit + 2,
        }, after);
    }

    /// <summary>Closed tubes with no swab, received at the lab, written straight to the store.</summary>
    private static async Task<List<string>> EmptyReceivedTubesAsync(CityHost host, long roundId, long siteId, int count)
    {
        await using var db = host.Db();
        var sampler = await db.Users.Where(u => u.UserName == "sampler").Select(u => u.Id).SingleAsync();
        var at = host.Time.GetUtcNow().UtcDateTime;
        var tubes = Enumerable.Range(0, count).Select(i => new Tube
        {
            Id = 7_000_000_000 + i,
            RoundId = roundId,
            Barcode = Barcodes.Tube(900_000 + i),
            SiteId = siteId,
            Kind = TubeKind.Pool,
            Capacity = 10,
            OpenedByUserId = sampler,
            OpenedAtUtc = at,
            ClosedAtUtc = at,
            ReceivedAtUtc = at,
            OpenKey = $"atomicity-{i}",
        }).ToList();
        db.Tubes.AddRange(tubes);
        await db.SaveChangesAsync();
        return tubes.Select(t => t.Barcode).ToList();
    }

    private sealed record Counts(int Results, int Roster, int Tasks, int ColourChanges, int Audit);

    private static async Task<Counts> CountsAsync(CityHost host, long roundId)
    {
        await using var db = host.Db();
        return new Counts(await db.TestResults.CountAsync(), await db.RoundResidents.CountAsync(x => x.RoundId == roundId && x.Outcome != null),
            await db.ResampleTasks.CountAsync(), await db.HealthCodeChanges.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>The real follow-up, failing once asked to: it runs last, after the fan-out has written all its rows.</summary>
    public sealed class FailingFollowUp(IResultFollowUp inner) : IResultFollowUp
    {
        public bool Fail { get; set; } = true;
        public int Failures { get; private set; }

        public Task<int> OpenCasesAsync(FangkongDb db, IReadOnlyList<PositiveSample> positives, DateTime now, CancellationToken ct) =>
            inner.OpenCasesAsync(db, positives, now, ct);

        public Task AfterTestsAsync(FangkongDb db, IReadOnlyCollection<long> tested, CancellationToken ct)
        {
            if (!Fail) return inner.AfterTestsAsync(db, tested, ct);
            Failures++;
            throw new InvalidOperationException("A failure injected after the fan-out wrote results, roster, tasks and colours.");
        }
    }
}
