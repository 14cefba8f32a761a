using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Simulation;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Suspected cases (疑似病例) through <see cref="CaseRegistry"/>, as a city's fever clinics report them: the infected who
/// come with symptoms are suspected until their test comes back positive the same afternoon (confirmed, the conversion
/// counted), and residents with a fever who are not infected (<see cref="FeverClinicVisits"/>) are suspected, isolated
/// at the designated hospital, and excluded a day later by a second negative test.
/// </summary>
internal static class OutbreakSuspected
{
    /// <summary>Today's uninfected fever clinic patients reported as suspected and isolated. Returns how many.</summary>
    public static async Task<int> ReportAsync(OutbreakWorld w, Dictionary<long, QuarantinePlace> quarantined, CancellationToken ct)
    {
        var wanted = FeverClinicVisits.Draw(FeverClinicVisits.SuspectedPerDay(w.Residents.Count), w.Rng.NextDouble);
        var registry = w.Get<CaseRegistry>();
        var reported = 0;
        // A few tries per patient: someone infected, in quarantine or already a case is not this kind of patient.
        for (var tries = 0; reported < wanted && tries < wanted * 5 && w.Residents.Count > 0; tries++)
        {
            var person = w.Residents[w.Rng.Next(w.Residents.Count)];
            if (w.Infections.ContainsKey(person) || quarantined.ContainsKey(person) || !w.SuspectedPersons.Add(person)) continue;
            w.At(10, 20);
            CaseRecord c;
            await using (var db = await w.DbAsync(ct))
                c = await registry.ReportAsync(db, new NewCase(person, CaseClass.Suspected, CaseFoundBy.FeverClinic,
                    w.City.ToUtc(w.Today.ToDateTime(new TimeOnly(9, 40))), w.Today.AddDays(-1), null, null), w.Epidemiologist, ct);
            w.Suspects[c.Id] = (person, w.Today);
            w.Admitted.Add(c.Id);
            await OutbreakHospitals.AdmitAsync(w, c.Id, CaseClass.Suspected, ct);
            reported++;
        }
        return reported;
    }

    /// <summary>The infected suspected this morning, confirmed with their clinical type when the test is positive. Returns how many.</summary>
    public static async Task<int> ConfirmAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(14);
        var registry = w.Get<CaseRegistry>();
        var due = w.Infections.Values.Where(i => i.Suspected && i.CaseId is not null).OrderBy(i => i.PersonId).ToList();
        foreach (var i in due)
        {
            await using var db = await w.DbAsync(ct);
            await registry.UpdateAsync(db, i.CaseId!.Value, new CaseUpdate((CaseClass)(int)i.Course.Type!.Value, i.Day.AddDays(i.Course.OnsetDay), null, null, null, null,
                "模拟疫情：核酸检测阳性，疑似病例确诊"), w.Epidemiologist, ct);
            i.Suspected = false;
            i.Confirmed = true;
        }
        return due.Count;
    }

    /// <summary>The uninfected suspected whose second negative test is in: excluded, their bed given up. Returns how many.</summary>
    public static async Task<int> ExcludeAsync(OutbreakWorld w, CancellationToken ct)
    {
        w.At(12);
        var due = w.Suspects.Where(s => w.Today.DayNumber - s.Value.Reported.DayNumber >= FeverClinicVisits.ExclusionDays).Select(s => s.Key).Order().ToList();
        foreach (var caseId in due)
        {
            await OutbreakHospitals.EndAsync(w, caseId, CaseStatus.Excluded, "模拟疫情：两次核酸检测阴性，排除疑似", ct);
            w.Suspects.Remove(caseId);
        }
        return due.Count;
    }
}
