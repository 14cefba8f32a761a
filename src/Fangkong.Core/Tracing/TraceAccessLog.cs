using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>The trace-access audit as administrators read it: who read whose trajectory, why and when, newest first.</summary>
public sealed class TraceAccessLog
{
    public async Task<Page<TraceAccess>> PageAsync(FangkongDb db, long? personId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, pageSize);
        var q = db.TraceAccesses.AsNoTracking();
        if (personId is { } pid) q = q.Where(a => a.PersonId == pid);
        var total = await q.LongCountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        // Untracked rows: the platform's purposes are worded here, for this reader, and never saved back.
        foreach (var a in items.Where(a => a.PlatformPurpose is not null)) a.Purpose = Messages.Get(a.PlatformPurpose!);
        return new Page<TraceAccess>(items, p, s, total);
    }
}
