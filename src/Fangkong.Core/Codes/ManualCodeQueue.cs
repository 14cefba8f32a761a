using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>A manual colour waiting for a second officer, with who asked for it.</summary>
public sealed record PendingManualCode(long Id, long PersonId, CodeColour Colour, string Reason, long RequestedByUserId, string RequestedBy,
    DateTime RequestedAtUtc, ManualCodeStatus Status);

/// <summary>The manual colours awaiting approval, oldest first: the approval page and the API read the same list.</summary>
public sealed class ManualCodeQueue
{
    public async Task<IReadOnlyList<PendingManualCode>> PendingAsync(FangkongDb db, int limit, CancellationToken ct) =>
        await db.ManualCodeRequests.AsNoTracking().Where(r => r.Status == ManualCodeStatus.Pending)
            .OrderBy(r => r.RequestedAtUtc).ThenBy(r => r.Id).Take(limit)
            .Select(r => new PendingManualCode(r.Id, r.PersonId, r.Colour, r.Reason, r.RequestedByUserId,
                db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.UserName).FirstOrDefault() ?? "", r.RequestedAtUtc, r.Status))
            .ToListAsync(ct);
}
