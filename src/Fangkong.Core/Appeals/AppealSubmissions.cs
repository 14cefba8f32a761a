using System.Text.RegularExpressions;
using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>
/// A resident appeals their colour from their phone: a reason and evidence files, recorded with the rule that fired and
/// routed to the office responsible for it, with a deadline. One open appeal per person per colour change; the same
/// idempotency key again (a double tap, a retry after a lost answer) answers with the same appeal.
/// </summary>
public sealed partial class AppealSubmissions(HealthCodeService codes, AppealPolicy policy, TimeOrderedIds ids, TimeProvider time)
{
    public const int MinReason = 4, MaxReason = 1000;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();

    public async Task<AppealView> SubmitAsync(FangkongDb db, long userId, long personId, AppealSubmission s, CancellationToken ct)
    {
        if (s.IdempotencyKey is null || !KeyPattern().IsMatch(s.IdempotencyKey))
            throw new InputException("idempotencyKey", Messages.Get("Appeals.Key"));
        var reason = s.Reason?.Trim() ?? "";
        var earlier = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.SubmittedByUserId == userId && a.IdempotencyKey == s.IdempotencyKey, ct);
        if (earlier is not null)
        {
            if (earlier.Reason != reason || earlier.PersonId != personId) throw new KeyReusedException("idempotencyKey", Messages.Get("Appeals.KeyReused"));
            return (await AppealReads.ViewsAsync(db, [earlier], time.GetUtcNow().UtcDateTime, ct))[0];
        }
        if (reason.Length < MinReason) throw new InputException("reason", Messages.Get("Appeals.ReasonRequired", MinReason));
        if (reason.Length > MaxReason) throw new InputException("reason", Messages.Get("Appeals.ReasonTooLong", MaxReason));
        var files = AppealEvidence.Check(s.Files, ids.Next);
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", Messages.Get("People.NoSuchPerson"));

        var colour = await codes.ColourAsync(db, personId, ct);
        if (colour == CodeColour.Green) throw new ConflictException(Messages.Get("Appeals.Green"), "Green");
        var decision = CodeRules.Evaluate(await codes.LoadFactsAsync(db, personId, ct), codes.Policy);
        var changeId = await db.HealthCodeChanges.Where(c => c.PersonId == personId).OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (await db.Appeals.AnyAsync(a => a.PersonId == personId && a.ColourChangeId == changeId
                && (a.State == AppealState.Open || a.State == AppealState.UpheldAwaitingApproval), ct))
            throw new ConflictException(Messages.Get("Appeals.AlreadyOpen"), "AlreadyOpen");
        var route = await AppealRouting.RouteAsync(db, personId, decision.Rule, decision.Evidence, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var appeal = new Appeal
        {
            Id = ids.Next(),
            PersonId = personId,
            SubmittedByUserId = userId,
            IdempotencyKey = s.IdempotencyKey,
            Reason = reason,
            Colour = colour,
            Rule = decision.Rule,
            Evidence = string.Join(",", decision.Evidence),
            ColourChangeId = changeId,
            Office = route.Office,
            DistrictCode = route.DistrictCode,
            CommunityId = route.CommunityId,
            SubmittedAtUtc = now,
            DueAtUtc = now.AddHours(policy.DeadlineHours),
            State = AppealState.Open,
        };
        foreach (var f in files) f.AppealId = appeal.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Appeals.Add(appeal);
        db.AppealFiles.AddRange(files);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await AppealReads.ViewsAsync(db, [appeal], now, ct))[0];
    }

    /// <summary>The resident's own appeals, newest first, with their state, deadline and answer.</summary>
    public async Task<IReadOnlyList<AppealView>> MineAsync(FangkongDb db, long personId, CancellationToken ct)
    {
        await AppealStates.ReconcileAsync(db, ct);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.SubmittedAtUtc).Take(100).ToListAsync(ct);
        return await AppealReads.ViewsAsync(db, appeals, time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>An evidence file, to the appeal's resident only (officers read it through <see cref="AppealAnswers"/>, audited).</summary>
    public async Task<AppealFile> OwnFileAsync(FangkongDb db, long personId, long appealId, long fileId, CancellationToken ct) =>
        await db.AppealFiles.AsNoTracking().Where(f => f.Id == fileId && f.AppealId == appealId && db.Appeals.Any(a => a.Id == appealId && a.PersonId == personId))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("fileId", Messages.Get("Appeals.NoSuchFile"));
}
