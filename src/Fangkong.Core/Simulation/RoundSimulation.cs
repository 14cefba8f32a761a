using System.Diagnostics;
using System.Text;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

public sealed record SimulationOptions(int Residents = 50_000, double Prevalence = 0.002, int Samplers = 4, int Seed = 20220405);

public sealed record SimulationPhase(string Name, long Items, TimeSpan Elapsed)
{
    public double PerSecond => Items / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

public sealed record SimulationReport(long RoundId, int Residents, int Sampled, int Tubes, int Tests, int PositivePools, int Cases, int Missed,
    EfficiencyView Efficiency, IReadOnlyList<SimulationPhase> Phases);

/// <summary>
/// Runs a complete round over the stored city through the same use cases the API calls: plan, swab everybody at
/// their site (several samplers in parallel) or at home, pack and hand over boxes, receive them at the lab by scan,
/// import the lab's results, re-sample positive pools in single tubes, and close. Infections are drawn at the
/// given prevalence; the round must find exactly them.
/// </summary>
public sealed class RoundSimulation(IDbContextFactory<FangkongDb> dbs, RoundPlanner planner, SamplingService sampling, BoxCustody custody,
    TubeResults results, RoundClosing closing, CityClock clock)
{
    private long _serial;

    public async Task<SimulationReport> RunAsync(SimulationOptions o, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var phases = new List<SimulationPhase>();
        var watch = Stopwatch.StartNew();
        long userId;
        TestingRound round;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            userId = await db.Users.Where(u => u.Role == Accounts.Roles.Sampler).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (userId == 0) throw new InvalidOperationException("no sampler account: seed the demo city first (fangkong seed)");
            _serial = (await db.Tubes.CountAsync(ct) + await db.Boxes.CountAsync(ct)) * 10 + clock.UtcNow.Ticks % 1_000_000 * 1000;
            round = await planner.CreateAsync(db, new RoundRequest($"模拟全员核酸 {clock.LocalNow:MM-dd HH:mm}", RoundScope.City, [], clock.UtcNow), userId, ct);
            await planner.OpenAsync(db, round.Id, ct);
        }
        phases.Add(new("plan", round.Residents, watch.Elapsed));

        var rng = new Random(o.Seed);
        List<(long PersonId, string Number, long SiteId, bool AtHome, bool KeyGroup, long HouseholdId)> roster;
        Dictionary<long, long> doorTaskByHousehold;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            roster = (await (from x in db.RoundResidents.AsNoTracking()
                             where x.RoundId == round.Id
                             join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                             join p in db.Persons on x.PersonId equals p.Id
                             orderby sc.SiteId, x.UnitId, x.PersonId
                             select new { x.PersonId, p.DocumentNumber, sc.SiteId, x.AtHome, x.KeyGroup, x.HouseholdId }).ToListAsync(ct))
                .Select(r => (r.PersonId, r.DocumentNumber, r.SiteId, r.AtHome, r.KeyGroup, r.HouseholdId)).ToList();
            doorTaskByHousehold = await db.DoorTasks.Where(t => t.RoundId == round.Id).ToDictionaryAsync(t => t.HouseholdId, t => t.Id, ct);
        }
        // A few residents are away and miss the round, so the close has someone to flag.
        var present = roster.Where(_ => rng.NextDouble() >= 0.005).ToList();
        var infected = present.Where(_ => rng.NextDouble() < o.Prevalence).Select(r => r.PersonId).ToHashSet();

        // Sampling: each sampler takes whole sites; pools of N, single tubes for key groups, a tube per household at home.
        watch.Restart();
        var tubes = new System.Collections.Concurrent.ConcurrentBag<(string Barcode, long SiteId, List<long> Persons)>();
        long done = 0;
        var bySite = present.GroupBy(r => r.SiteId).ToList();
        await Parallel.ForEachAsync(bySite, new ParallelOptions { MaxDegreeOfParallelism = o.Samplers, CancellationToken = ct }, async (site, token) =>
        {
            await using var db = await dbs.CreateDbContextAsync(token);
            var groups = new List<(TubeKind Kind, long? Task, List<(long PersonId, string Number, long SiteId, bool AtHome, bool KeyGroup, long HouseholdId)> People)>();
            groups.AddRange(site.Where(r => !r.AtHome && !r.KeyGroup).Chunk(round.PoolSize).Select(c => (TubeKind.Pool, (long?)null, c.ToList())));
            groups.AddRange(site.Where(r => !r.AtHome && r.KeyGroup).Select(r => (TubeKind.OnePerson, (long?)null, new List<(long, string, long, bool, bool, long)> { r })));
            groups.AddRange(site.Where(r => r.AtHome).GroupBy(r => r.HouseholdId)
                .Select(h => (TubeKind.Household, (long?)doorTaskByHousehold.GetValueOrDefault(h.Key), h.ToList())));
            foreach (var (kind, task, people) in groups)
            {
                var barcode = Barcodes.Tube(Interlocked.Increment(ref _serial));
                await sampling.OpenTubeAsync(db, new OpenTubeRequest(round.Id, site.Key, barcode, kind, task, Guid.NewGuid().ToString("N"), null), userId, token);
                foreach (var p in people)
                    await sampling.AddSampleAsync(db, barcode, new SampleRequest(p.Number, Guid.NewGuid().ToString("N"), null), userId, token);
                if (people.Count < FanOut.Capacity(kind, round.Policy))
                    await sampling.CloseTubeAsync(db, barcode, new CloseTubeRequest(Guid.NewGuid().ToString("N"), null), userId, token);
                tubes.Add((barcode, site.Key, people.Select(p => p.PersonId).ToList()));
                progress?.Report(new SeedProgress("sampling", Interlocked.Add(ref done, people.Count), present.Count));
            }
        });
        phases.Add(new("sampling", present.Count, watch.Elapsed));

        await ShipAndTestAsync(tubes.ToList(), infected, userId, phases, progress, ct);

        // Re-sampling: every member of a positive pool, alone, in a single tube.
        watch.Restart();
        List<long> resample;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            resample = await db.ResampleTasks.Where(t => t.RoundId == round.Id && t.DoneAtUtc == null).Select(t => t.PersonId).ToListAsync(ct);
        var numbers = roster.ToDictionary(r => r.PersonId, r => (r.Number, r.SiteId));
        var singles = new List<(string Barcode, long SiteId, List<long> Persons)>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
            foreach (var personId in resample)
            {
                var barcode = Barcodes.Tube(Interlocked.Increment(ref _serial));
                var (number, siteId) = numbers[personId];
                await sampling.OpenTubeAsync(db, new OpenTubeRequest(round.Id, siteId, barcode, TubeKind.Resample, null, Guid.NewGuid().ToString("N"), null), userId, ct);
                await sampling.AddSampleAsync(db, barcode, new SampleRequest(number, Guid.NewGuid().ToString("N"), null), userId, ct);
                singles.Add((barcode, siteId, [personId]));
            }
        phases.Add(new("re-sampling", resample.Count, watch.Elapsed));
        if (singles.Count > 0) await ShipAndTestAsync(singles, infected, userId, phases, progress, ct, "re-test");

        watch.Restart();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var closed = await closing.CloseAsync(db, round.Id, ct);
            phases.Add(new("close", closed.MissedAtClose, watch.Elapsed));
            var efficiency = await RoundQuality.EfficiencyAsync(db, round.Id, ct);
            var cases = await db.Cases.CountAsync(c => c.RoundId == round.Id, ct);
            return new SimulationReport(round.Id, round.Residents, present.Count, efficiency.Tubes, efficiency.Tests, efficiency.PositivePools, cases,
                closed.MissedAtClose, efficiency, phases);
        }
    }

    private async Task ShipAndTestAsync(List<(string Barcode, long SiteId, List<long> Persons)> tubes, HashSet<long> infected, long userId,
        List<SimulationPhase> phases, IProgress<SeedProgress>? progress, CancellationToken ct, string label = "lab")
    {
        var watch = Stopwatch.StartNew();
        await using (var db = await dbs.CreateDbContextAsync(ct))
            foreach (var site in tubes.GroupBy(t => t.SiteId))
                foreach (var box in site.Chunk(200))
                {
                    var code = Barcodes.Box(Interlocked.Increment(ref _serial));
                    var barcodes = box.Select(t => t.Barcode).ToList();
                    await custody.PackAsync(db, new PackRequest(code, barcodes, null), userId, ct);
                    await custody.HandoverAsync(db, code, new HandoverRequest(HandoverStep.Courier, "转运员", barcodes.Count, null), userId, ct);
                    await custody.ReceiveAsync(db, new ReceiptRequest(code, barcodes, null), userId, "lab", ct);
                }
        phases.Add(new($"{label}: pack, hand over, receive", tubes.Count, watch.Elapsed));

        watch.Restart();
        var csv = new StringBuilder("barcode,result\n");
        foreach (var t in tubes) csv.Append(t.Barcode).Append(',').Append(t.Persons.Any(infected.Contains) ? "阳性" : "阴性").Append('\n');
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var report = await results.ImportAsync(db, new StringReader(csv.ToString()), userId, ct);
            if (report.Rejected.Count > 0) throw new InvalidOperationException($"the lab file had {report.Rejected.Count} rejected lines: {report.Rejected[0].Message}");
        }
        phases.Add(new($"{label}: results and fan-out", tubes.Count, watch.Elapsed));
        progress?.Report(new SeedProgress(label, tubes.Count, tubes.Count));
    }
}
