using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>A returnee the review left under the measure, and why.</summary>
public sealed record ReturneeWaiting(long Id, string Number, string Reason);

public sealed record ReturneeReview(int Released, int BecameCases, IReadOnlyList<ReturneeWaiting> Waiting);

/// <summary>
/// Ends returnees' measures by the rule (ADR 0039): released when the days are over and every test day's sample was
/// negative (tests only: once every test is negative), the stay ended and its room freed, the tests not yet sampled
/// dropped; a positive test makes the returnee a case — the case itself was opened by the result's fan-out, as any
/// positive single tube's is. Run on demand (an officer, the simulation's day) over the caller's area.
/// </summary>
public sealed class ReturneeRelease(CityClock clock, ReturneeStays stays, ICodeRecompute codes)
{
    public async Task<ReturneeReview> ReviewAsync(FangkongDb db, IReadOnlyCollection<long>? ids, CancellationToken ct)
    {
        var today = clock.Today;
        var q = db.Returnees.Where(r => r.State == ReturneeState.UnderMeasure);
        if (ids is not null) q = q.Where(r => ids.Contains(r.Id));
        var open = await q.OrderBy(r => r.Id).ToListAsync(ct);
        // One asked for by id that this caller cannot see (or that does not exist) is not found; one already ended is simply not open.
        foreach (var missing in (ids ?? []).Except(open.Select(r => r.Id)))
            if (!await db.Returnees.AnyAsync(r => r.Id == missing, ct)) throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
        var persons = open.Select(r => r.PersonId).Distinct().ToList();
        var since = open.Count == 0 ? DateTime.MaxValue : open.Min(r => r.RegisteredAtUtc);
        List<(long PersonId, DateTime ReportedAtUtc)> cases;
        using (db.WholeCity())
            cases = (await db.Cases.AsNoTracking().Where(c => persons.Contains(c.PersonId) && c.ReportedAtUtc >= since).Select(c => new { c.PersonId, c.ReportedAtUtc }).ToListAsync(ct))
                .Select(c => (c.PersonId, c.ReportedAtUtc)).ToList();
        var status = await ReturneeProgress.LoadAsync(db, open, clock, ct);
        var now = clock.UtcNow;
        var released = new List<Returnee>();
        var becameCases = 0;
        var waiting = new List<ReturneeWaiting>();
        foreach (var r in open)
        {
            var st = status[r.Id];
            if (st.AnyPositive || cases.Any(c => c.PersonId == r.PersonId && c.ReportedAtUtc >= r.RegisteredAtUtc))
            {
                r.State = ReturneeState.BecameCase;
                r.EndedAtUtc = now;
                becameCases++;
                continue;
            }
            var daysOver = r.Measure == TravellerMeasure.Tests || r.EndsOn is not { } end || today > end;
            if (!daysOver) { waiting.Add(new(r.Id, r.Number, Messages.Get("Returnees.Waiting.Days", r.EndsOn!.Value.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))); continue; }
            if (!st.AllNegative && st.Tests.Count > 0) { waiting.Add(new(r.Id, r.Number, Messages.Get("Returnees.Waiting.Tests"))); continue; }
            r.State = ReturneeState.Released;
            r.EndedAtUtc = now;
            released.Add(r);
        }
        await db.SaveChangesAsync(ct);
        foreach (var r in released)
        {
            if (r.StayId is { } stay) await stays.EndAsync(db, stay, ct);
            else await db.ResampleTasks.Where(t => t.PersonId == r.PersonId && t.Reason == SingleTubeReason.ReturneeSchedule && t.DoneAtUtc == null).ExecuteDeleteAsync(ct);
        }
        if (released.Count > 0)
        {
            // Released green: the colour is derived again from every fact (a returnee's measure is none of them).
            using (db.WholeCity()) await codes.RecomputeManyAsync(db, released.Select(r => r.PersonId).Distinct().ToList(), ct);
            await db.SaveChangesAsync(ct);
        }
        return new ReturneeReview(released.Count, becameCases, waiting);
    }
}
