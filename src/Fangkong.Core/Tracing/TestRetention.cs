using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Common;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// Swabs and test results, <c>Policy:Retention:TestDays</c> (28) after the swab: long enough for every rule that reads them (a
/// venue's 72-hour test, a companion's two tests in three days, a contact's 14 + 7 days) and as long as the entries they stand
/// beside (domain.md §2). A positive of a person who is a case stays as long as the case does: it is the case's evidence (its
/// first positive sampling, its class). The rule needs the cases, so the class lives here rather than in Testing (ADR 0026).
/// </summary>
public sealed class TestRetention(RetentionPolicy policy) : IRetentionClass
{
    public string Name => "tests";

    private IQueryable<Sample> DueSamples(FangkongDb db, DateTime nowUtc)
    {
        var cut = nowUtc.AddDays(-policy.TestDays);
        return db.Samples.Where(s => s.AtUtc < cut
            && !(db.Tubes.Any(t => t.Id == s.TubeId && t.Outcome == TubeOutcome.Positive) && db.Cases.Any(c => c.PersonId == s.PersonId)));
    }

    private IQueryable<TestResult> DueResults(FangkongDb db, DateTime nowUtc)
    {
        var cut = nowUtc.AddDays(-policy.TestDays);
        return db.TestResults.Where(r => r.SampledAtUtc < cut && !(r.Outcome == TestOutcome.Positive && db.Cases.Any(c => c.PersonId == r.PersonId)));
    }

    public async Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct) =>
        await DueSamples(db, nowUtc).LongCountAsync(ct) + await DueResults(db, nowUtc).LongCountAsync(ct);

    /// <summary>Results first, then swabs: each batch one short statement on its own table.</summary>
    public async Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct)
    {
        var results = await DueResults(db, nowUtc).OrderBy(r => r.Id).Select(r => r.Id).Take(batch).ToListAsync(ct);
        var n = results.Count == 0 ? 0 : await db.TestResults.Where(r => results.Contains(r.Id)).ExecuteDeleteAsync(ct);
        if (n == batch) return n;
        var samples = await DueSamples(db, nowUtc).OrderBy(s => s.Id).Select(s => s.Id).Take(batch - n).ToListAsync(ct);
        return n + (samples.Count == 0 ? 0 : await db.Samples.Where(s => samples.Contains(s.Id)).ExecuteDeleteAsync(ct));
    }
}
