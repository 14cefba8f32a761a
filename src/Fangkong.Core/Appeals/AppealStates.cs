using Fangkong.Core.Codes;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>
/// Keeps upheld appeals in step with the manual colour they asked for, whichever page the second officer decided it on
/// (the appeal's or /codes/manual): approved → upheld; rejected → back in the queue, open, to be answered again.
/// Run before an appeal is read, so no read shows a state the manual colours contradict.
/// </summary>
internal static class AppealStates
{
    public static async Task ReconcileAsync(FangkongDb db, CancellationToken ct)
    {
        await db.Appeals.Where(a => a.State == AppealState.UpheldAwaitingApproval
                && db.ManualCodeRequests.Any(m => m.Id == a.ManualRequestId && m.Status != ManualCodeStatus.Pending && m.Status != ManualCodeStatus.Rejected))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AppealState.Upheld), ct);
        await db.Appeals.Where(a => a.State == AppealState.UpheldAwaitingApproval
                && db.ManualCodeRequests.Any(m => m.Id == a.ManualRequestId && m.Status == ManualCodeStatus.Rejected))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AppealState.Open).SetProperty(a => a.ManualRequestId, (long?)null)
                .SetProperty(a => a.Answer, (string?)null).SetProperty(a => a.AnsweredByUserId, (long?)null).SetProperty(a => a.AnsweredAtUtc, (DateTime?)null), ct);
    }
}
