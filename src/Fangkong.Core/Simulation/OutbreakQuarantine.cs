using System.Globalization;
using System.Text;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// A day in quarantine through the use cases: morning check-ins (<see cref="CheckIns"/>: a few missed, a fever for the
/// infected with symptoms — which raises an alert and makes them a case), the day's scheduled tests sampled in single
/// tubes at each site's sampling point (<see cref="SamplingService"/>), boxed, handed over and received at the lab
/// (<see cref="BoxCustody"/>) and resulted in one lab file (<see cref="TubeResults"/>: positive if infected — a case found in
/// quarantine), transfers driven (<see cref="Transfers"/>), and the contacts whose time is served released
/// (<see cref="ContactRelease"/>).
/// </summary>
internal static class OutbreakQuarantine
{
    /// <summary>Share of check-ins forgotten (the missed-check-in alert follows at the cut-off).</summary>
    public const double MissedCheckIns = 0.03;

    /// <summary>Returns (check-ins, alerts).</summary>
    public static async Task<(int CheckIns, int Alerts)> CheckInAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(7, 30);
        List<(long StayId, long PersonId)> stays;
        await using (var db = await w.DbAsync(ct))
            stays = (await db.QuarantineStays.AsNoTracking().Where(s => s.State == QuarantineState.InQuarantine && s.Day1 <= w.Today)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.PersonId }).ToListAsync(ct)).Select(s => (s.Id, s.PersonId)).ToList();
        var checkIns = w.Get<CheckIns>();
        int done = 0, alerts = 0;
        var fevers = new List<Infected>();
        await using (var db = await w.DbAsync(ct))
            foreach (var (stayId, personId) in stays)
            {
                if (w.Rng.NextDouble() < MissedCheckIns) { alerts++; continue; }
                var ill = w.Infections.TryGetValue(personId, out var i) && i.CaseId is null && i.Course.SymptomsOn(i.DayOf(w.Today)) ? i : null;
                var temperature = ill is null ? 36.2m + w.Rng.Next(0, 8) / 10m : 37.6m + w.Rng.Next(0, 12) / 10m;
                var answer = await checkIns.SubmitAsync(db, stayId, new CheckInRequest(temperature, ill is null ? [] : ["fever", "cough"]), MonitoringUser(w, stayId), ct);
                db.ChangeTracker.Clear();
                done++;
                if (answer.Alert != CheckInAlert.None) alerts++;
                if (ill is not null && !fevers.Contains(ill)) fevers.Add(ill);
            }
        foreach (var i in fevers) await OutbreakCases.ReportFeverAsync(w, i, ct);
        return (done, alerts);
    }

    // The medical team's member on duty records each person's check-in (the same one for a stay); without teams, the epidemiologist.
    private static long MonitoringUser(OutbreakWorld w, long stayId) =>
        w.Crew.Pick(Accounts.Roles.Epidemiologist, null, w.City.LocalNow, stayId)?.UserId ?? w.Epidemiologist;

    /// <summary>
    /// Samples at <paramref name="hour"/>, ships and results the scheduled tests due today not yet sampled — in the morning,
    /// and again in the evening for those placed today (day 1 has a test). Returns the tests resulted.
    /// </summary>
    public static async Task<int> TestAsync(OutbreakWorld w, int hour, CancellationToken ct)
    {
        w.At(hour);
        var sampling = w.Get<SamplingService>();
        List<(long PersonId, string Number, long RoundId, long? SiteId)> due;
        Dictionary<(long RoundId, long), long> points;
        await using (var db = await w.DbAsync(ct))
        {
            // A stay's tests, and a tests-only returnee's (no stay: sampled at the standing round's home point, ADR 0039).
            var rows = await (from t in db.ResampleTasks.AsNoTracking()
                              where (t.Reason == SingleTubeReason.QuarantineSchedule || t.Reason == SingleTubeReason.ReturneeSchedule) && t.DueDate == w.Today && t.DoneAtUtc == null
                              join p in db.Persons on t.PersonId equals p.Id
                              where p.DocumentType == DocumentType.ResidentIdCard
                              select new { t.PersonId, p.DocumentNumber, t.RoundId, SiteId = t.AtHome || t.StayId == null ? null : db.QuarantineStays.Where(s => s.Id == t.StayId).Select(s => s.SiteId).FirstOrDefault() })
                .ToListAsync(ct);
            // One swab answers every task of the person that day (two stays, two tasks): sample each person once.
            due = rows.GroupBy(r => r.PersonId).Select(g => g.First()).OrderBy(r => r.SiteId).ThenBy(r => r.PersonId)
                .Select(r => (r.PersonId, r.DocumentNumber, r.RoundId, r.SiteId)).ToList();
            var rounds = due.Select(d => d.RoundId).Distinct().ToList();
            points = (await db.SamplingSites.AsNoTracking().Where(s => rounds.Contains(s.RoundId)).Select(s => new { s.RoundId, s.QuarantineSiteId, s.Id }).ToListAsync(ct))
                .ToDictionary(s => (s.RoundId, s.QuarantineSiteId ?? 0), s => s.Id);
        }
        // A task whose round has no point for it (a standing round without a home point) waits for one: never a crash.
        due = due.Where(d => points.ContainsKey((d.RoundId, d.SiteId ?? 0))).ToList();
        if (due.Count == 0) return 0;

        // A sampler per sampling point, several at once, as at a round's tables.
        var tubes = new System.Collections.Concurrent.ConcurrentBag<(string Barcode, long PersonId, long PointId)>();
        var byPoint = due.GroupBy(d => points[(d.RoundId, d.SiteId ?? 0)]).ToList();
        await Parallel.ForEachAsync(byPoint, new ParallelOptions { MaxDegreeOfParallelism = w.Parallel, CancellationToken = ct }, async (group, token) =>
        {
            await using var db = await w.DbAsync(token);
            var sampler = await w.Crew.SamplerAsync(db, group.Key, w.City.LocalNow, w.Sampler, token);
            foreach (var d in group)
            {
                var barcode = Barcodes.Tube(w.NextSerial());
                await sampling.OpenTubeAsync(db, new OpenTubeRequest(d.RoundId, group.Key, barcode, TubeKind.Resample, null, Key(), null), sampler, token);
                await sampling.AddSampleAsync(db, barcode, new SampleRequest(d.Number, Key(), null), sampler, token);
                db.ChangeTracker.Clear();
                tubes.Add((barcode, d.PersonId, group.Key));
            }
        });

        w.At(hour + 2);
        var custody = w.Get<BoxCustody>();
        await using (var db = await w.DbAsync(ct))
            foreach (var site in tubes.GroupBy(t => t.PointId))
                foreach (var box in site.Chunk(500))
                {
                    var code = Barcodes.Box(w.NextSerial());
                    var barcodes = box.Select(t => t.Barcode).ToList();
                    var packer = await w.Crew.SamplerAsync(db, site.Key, w.City.LocalNow, w.Sampler, ct);
                    await custody.PackAsync(db, new PackRequest(code, barcodes, null), packer, ct);
                    await custody.HandoverAsync(db, code, new HandoverRequest(HandoverStep.Courier, "转运员", barcodes.Count, null), packer, ct);
                    w.At(hour + 3);
                    var lab = w.Lab();
                    await custody.ReceiveAsync(db, new ReceiptRequest(code, barcodes, null), lab.Id, lab.UserName, ct);
                    db.ChangeTracker.Clear();
                }

        w.At(hour + 5);
        var csv = new StringBuilder("barcode,result\n");
        foreach (var t in tubes)
        {
            var positive = w.Infections.TryGetValue(t.PersonId, out var i) && i.Course.PositiveOn(i.DayOf(w.Today));
            csv.Append(t.Barcode).Append(',').Append(positive ? "阳性" : "阴性").Append('\n');
        }
        await using (var db = await w.DbAsync(ct))
        {
            var report = await w.Get<TubeResults>().ImportAsync(db, new StringReader(csv.ToString()), w.Lab().Id, ct);
            if (report.Rejected.Count > 0) throw new InvalidOperationException($"the simulated lab file had {report.Rejected.Count} rejected lines: {report.Rejected[0].Message}");
        }
        return tubes.Count;
    }

    /// <summary>Transfers due today: a vehicle dispatched, then arrived.</summary>
    public static async Task<int> TransferAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(20, 30);
        var transfers = w.Get<Transfers>();
        List<long> due;
        await using (var db = await w.DbAsync(ct))
            due = await db.QuarantineTransfers.AsNoTracking().Where(t => t.State == TransferState.Requested && t.DueDate <= w.Today).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        await using (var db = await w.DbAsync(ct))
            foreach (var id in due)
            {
                var vehicle = string.Create(CultureInfo.InvariantCulture, $"吉D·{10000 + id % 90000}");
                await transfers.StepAsync(db, id, TransferState.Dispatched, new TransferStep(vehicle, null), ct);
                await transfers.StepAsync(db, id, TransferState.Arrived, new TransferStep(null, null), ct);
                db.ChangeTracker.Clear();
            }
        return due.Count;
    }

    /// <summary>Releases, case by case, the confirmed contacts whose stays end today or earlier; returns how many were released.</summary>
    public static async Task<int> ReleaseAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(21);
        List<(long CaseId, long ContactId)> due;
        await using (var db = await w.DbAsync(ct))
            due = (await db.QuarantineStays.AsNoTracking().Where(s => s.State == QuarantineState.InQuarantine && s.ReleaseDate <= w.Today && s.ContactId != null)
                .Select(s => new { s.CaseId, s.ContactId }).ToListAsync(ct)).Select(s => (s.CaseId, s.ContactId!.Value)).ToList();
        var release = w.Get<ContactRelease>();
        var released = 0;
        foreach (var c in due.GroupBy(d => d.CaseId).OrderBy(g => g.Key))
            foreach (var chunk in c.Select(x => x.ContactId).Distinct().Chunk(ContactDecisions.MaxBulk))
            {
                await using var db = await w.DbAsync(ct);
                released += (await release.ReleaseAsync(db, c.Key, new ReleaseRequest(chunk), ct)).Released;
            }
        return released;
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
