using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Retention;

/// <summary>What a purge found due, and deleted, in one class.</summary>
public sealed record RetentionCount(string Class, long Count);

/// <summary>
/// The daily purge over every class of personal data (ADR 0026): one instant for the whole run, so each class's boundary is exact,
/// and batches of <see cref="RetentionPolicy.BatchSize"/> in short transactions of their own, so the gate keeps writing meanwhile.
/// </summary>
public sealed class RetentionRun(IDbContextFactory<FangkongDb> dbs, IEnumerable<IRetentionClass> classes, RetentionPolicy policy, IVisitWrites visitWrites)
{
    public IReadOnlyList<string> Classes => classes.Select(c => c.Name).ToList();

    /// <summary>What is due now, per class, deleting nothing (<c>fangkong retention purge --dry-run</c>).</summary>
    public async Task<IReadOnlyList<RetentionCount>> DueAsync(DateTime nowUtc, CancellationToken ct)
    {
        var counts = new List<RetentionCount>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var c in classes) counts.Add(new RetentionCount(c.Name, await c.CountDueAsync(db, nowUtc, ct)));
        return counts;
    }

    /// <summary>Deletes everything due at <paramref name="nowUtc"/>, class by class, batch by batch; returns how many per class.</summary>
    public async Task<IReadOnlyList<RetentionCount>> PurgeAsync(DateTime nowUtc, CancellationToken ct)
    {
        var batch = Math.Max(1, policy.BatchSize);
        var counts = new List<RetentionCount>();
        foreach (var c in classes)
        {
            long total = 0;
            while (true)
            {
                // A fresh context per batch: nothing tracked accumulates over a long purge.
                await using var db = await dbs.CreateDbContextAsync(ct);
                var n = await c.PurgeBatchAsync(db, nowUtc, batch, ct);
                total += n;
                if (n < batch) break;
            }
            counts.Add(new RetentionCount(c.Name, total));
        }
        // Visits are among what a purge deletes: the in-memory contact index drops them too (ADR 0033).
        visitWrites.Purged(nowUtc);
        return counts;
    }
}
