using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>Turns stored appeals into views with their files' names (never their bytes) and whether they are overdue.</summary>
internal static class AppealReads
{
    public static bool IsOverdue(AppealState state, DateTime dueAtUtc, DateTime now) => state is AppealState.Open or AppealState.UpheldAwaitingApproval && dueAtUtc < now;

    public static async Task<List<AppealView>> ViewsAsync(FangkongDb db, IReadOnlyList<Appeal> appeals, DateTime now, CancellationToken ct)
    {
        var ids = appeals.Select(a => a.Id).ToList();
        var files = (await db.AppealFiles.AsNoTracking().Where(f => ids.Contains(f.AppealId))
                .Select(f => new { f.AppealId, View = new AppealFileView(f.Id, f.FileName, f.ContentType, f.Size) }).ToListAsync(ct))
            .ToLookup(f => f.AppealId, f => f.View);
        return appeals.Select(a => new AppealView(a.Id, a.Number, a.State, a.Colour, a.Rule, a.Office, a.DistrictCode, a.CommunityId, a.SubmittedAtUtc,
            a.DueAtUtc, IsOverdue(a.State, a.DueAtUtc, now), a.Reason, a.Answer, a.AnsweredAtUtc, a.ManualRequestId, files[a.Id].OrderBy(f => f.Id).ToList())).ToList();
    }
}
