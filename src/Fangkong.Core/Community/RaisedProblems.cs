using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

public sealed record ProblemRequest(ProblemCategory? Category, string? Text, long? HouseholdId);

public sealed record ProblemAnswer(string? Answer, bool? Close);

public sealed record ProblemFilter(ProblemState? State, long? GridId, int? Page, int? PageSize);

/// <summary>The inbox: a page of problems and how many the community's officers have not opened yet.</summary>
public sealed record ProblemInbox(Page<ProblemView> Problems, int Unread);

/// <summary>
/// Problems a grid worker (or a ten-household unit's responsible person through them) raises: they reach the
/// community's officers at once — an unread problem is counted on their inbox from the moment it is saved — and are
/// answered or closed there, the answer visible to whoever raised it.
/// </summary>
public sealed class RaisedProblems(TimeOrderedIds ids, CityClock clock)
{
    public const int MinText = 2;
    public const int MaxText = 500;

    public async Task<ProblemView> RaiseAsync(FangkongDb db, CommunityScope scope, ProblemRequest body, CancellationToken ct)
    {
        scope.EnsureMayWrite();
        var category = body.Category ?? throw new InputException("category", Messages.Get("Community.Problem.CategoryRequired"));
        if (!Enum.IsDefined(category)) throw new InputException("category", Messages.Get("Community.Problem.CategoryRequired"));
        var text = Text(body.Text, "text");
        long communityId;
        long? gridId;
        if (body.HouseholdId is { } h)
        {
            var household = await scope.HouseholdAsync(db, h, "householdId", ct);
            (communityId, gridId) = (household.CommunityId, household.GridId);
        }
        else if (scope.CommunityId is { } c) (communityId, gridId) = (c, scope.GridId);
        else throw new InputException("householdId", Messages.Get("Community.Problem.WhereRequired"));
        var problem = new CommunityProblem
        {
            Id = ids.Next(),
            CommunityId = communityId,
            GridId = gridId,
            HouseholdId = body.HouseholdId,
            Category = category,
            Text = text,
            RaisedByUserId = scope.UserId,
            RaisedByName = scope.DisplayName,
            RaisedAtUtc = clock.UtcNow,
            State = ProblemState.Open,
        };
        db.CommunityProblems.Add(problem);
        await db.SaveChangesAsync(ct);
        return (await ProblemViews.OfAsync(db, db.CommunityProblems.Where(p => p.Id == problem.Id), ct))[0];
    }

    /// <summary>The caller's problems, open ones first and newest first, and the unread count of the whole area.</summary>
    public static async Task<ProblemInbox> ListAsync(FangkongDb db, CommunityScope scope, ProblemFilter f, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(f.Page, f.PageSize);
        var q = scope.Problems(db);
        var unread = await q.CountAsync(x => x.ReadAtUtc == null, ct);
        if (f.State is { } state) q = q.Where(x => x.State == state);
        if (f.GridId is { } g) q = q.Where(x => x.GridId == g);
        var total = await q.LongCountAsync(ct);
        var items = await ProblemViews.OfAsync(db, q.OrderBy(x => x.State == ProblemState.Closed).ThenByDescending(x => x.Id).Skip((p - 1) * s).Take(s), ct);
        return new ProblemInbox(new Page<ProblemView>(items, p, s, total), unread);
    }

    /// <summary>One problem; an officer of its community (or an administrator) opening it marks it read.</summary>
    public async Task<ProblemView> OpenAsync(FangkongDb db, CommunityScope scope, long id, CancellationToken ct)
    {
        var problem = await Find(db, scope, id, ct);
        if (problem.ReadAtUtc is null && scope.Role is Roles.CommunityOfficer or Roles.Administrator)
        {
            problem.ReadAtUtc = clock.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        return (await ProblemViews.OfAsync(db, db.CommunityProblems.Where(p => p.Id == id), ct))[0];
    }

    public async Task<ProblemView> AnswerAsync(FangkongDb db, CommunityScope scope, long id, ProblemAnswer body, CancellationToken ct)
    {
        scope.EnsureOfficer();
        var problem = await Find(db, scope, id, ct);
        if (problem.State == ProblemState.Closed) throw new ConflictException(Messages.Get("Community.Problem.Closed"), "ProblemClosed");
        var close = body.Close == true;
        if (!string.IsNullOrWhiteSpace(body.Answer) || problem.Answer is null)
        {
            problem.Answer = Text(body.Answer, "answer");
            problem.AnsweredByUserId = scope.UserId;
            problem.AnsweredByName = scope.DisplayName;
            problem.AnsweredAtUtc = clock.UtcNow;
        }
        problem.State = close ? ProblemState.Closed : ProblemState.Answered;
        problem.ReadAtUtc ??= clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return (await ProblemViews.OfAsync(db, db.CommunityProblems.Where(p => p.Id == id), ct))[0];
    }

    private static async Task<CommunityProblem> Find(FangkongDb db, CommunityScope scope, long id, CancellationToken ct) =>
        await scope.Problems(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Community.Problem.NotFound"));

    private static string Text(string? value, string field)
    {
        var t = value?.Trim();
        if (t is null || t.Length < MinText) throw new InputException(field, Messages.Get("Community.Problem.TextRequired", MinText));
        if (t.Length > MaxText) throw new InputException(field, Messages.Get("Community.Problem.TextTooLong", MaxText));
        return t;
    }
}
