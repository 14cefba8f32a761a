using System.Net;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Testing;

public sealed class SamplingGroupTestsSqlite() : SamplingGroupTests(StorageProvider.Sqlite);
public sealed class SamplingGroupTestsPostgres() : SamplingGroupTests(StorageProvider.Postgres);

/// <summary>
/// The tables' calls are grouped into one transaction (ADR 0035). A group whose write fails half-way (its tubes counted and
/// other swabs inserted, then one swab refused by the store) rolls back whole and answers nobody from it; each call is then
/// decided alone, so only the swab the store refuses goes unanswered — and unwritten, uncounted, unstamped.
/// </summary>
public abstract class SamplingGroupTests(StorageProvider provider)
{
    private const string Poisoned = "poisoned-swab-0007";

    [Fact]
    public async Task A_group_failing_half_way_writes_nothing_and_acknowledges_nothing_then_its_good_swabs_are_written_alone()
    {
        const int swabs = 32, poisoned = 7, tubeCount = 4;
        await using var host = await CityHost.StartAsync(provider);
        var sampler = await host.LoginAsync("sampler");
        var d = new RoundDriver(host, await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        Assert.True(people.Count >= swabs, $"the site has {people.Count} residents");
        var tubes = Enumerable.Range(0, tubeCount).Select(_ => RoundDriver.NewTube()).ToArray();
        foreach (var t in tubes) await d.OpenTubeAsync(roundId, siteId, t);
        long userId;
        await using (var db = host.Db())
        {
            userId = await db.Users.Where(u => u.UserName == "sampler").Select(u => u.Id).SingleAsync();
            // The store refuses one swab after its group's other rows are in: the group fails half-way through its writes.
            await db.Database.ExecuteSqlRawAsync(provider == StorageProvider.Sqlite
                ? $"CREATE TRIGGER poison BEFORE INSERT ON samples WHEN NEW.\"IdempotencyKey\" = '{Poisoned}' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;"
                : $"CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF NEW.\"IdempotencyKey\" = '{Poisoned}' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; " +
                  "CREATE TRIGGER poison BEFORE INSERT ON samples FOR EACH ROW EXECUTE FUNCTION poison();");
        }
        var sampling = host.Services.GetRequiredService<SamplingService>();
        var queue = host.Services.GetRequiredService<SamplingQueue>();
        var batchesBefore = queue.Batches;
        var answers = await Task.WhenAll(Enumerable.Range(0, swabs).Select(i => Task.Run(async () =>
        {
            try
            {
                return await sampling.AddSampleQueuedAsync(tubes[i % tubeCount], new SampleRequest(people[i].IdNumber, i == poisoned ? Poisoned : $"group-swab-{i:D4}", null), userId, default);
            }
            catch (DbUpdateException) { return null; }
            catch (System.Data.Common.DbException) { return null; }
        })));

        Assert.Null(answers[poisoned]);
        Assert.All(answers.Where((_, i) => i != poisoned), a => Assert.False(a!.Replayed));
        Assert.True(queue.Batches - batchesBefore < swabs, "swabs should have been committed in groups");
        await using var check = host.Db();
        // Every answer is a row, and nothing of the refused swab is: not its sample, its tube's count or its roster stamp.
        var written = await check.Samples.Where(s => s.RoundId == roundId).Select(s => s.Id).ToListAsync();
        Assert.Equal(answers.Where(a => a is not null).Select(a => a!.SampleId).Order(), written.Order());
        Assert.Equal(swabs - 1, await check.Tubes.Where(t => tubes.Contains(t.Barcode)).SumAsync(t => t.Count));
        Assert.Equal(swabs / tubeCount - 1, (await check.Tubes.SingleAsync(t => t.Barcode == tubes[poisoned % tubeCount])).Count);
        Assert.Equal(swabs - 1, await check.RoundResidents.CountAsync(x => x.RoundId == roundId && x.SampledAtUtc != null));
        Assert.Null((await check.RoundResidents.SingleAsync(x => x.RoundId == roundId && x.PersonId == people[poisoned].PersonId)).SampledAtUtc);

        // The refused swab, sent again once the store takes it, is written once; the others, sent again, are replays.
        await check.Database.ExecuteSqlRawAsync(provider == StorageProvider.Sqlite ? "DROP TRIGGER poison" : "DROP TRIGGER poison ON samples");
        var retried = await d.SampleAsync(tubes[poisoned % tubeCount], people[poisoned].IdNumber, Poisoned);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var again = await sampling.AddSampleQueuedAsync(tubes[0], new SampleRequest(people[0].IdNumber, "group-swab-0000", null), userId, default);
        Assert.True(again.Replayed);
        Assert.Equal(answers[0]!.SampleId, again.SampleId);
        Assert.Equal(swabs, await check.Samples.CountAsync(s => s.RoundId == roundId));
    }

    [Fact]
    public async Task Swabs_grouped_from_two_tables_see_each_other_a_person_swabbed_at_one_table_is_refused_at_the_other()
    {
        await using var host = await CityHost.StartAsync(provider);
        var sampler = await host.LoginAsync("sampler");
        var sampler2 = await host.LoginAsync("sampler2");
        var d = new RoundDriver(host, await host.LoginAsync("admin"), sampler, await host.LoginAsync("lab"));
        var roundId = (await d.CreateOpenRoundAsync()).GetProperty("id").GetInt64();
        var (siteId, people) = await d.SiteResidentsAsync(roundId);
        var (one, two) = (RoundDriver.NewTube(), RoundDriver.NewTube());
        await d.OpenTubeAsync(roundId, siteId, one);
        await d.OpenTubeAsync(roundId, siteId, two, as_: sampler2);

        // The same five persons scanned at both tables at once: each is swabbed once, at one table or the other.
        var calls = people.Take(5).SelectMany(p => new[] { d.SampleAsync(one, p.IdNumber), d.SampleAsync(two, p.IdNumber, as_: sampler2) });
        var answers = await Task.WhenAll(calls);
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = host.Db();
        Assert.Equal(5, await db.Samples.CountAsync(s => s.RoundId == roundId));
        Assert.Equal(5, await db.Tubes.Where(t => t.Barcode == one || t.Barcode == two).SumAsync(t => t.Count));
    }
}
