using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>
/// The officers' queue: open appeals first, the most overdue first, paged; filtered by state and overdue, searched by
/// number. <see cref="Visible"/> is the one place an officer's appeals are chosen; the area filter (ADR 0028) narrows
/// <c>appeals</c> to the appellants of a confined officer's area, so the queue, an appeal's page and its answers agree.
/// </summary>
public sealed class AppealQueue(TimeProvider time)
{
    /// <summary>The appeals an officer may see and answer. Every read and answer of an appeal by an officer goes through here.</summary>
    public static IQueryable<Appeal> Visible(FangkongDb db, long officerUserId) => db.Appeals;

    public async Task<Page<AppealRow>> PageAsync(FangkongDb db, long officerUserId, AppealFilter f, CancellationToken ct)
    {
        if (f.State is { } s && !Enum.IsDefined(s)) throw new InputException("state", Messages.Get("Appeals.State"));
        await AppealStates.ReconcileAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (page, size) = Paging.Normalise(f.Page, f.PageSize);
        var q = Visible(db, officerUserId).AsNoTracking();
        if (f.State is { } state) q = q.Where(a => a.State == state);
        if (f.Overdue == true) q = q.Where(a => (a.State == AppealState.Open || a.State == AppealState.UpheldAwaitingApproval) && a.DueAtUtc < now);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            if (!RecordNumber.TryParse(f.Q, out var number) || number.Kind != RecordKind.Appeal)
                throw new InputException("q", Messages.Get("Appeals.SearchNumber"));
            var text = number.ToString();
            q = q.Where(a => a.Number == text);
        }
        var total = await q.LongCountAsync(ct);
        var rows = await q
            .OrderBy(a => a.State == AppealState.Open || a.State == AppealState.UpheldAwaitingApproval ? 0 : 1).ThenBy(a => a.DueAtUtc).ThenBy(a => a.Id)
            .Skip((page - 1) * size).Take(size)
            .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new { a, p.Name })
            .ToListAsync(ct);
        var items = rows.Select(r => new AppealRow(r.a.Id, r.a.Number, r.a.State, r.a.Colour, r.a.Rule, r.a.Office, r.a.DistrictCode, Masking.Name(r.Name),
            r.a.SubmittedAtUtc, r.a.DueAtUtc, AppealReads.IsOverdue(r.a.State, r.a.DueAtUtc, now))).ToList();
        return new Page<AppealRow>(items, page, size, total);
    }
}
