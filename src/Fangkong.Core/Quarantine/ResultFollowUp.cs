using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>
/// Testing's <see cref="IResultFollowUp"/>: a positive single tube opens a case (Tracing), and each tested person's
/// results release or upgrade the secondary contacts met through them (<see cref="SecondaryFollowUp"/>, which ends or
/// lengthens quarantines) and release companions (<see cref="Companions"/>). It lives in Quarantine, the highest
/// folder it reaches.
/// </summary>
public sealed class ResultFollowUp(TimeOrderedIds ids, SecondaryFollowUp secondaries, Companions companions, ICaseZones zones) : IResultFollowUp
{
    public async Task<int> OpenCasesAsync(FangkongDb db, IReadOnlyList<PositiveSample> positives, DateTime now, CancellationToken ct)
    {
        var known = (await db.Cases.Where(c => positives.Select(p => p.PersonId).Contains(c.PersonId)).Select(c => c.PersonId).ToListAsync(ct)).ToHashSet();
        var districts = await PersonDirectory.DistrictsAsync(db, positives.Select(p => p.PersonId).ToList(), ct);
        var opened = new List<long>();
        foreach (var p in positives.Where(p => known.Add(p.PersonId)))
        {
            var id = ids.Next();
            opened.Add(id);
            db.Cases.Add(new CaseRecord
            {
                Id = id,
                PersonId = p.PersonId,
                FirstPositiveSampledAtUtc = p.SampledAtUtc,
                ReportedAtUtc = now,
                RoundId = p.RoundId,
                TubeId = p.TubeId,
                FoundBy = p.FoundBy,
                DistrictCode = districts.GetValueOrDefault(p.PersonId),
            });
        }
        if (opened.Count == 0) return 0;
        // Saved with the results that found them, then followed up in zones (a controlled zone with a positive inside is sealed).
        await db.SaveChangesAsync(ct);
        await zones.OnCasesAsync(db, opened, null, ct);
        return opened.Count;
    }

    public async Task AfterTestsAsync(FangkongDb db, IReadOnlyCollection<long> tested, CancellationToken ct)
    {
        await secondaries.ApplyAsync(db, tested, ct);
        await companions.ReleaseTestedAsync(db, tested, ct);
    }
}
