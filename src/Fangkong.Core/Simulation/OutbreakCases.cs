using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Cases as the platform learns of them, through <see cref="CaseRegistry"/>: the symptomatic at large at a fever clinic,
/// suspected with their onset until the test confirms them (<see cref="OutbreakSuspected"/>); a few of the rest at road
/// checkpoints; quarantined contacts with a fever at check-in. Each new case is put in a hospital bed
/// (<see cref="OutbreakHospitals"/>), a case found before its symptoms is converted at onset (转确诊) and moved to the
/// designated hospital, and a case ends 10–14 days after its report: discharged or released and driven home, or — a few
/// critical ones — died.
/// </summary>
internal static class OutbreakCases
{
    /// <summary>Chance a day that an infectious person at large is caught by a checkpoint's test (who would not see a clinic).</summary>
    public const double CheckpointPerDay = 0.04;

    // Names and the notes below are data, as an officer would type them: in Chinese only (ADR 0020). The names are
    // recorded as where a case is treated only when neither hospital has a free bed.
    public const string Hospital = "辽源市传染病医院";
    public const string Makeshift = "辽源市方舱医院";

    /// <summary>Fever clinic and checkpoint reports of infections at large; returns (fever clinic, checkpoint).</summary>
    public static async Task<(int Clinic, int Checkpoint)> FindAtLargeAsync(OutbreakWorld w, Dictionary<long, QuarantinePlace> quarantined, CancellationToken ct)
    {
        var registry = w.Get<CaseRegistry>();
        int clinic = 0, checkpoint = 0;
        foreach (var i in w.Infections.Values.Where(i => i.CaseId is null && !quarantined.ContainsKey(i.PersonId)).OrderBy(i => i.PersonId).ToList())
        {
            var k = i.DayOf(w.Today);
            var c = i.Course;
            if (c.Symptomatic && k == c.OnsetDay + c.ClinicDelayDays)
            {
                w.At(10);
                await ReportAsync(w, registry, i, CaseFoundBy.FeverClinic, w.City.ToUtc(w.Today.ToDateTime(new TimeOnly(9, 30))), true, ct);
                clinic++;
            }
            else if (c.PositiveOn(k) && w.Rng.NextDouble() < CheckpointPerDay)
            {
                w.At(11);
                await ReportAsync(w, registry, i, CaseFoundBy.Checkpoint, w.City.ToUtc(w.Today.ToDateTime(new TimeOnly(7, 40))), c.SymptomsOn(k), ct);
                checkpoint++;
            }
        }
        return (clinic, checkpoint);
    }

    /// <summary>A quarantined contact with a fever at check-in: sampled at once, a case found in quarantine.</summary>
    public static async Task ReportFeverAsync(OutbreakWorld w, Infected i, CancellationToken ct)
    {
        w.At(8, 30);
        await ReportAsync(w, w.Get<CaseRegistry>(), i, CaseFoundBy.ContactUnderQuarantine, w.City.ToUtc(w.Today.ToDateTime(new TimeOnly(8, 10))), true, ct);
    }

    private static async Task ReportAsync(OutbreakWorld w, CaseRegistry registry, Infected i, CaseFoundBy by, DateTime sampledUtc, bool symptomatic, CancellationToken ct)
    {
        await using var db = await w.DbAsync(ct);
        var cls = symptomatic && i.Course.Type is { } t ? (CaseClass)(int)t : CaseClass.Asymptomatic;
        // At a fever clinic a patient with symptoms is a suspected case until the test result comes back (the same afternoon).
        var suspected = by == CaseFoundBy.FeverClinic && cls != CaseClass.Asymptomatic;
        if (suspected) cls = CaseClass.Suspected;
        var c = await registry.ReportAsync(db, new NewCase(i.PersonId, cls, by, sampledUtc, Onset(i, cls), null, null), w.Epidemiologist, ct);
        i.CaseId = c.Id;
        i.ReportedOn = w.Today;
        i.Suspected = suspected;
        i.Confirmed = cls is not (CaseClass.Asymptomatic or CaseClass.Suspected);
    }

    private static DateOnly? Onset(Infected i, CaseClass cls) => cls == CaseClass.Asymptomatic ? null : i.Day.AddDays(i.Course.OnsetDay);

    /// <summary>
    /// Links today's new cases (reported here or opened by a positive quarantine test) to their infections, isolates
    /// them — from the start of their quarantine when found in it — and ends their quarantine: they are in hospital now.
    /// Returns today's cases found among contacts under quarantine.
    /// </summary>
    public static async Task<(List<CaseRecord> New, int InQuarantine)> AdmitAsync(OutbreakWorld w, int hour, CancellationToken ct)
    {
        w.At(hour);
        var registry = w.Get<CaseRegistry>();
        List<CaseRecord> today;
        Dictionary<long, DateTime> stayStart;
        List<long> contactsOfCases;
        await using (var db = await w.DbAsync(ct))
        {
            var from = w.DayStartUtc;
            today = (await db.Cases.AsNoTracking().Where(c => c.ReportedAtUtc >= from).OrderBy(c => c.Id).ToListAsync(ct)).Where(c => w.Admitted.Add(c.Id)).ToList();
            var persons = today.Select(c => c.PersonId).ToList();
            var stays = await db.QuarantineStays.AsNoTracking().Where(s => persons.Contains(s.PersonId) && s.State == QuarantineState.InQuarantine)
                .Select(s => new { s.PersonId, s.CreatedAtUtc, s.ContactId }).ToListAsync(ct);
            stayStart = stays.GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => g.Min(s => s.CreatedAtUtc));
            contactsOfCases = stays.Where(s => s.ContactId != null).Select(s => s.ContactId!.Value).ToList();
        }
        var found = 0;
        foreach (var c in today)
        {
            // Every case here is an infected person's (the uninfected suspected were admitted on their report): the simulation knows them all.
            var i = w.Infections[c.PersonId];
            i.CaseId = c.Id;
            i.ReportedOn ??= w.Today;
            if (c.FoundBy == CaseFoundBy.ContactUnderQuarantine) found++;
            var isolated = stayStart.TryGetValue(c.PersonId, out var s) && s < c.ReportedAtUtc ? s : c.ReportedAtUtc;
            await using (var db = await w.DbAsync(ct))
                await registry.UpdateAsync(db, c.Id, new CaseUpdate(null, null, isolated, null, null, null, "模拟疫情：收治"), w.Epidemiologist, ct);
            if (await OutbreakHospitals.AdmitAsync(w, c.Id, c.Class, ct)) continue;
            await using (var db = await w.DbAsync(ct))
                await registry.UpdateAsync(db, c.Id, new CaseUpdate(null, null, null, CaseStatus.InHospital, null, c.Class != CaseClass.Asymptomatic ? Hospital : Makeshift,
                    "模拟疫情：收治，无空床"), w.Epidemiologist, ct);
        }
        if (contactsOfCases.Count > 0)
            await using (var db = await w.DbAsync(ct))
                await StayEnding.EndAsync(db, contactsOfCases, w.Time.GetUtcNow().UtcDateTime, ct);
        return (today, found);
    }

    /// <summary>
    /// Asymptomatic cases whose symptoms began: reclassified with their onset, a conversion, and moved from the Fangcang to
    /// the designated hospital. Returns how many were converted.
    /// </summary>
    public static async Task<int> ConvertAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(16, 30);
        var registry = w.Get<CaseRegistry>();
        var due = w.Infections.Values.Where(i => i.CaseId is not null && !i.Confirmed && !i.Closed && i.Course.Symptomatic && i.DayOf(w.Today) >= i.Course.OnsetDay)
            .OrderBy(i => i.PersonId).ToList();
        foreach (var i in due)
        {
            await using var db = await w.DbAsync(ct);
            await registry.UpdateAsync(db, i.CaseId!.Value, new CaseUpdate((CaseClass)(int)i.Course.Type!.Value, i.Day.AddDays(i.Course.OnsetDay), null, null, null, null,
                "模拟疫情：出现症状，转为确诊"), w.Epidemiologist, ct);
            i.Confirmed = true;
        }
        await OutbreakHospitals.MoveConfirmedAsync(w, [.. due.Select(i => i.CaseId!.Value)], ct);
        return due.Count;
    }

    /// <summary>Cases whose course has run: discharged (confirmed), released (asymptomatic), or died; the recovered driven home. Returns how many.</summary>
    public static async Task<int> CloseAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(21, 30);
        var due = w.Infections.Values.Where(i => i.ReportedOn is { } r && !i.Closed && w.Today.DayNumber - r.DayNumber >= (i.Course.Dies ? i.Course.RecoveryDays / 2 : i.Course.RecoveryDays))
            .OrderBy(i => i.PersonId).ToList();
        foreach (var i in due)
        {
            var status = i.Course.Dies && i.Confirmed ? CaseStatus.Died : i.Confirmed ? CaseStatus.Discharged : CaseStatus.Released;
            await OutbreakHospitals.EndAsync(w, i.CaseId!.Value, status, status == CaseStatus.Died ? "模拟疫情：病亡" : "模拟疫情：治愈", ct);
            i.Closed = true;
        }
        await OutbreakHospitals.ReturnHomeAsync(w, [.. due.Where(i => !(i.Course.Dies && i.Confirmed)).Select(i => i.CaseId!.Value)], ct);
        return due.Count;
    }
}
