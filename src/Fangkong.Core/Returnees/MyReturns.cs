using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>A resident's own registrations (newest first) with the decision in words, the schedule and today's check-in.</summary>
public sealed class MyReturns(CityClock clock, CheckIns checkIns)
{
    public async Task<IReadOnlyList<ReturneeView>> MineAsync(FangkongDb db, long personId, CancellationToken ct)
    {
        var rows = await db.Returnees.AsNoTracking().Where(r => r.PersonId == personId).OrderByDescending(r => r.ArrivedOn).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);
        return await ReturneeViews.ManyAsync(db, rows, clock, ct);
    }

    /// <summary>Today's health check-in of the resident's stay as a returnee (Quarantine's check-in: one a day, a second replaces it).</summary>
    public async Task<CheckInAnswer> CheckInAsync(FangkongDb db, long userId, long personId, long returneeId, CheckInRequest r, CancellationToken ct)
    {
        var returnee = await db.Returnees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == returneeId && x.PersonId == personId, ct)
            ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
        if (returnee.StayId is not { } stay) throw new ConflictException(Messages.Get("Returnees.NoCheckIns"));
        return await checkIns.SubmitAsync(db, stay, r, userId, ct);
    }
}
