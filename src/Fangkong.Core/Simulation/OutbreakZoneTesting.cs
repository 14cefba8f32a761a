using System.Text;
using Fangkong.Core.Testing;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>A tube of a zone round on its way to the lab: its round and site, and whom it holds.</summary>
internal sealed record ZoneTube(string Barcode, long RoundId, long SiteId, IReadOnlyList<long> Persons);

/// <summary>
/// The zone rounds ordered today (<see cref="Zones.ZoneTestRounds"/>), sampled through the sampler's own use cases:
/// everyone living in the zone — not in centralized quarantine, not a case in care — is swabbed once a day (a resident
/// of a sealed compound in a controlled community is in two of a zone's first day's rounds). Sealed households at their
/// door, a tube per household (a key-group member alone), by a team per compound going down the door-to-door list
/// (<see cref="DoorTasks.ListAsync"/>: households with a special group first); the others at their community's site in
/// pools. Teams and tables work at once, each swab stamped with its time on the device. The tubes are boxed, handed
/// over and received at the lab, and later resulted in one lab file (positive when a member is infected and not yet
/// recovered); a positive pool's members are re-sampled in single tubes and resulted at once, so a round is whole the
/// same day.
/// </summary>
internal static class OutbreakZoneTesting
{
    /// <summary>How long the door-to-door teams take over their households (a household takes 5 s to 3 min).</summary>
    private static readonly TimeSpan DoorWindow = TimeSpan.FromMinutes(40);

    private sealed record Resident(long RoundId, long PersonId, string Number, long SiteId, long CompoundId, bool AtHome, bool KeyGroup, long HouseholdId);

    /// <summary>Samples, boxes and hands to the lab today's open zone rounds from <paramref name="hour"/>; returns the tubes.</summary>
    public static async Task<List<ZoneTube>> SampleAsync(OutbreakWorld w, int hour, int minute, CancellationToken ct)
    {
        w.At(hour, minute);
        var start = w.Time.GetUtcNow().UtcDateTime;
        List<Resident> due;
        Dictionary<long, int> poolSize;
        Dictionary<long, List<DoorTaskView>> doors = [];
        await using (var db = await w.DbAsync(ct))
        {
            var dayStart = w.DayStartUtc;
            var rounds = await db.TestingRounds.AsNoTracking().Where(r => r.Scope == RoundScope.Zones && r.CreatedAtUtc >= dayStart)
                .Select(r => new { r.Id, r.PoolSize, r.Status }).ToListAsync(ct);
            var open = rounds.Where(r => r.Status == RoundStatus.Open).Select(r => r.Id).ToList();
            if (open.Count == 0) return [];
            poolSize = rounds.ToDictionary(r => r.Id, r => r.PoolSize);
            var todays = rounds.Select(r => r.Id).ToList();
            due = [.. (await (from x in db.RoundResidents
                              where open.Contains(x.RoundId) && x.SampledAtUtc == null
                              join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                              join p in db.Persons on x.PersonId equals p.Id
                              where p.DocumentType == DocumentType.ResidentIdCard
                              // Not there to swab: at a quarantine site, or a case in hospital (or dead).
                              && !db.QuarantineStays.Any(s => s.PersonId == p.Id && s.State == QuarantineState.InQuarantine && s.Place == QuarantinePlace.Centralized)
                              && !db.Cases.Any(c => c.PersonId == p.Id && (c.Status == CaseStatus.Reported || c.Status == CaseStatus.InHospital || c.Status == CaseStatus.Died))
                              // Swabbed today in another zone's round already.
                              && !db.RoundResidents.Any(y => y.PersonId == x.PersonId && todays.Contains(y.RoundId) && y.SampledAtUtc != null)
                              orderby x.RoundId, x.PersonId
                              select new Resident(x.RoundId, x.PersonId, p.DocumentNumber, sc.SiteId, x.CompoundId, x.AtHome, x.KeyGroup, x.HouseholdId)).ToListAsync(ct))
                .DistinctBy(r => r.PersonId)];
            foreach (var round in due.Where(r => r.AtHome).Select(r => r.RoundId).Distinct())
                doors[round] = await DoorListAsync(w, db, round, ct);
        }
        if (due.Count == 0) return [];

        // The teams' work: a site's tables (pools, single tubes for key groups), or a compound's doors in the list's order.
        var work = new List<List<(DateTime At, long RoundId, long SiteId, TubeKind Kind, long? DoorTask, List<Resident> People)>>();
        foreach (var site in due.Where(r => !r.AtHome).GroupBy(r => (r.RoundId, r.SiteId)))
            work.Add([.. site.Where(r => !r.KeyGroup).Chunk(poolSize[site.Key.RoundId]).Select(c => (start, site.Key.RoundId, site.Key.SiteId, TubeKind.Pool, (long?)null, c.ToList())),
                .. site.Where(r => r.KeyGroup).Select(r => (start, r.RoundId, r.SiteId, TubeKind.OnePerson, (long?)null, new List<Resident> { r }))]);
        var homes = due.Where(r => r.AtHome).ToLookup(r => (r.RoundId, r.HouseholdId));
        var teams = doors.SelectMany(d => d.Value.Where(t => homes.Contains((d.Key, t.HouseholdId))).Select(t => (Round: d.Key, Task: t, Members: homes[(d.Key, t.HouseholdId)].ToList())))
            .GroupBy(v => (v.Round, v.Members[0].CompoundId)).ToList();
        var step = TimeSpan.FromTicks(Math.Clamp(DoorWindow.Ticks / Math.Max(1, teams.Select(t => t.Count()).DefaultIfEmpty().Max()),
            TimeSpan.FromSeconds(5).Ticks, TimeSpan.FromMinutes(3).Ticks));
        foreach (var team in teams)
        {
            var visits = new List<(DateTime, long, long, TubeKind, long?, List<Resident>)>();
            var at = start;
            foreach (var (round, task, members) in team)
            {
                if (members.Where(m => !m.KeyGroup).ToList() is { Count: > 0 } household) visits.Add((at, round, members[0].SiteId, TubeKind.Household, task.Id, household));
                visits.AddRange(members.Where(m => m.KeyGroup).Select(m => (at, round, m.SiteId, TubeKind.OnePerson, (long?)task.Id, new List<Resident> { m })));
                at += step;
            }
            work.Add(visits);
        }

        // Swabs carry their time on the device; the clock stands at the end of the work.
        w.Time.Set(start + DoorWindow);
        var sampling = w.Get<SamplingService>();
        var tubes = new System.Collections.Concurrent.ConcurrentBag<ZoneTube>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = w.Parallel, CancellationToken = ct }, async (list, token) =>
        {
            await using var db = await w.DbAsync(token);
            foreach (var (at, round, site, kind, task, people) in list)
                tubes.Add(await SwabAsync(w, sampling, db, round, site, kind, task, people, at, kind == TubeKind.OnePerson ? 1 : kind == TubeKind.Pool ? poolSize[round] : poolSize[round] * 2, token));
        });

        w.Time.Set(w.Time.GetUtcNow().UtcDateTime.AddMinutes(10));
        await ShipAsync(w, [.. tubes], ct);
        return [.. tubes];
    }

    /// <summary>
    /// Results the tubes in one lab file at <paramref name="hour"/>, then re-samples the members of positive pools in single
    /// tubes and results those; returns the swabs resulted (the re-samples included).
    /// </summary>
    public static async Task<int> ResultAsync(OutbreakWorld w, List<ZoneTube> tubes, int hour, int minute, CancellationToken ct)
    {
        if (tubes.Count == 0) return 0;
        w.At(hour, minute);
        await LabAsync(w, tubes, ct);

        // Re-sampling: each member of a positive pool (a household tube too), alone, at their site.
        w.Time.Set(w.Time.GetUtcNow().UtcDateTime.AddMinutes(10));
        var rounds = tubes.Select(t => t.RoundId).Distinct().ToList();
        List<Resident> again;
        await using (var db = await w.DbAsync(ct))
            again = (await (from t in db.ResampleTasks.AsNoTracking()
                            where rounds.Contains(t.RoundId) && t.Reason == SingleTubeReason.PositivePool && t.DoneAtUtc == null
                            join x in db.RoundResidents on new { t.RoundId, t.PersonId } equals new { x.RoundId, x.PersonId }
                            join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                            join p in db.Persons on t.PersonId equals p.Id
                            orderby t.Id
                            select new Resident(t.RoundId, t.PersonId, p.DocumentNumber, sc.SiteId, x.CompoundId, x.AtHome, x.KeyGroup, x.HouseholdId)).ToListAsync(ct));
        var singles = new List<ZoneTube>();
        if (again.Count > 0)
        {
            var sampling = w.Get<SamplingService>();
            var at = w.Time.GetUtcNow().UtcDateTime;
            await using (var db = await w.DbAsync(ct))
                foreach (var r in again.DistinctBy(r => r.PersonId))
                    singles.Add(await SwabAsync(w, sampling, db, r.RoundId, r.SiteId, TubeKind.Resample, null, [r], at, 1, ct));
            w.Time.Set(w.Time.GetUtcNow().UtcDateTime.AddMinutes(10));
            await ShipAsync(w, singles, ct);
            w.Time.Set(w.Time.GetUtcNow().UtcDateTime.AddMinutes(10));
            await LabAsync(w, singles, ct);
        }
        return tubes.Sum(t => t.Persons.Count) + singles.Count;
    }

    /// <summary>The round's door-to-door list as a sampler's phone pages through it: households with a special group first.</summary>
    private static async Task<List<DoorTaskView>> DoorListAsync(OutbreakWorld w, Data.FangkongDb db, long roundId, CancellationToken ct)
    {
        var doors = w.Get<DoorTasks>();
        var all = new List<DoorTaskView>();
        for (var page = 1; ; page++)
        {
            var p = await doors.ListAsync(db, roundId, new DoorTaskFilter(null, null, false, page, 500), ct);
            all.AddRange(p.Items);
            if (p.Items.Count == 0 || all.Count >= p.Total) return all;
        }
    }

    private static async Task<ZoneTube> SwabAsync(OutbreakWorld w, SamplingService sampling, Data.FangkongDb db, long roundId, long siteId, TubeKind kind, long? doorTask,
        List<Resident> people, DateTime at, int capacity, CancellationToken ct)
    {
        var barcode = Barcodes.Tube(w.NextSerial());
        // The site's district's sampling team, the member on duty at the swab's time.
        var sampler = await w.Crew.SamplerAsync(db, siteId, w.City.ToLocal(at), w.Sampler, ct);
        await sampling.OpenTubeAsync(db, new OpenTubeRequest(roundId, siteId, barcode, kind, doorTask, Key(), at), sampler, ct);
        foreach (var p in people)
            await sampling.AddSampleAsync(db, barcode, new SampleRequest(p.Number, Key(), at), sampler, ct);
        if (people.Count < capacity)
            await sampling.CloseTubeAsync(db, barcode, new CloseTubeRequest(Key(), at), sampler, ct);
        db.ChangeTracker.Clear();
        return new ZoneTube(barcode, roundId, siteId, [.. people.Select(p => p.PersonId)]);
    }

    private static async Task ShipAsync(OutbreakWorld w, List<ZoneTube> tubes, CancellationToken ct)
    {
        var custody = w.Get<BoxCustody>();
        await using var db = await w.DbAsync(ct);
        foreach (var site in tubes.GroupBy(t => (t.RoundId, t.SiteId)))
            foreach (var box in site.Chunk(500))
            {
                var code = Barcodes.Box(w.NextSerial());
                var barcodes = box.Select(t => t.Barcode).ToList();
                var packer = await w.Crew.SamplerAsync(db, site.Key.SiteId, w.City.LocalNow, w.Sampler, ct);
                await custody.PackAsync(db, new PackRequest(code, barcodes, null), packer, ct);
                await custody.HandoverAsync(db, code, new HandoverRequest(HandoverStep.Courier, "转运员", barcodes.Count, null), packer, ct);
                var lab = w.Lab();
                await custody.ReceiveAsync(db, new ReceiptRequest(code, barcodes, null), lab.Id, lab.UserName, ct);
                db.ChangeTracker.Clear();
            }
    }

    private static async Task LabAsync(OutbreakWorld w, List<ZoneTube> tubes, CancellationToken ct)
    {
        var csv = new StringBuilder("barcode,result\n");
        foreach (var t in tubes) csv.Append(t.Barcode).Append(',').Append(t.Persons.Any(p => Positive(w, p)) ? "阳性" : "阴性").Append('\n');
        await using var db = await w.DbAsync(ct);
        var report = await w.Get<TubeResults>().ImportAsync(db, new StringReader(csv.ToString()), w.Lab().Id, ct);
        if (report.Rejected.Count > 0) throw new InvalidOperationException($"the simulated lab file had {report.Rejected.Count} rejected lines: {report.Rejected[0].Message}");
        // A positive single tube opened a case: the infection knows it at once (no clinic reports it again today).
        var persons = tubes.SelectMany(t => t.Persons).Where(p => Positive(w, p) && w.Infections[p].CaseId is null).ToList();
        var dayStart = w.DayStartUtc;
        foreach (var c in await db.Cases.AsNoTracking().Where(c => persons.Contains(c.PersonId) && c.ReportedAtUtc >= dayStart).Select(c => new { c.PersonId, c.Id }).ToListAsync(ct))
            w.Infections[c.PersonId].CaseId = c.Id;
    }

    // A recovered case was discharged on negative tests: it tests negative at home.
    private static bool Positive(OutbreakWorld w, long personId) =>
        w.Infections.TryGetValue(personId, out var i) && !i.Closed && i.Course.PositiveOn(i.DayOf(w.Today));

    private static string Key() => Guid.NewGuid().ToString("N");
}
