using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

/// <summary>A grid with its screening progress in a window of days: the community officer's overview.</summary>
public sealed record GridProgress(long GridId, long CommunityId, string Community, string Name, string WorkerName, int Households,
    int Screened, int Revisit, int Away, int Returned, int SpecialGroups, int OpenProblems, int Unread);

public sealed record HouseholdFilter(bool? Todo, bool? Special, bool? Quarantine, int? Page, int? PageSize);

public sealed record HouseholdDetail(HouseholdView Household, IReadOnlyList<ScreeningSummary> Screenings, IReadOnlyList<ProblemView> Problems);

/// <summary>The grids in the caller's area and the households in them, as the grid worker and the community officer read them.</summary>
public sealed class GridViews(TimeOrderedIds ids, CityClock clock)
{
    /// <summary>Screening progress counts visits from this many days back, today included, unless the caller names a day.</summary>
    public const int WindowDays = 7;

    public async Task<Page<GridProgress>> GridsAsync(FangkongDb db, CommunityScope scope, long? communityId, DateOnly? since, int? page, int? pageSize, CancellationToken ct)
    {
        var sinceUtc = clock.StartOfDayUtc(Since(since));
        var (p, s) = Paging.Normalise(page, pageSize);
        var grids = scope.Grids(db).AsNoTracking();
        if (communityId is { } c) grids = grids.Where(g => g.CommunityId == c);
        var total = await grids.LongCountAsync(ct);
        var rows = await (from g in grids
                          join cm in db.Communities on g.CommunityId equals cm.Id
                          orderby g.CommunityId, g.Number
                          select new { g.Id, g.CommunityId, Community = cm.Name, g.Name, g.WorkerName })
            .Skip((p - 1) * s).Take(s).ToListAsync(ct);
        var gridIds = rows.Select(r => r.Id).ToList();
        var households = await Count(db.GridHouseholds.Where(h => gridIds.Contains(h.GridId)).GroupBy(h => h.GridId).Select(g => new KeyCount(g.Key, g.Count())), ct);
        // The latest visit of each household in the window says whether it needs another and who is away.
        var latest = db.Screenings.Where(x => gridIds.Contains(x.GridId) && x.VisitedAtUtc >= sinceUtc
            && !db.Screenings.Any(y => y.HouseholdId == x.HouseholdId && y.VisitedAtUtc > x.VisitedAtUtc));
        var screened = await Count(latest.GroupBy(x => x.GridId).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var revisit = await Count(latest.Where(x => x.Outcome == ScreeningOutcome.NobodyHome || x.Outcome == ScreeningOutcome.Refused)
            .GroupBy(x => x.GridId).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var sinceDay = Since(since);
        var members = from x in latest join m in db.ScreeningMembers on x.Id equals m.ScreeningId select new { x.GridId, m.Present, m.ReturnedOn };
        var away = await Count(members.Where(m => !m.Present).GroupBy(m => m.GridId).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var returned = await Count(members.Where(m => m.ReturnedOn >= sinceDay).GroupBy(m => m.GridId).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var special = await Count(db.SpecialGroupMembers.Where(m => m.EndedAtUtc == null && m.GridId != null && gridIds.Contains(m.GridId.Value))
            .Select(m => new { m.GridId, m.PersonId }).Distinct().GroupBy(m => m.GridId!.Value).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var problems = db.CommunityProblems.Where(x => x.GridId != null && gridIds.Contains(x.GridId.Value));
        var open = await Count(problems.Where(x => x.State != ProblemState.Closed).GroupBy(x => x.GridId!.Value).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var unread = await Count(problems.Where(x => x.ReadAtUtc == null).GroupBy(x => x.GridId!.Value).Select(g => new KeyCount(g.Key, g.Count())), ct);
        var items = rows.Select(r => new GridProgress(r.Id, r.CommunityId, r.Community, r.Name, r.WorkerName, households.GetValueOrDefault(r.Id),
            screened.GetValueOrDefault(r.Id), revisit.GetValueOrDefault(r.Id), away.GetValueOrDefault(r.Id), returned.GetValueOrDefault(r.Id),
            special.GetValueOrDefault(r.Id), open.GetValueOrDefault(r.Id), unread.GetValueOrDefault(r.Id))).ToList();
        return new Page<GridProgress>(items, p, s, total);
    }

    /// <summary>One page of a grid's households in address order, with who lives there and what is known of them; the read is audited.</summary>
    public async Task<Page<HouseholdView>> HouseholdsAsync(FangkongDb db, CommunityScope scope, long gridId, HouseholdFilter f, DateOnly? since, CancellationToken ct)
    {
        var grid = await scope.GridAsync(db, gridId, ct);
        var (p, s) = Paging.Normalise(f.Page, Math.Min(f.PageSize ?? 20, 100));
        var sinceUtc = clock.StartOfDayUtc(Since(since));
        var q = db.GridHouseholds.AsNoTracking().Where(h => h.GridId == grid.Id);
        if (f.Todo == true) q = q.Where(h => !db.Screenings.Any(x => x.HouseholdId == h.HouseholdId && x.VisitedAtUtc >= sinceUtc));
        if (f.Special == true) q = q.Where(h => db.Persons.Any(x => x.HouseholdId == h.HouseholdId && db.ServedFirst.Contains(x.Id)));
        if (f.Quarantine == true)
            q = q.Where(h => db.Persons.Any(x => x.HouseholdId == h.HouseholdId
                && db.QuarantineStays.Any(st => st.PersonId == x.Id && st.State == QuarantineState.InQuarantine)));
        var total = await q.LongCountAsync(ct);
        var rows = await q.OrderBy(h => h.HouseholdId).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        var views = await HouseholdFacts.ViewsAsync(db, rows, clock.Today, ct);
        CommunityAudit.List(db, ids, scope, CommunityAudit.GridKind, string.Create(CultureInfo.InvariantCulture, $"grid:{grid.Id} page:{p}"), clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return new Page<HouseholdView>(views, p, s, total);
    }

    /// <summary>A household with its visits and problems; each member's read is audited.</summary>
    public async Task<HouseholdDetail> HouseholdAsync(FangkongDb db, CommunityScope scope, long householdId, CancellationToken ct)
    {
        var row = await scope.HouseholdAsync(db, householdId, "householdId", ct);
        var view = (await HouseholdFacts.ViewsAsync(db, [row], clock.Today, ct))[0];
        var screenings = await db.Screenings.AsNoTracking().Where(x => x.HouseholdId == householdId).OrderByDescending(x => x.VisitedAtUtc).Take(20)
            .Select(x => new ScreeningSummary(x.Id, x.VisitedAtUtc, x.Outcome, x.ByName, x.Note)).ToListAsync(ct);
        var problems = await ProblemViews.OfAsync(db, scope.Problems(db).Where(x => x.HouseholdId == householdId).OrderByDescending(x => x.Id).Take(20), ct);
        CommunityAudit.Persons(db, ids, scope, view.Members.Select(m => m.PersonId), CommunityAudit.HouseholdKind,
            string.Create(CultureInfo.InvariantCulture, $"household:{householdId}"), clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return new HouseholdDetail(view, screenings, problems);
    }

    /// <summary>The first day of the progress window: the caller's day, or a week back; never in the future nor over a year back.</summary>
    public DateOnly Since(DateOnly? since)
    {
        var today = clock.Today;
        if (since is not { } d) return today.AddDays(-(WindowDays - 1));
        if (d > today) throw new InputException("since", Messages.Get("Community.SinceFuture"));
        if (d < today.AddDays(-ScreeningRules.MaxDaysBack)) throw new InputException("since", Messages.Get("Community.SinceTooOld", ScreeningRules.MaxDaysBack));
        return d;
    }

    private static Task<Dictionary<long, int>> Count(IQueryable<KeyCount> groups, CancellationToken ct) => groups.ToDictionaryAsync(g => g.Key, g => g.N, ct);

    private sealed record KeyCount(long Key, int N);
}
