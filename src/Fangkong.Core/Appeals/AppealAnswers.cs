using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Appeals;

/// <summary>
/// An officer answers an appeal: reads it (audited like every read of a person's data), then upholds it — which asks
/// for a green manual colour through the two-officer path (<see cref="ManualCodes"/>), explained by the appeal's
/// number — or refuses it with a reason the resident reads. The second officer approves on the appeal's page or on
/// /codes/manual; either way the appeal follows (<see cref="AppealStates"/>).
/// </summary>
public sealed class AppealAnswers(HealthCodeService codes, ManualCodes manual, TimeOrderedIds ids, TimeProvider time)
{
    public const string AuditKind = "appeal";
    public const int MinAnswer = 4, MaxAnswer = 400;

    public async Task<AppealDetail> OpenAsync(FangkongDb db, long officerId, long appealId, CancellationToken ct)
    {
        await AppealStates.ReconcileAsync(db, ct);
        var appeal = await FindAsync(db, officerId, appealId, tracked: false, ct);
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == appeal.PersonId).Select(p => new { p.Name, p.DocumentNumber }).FirstAsync(ct);
        var facts = await codes.LoadFactsAsync(db, appeal.PersonId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var decision = CodeRules.Evaluate(facts, codes.Policy);
        var detail = new AppealDetail((await AppealReads.ViewsAsync(db, [appeal], now, ct))[0], appeal.PersonId, Masking.Name(person.Name),
            Masking.DocumentNumber(person.DocumentNumber), await codes.ColourAsync(db, appeal.PersonId, ct), Messages.Get(decision.Explanation),
            facts.OrderByDescending(f => f.AtUtc).Select(f => new AppealFact(f.GetType().Name, f.AtUtc, f.EvidenceRef)).ToList(),
            await codes.HistoryAsync(db, appeal.PersonId, ct));
        await AuditAsync(db, officerId, appeal, now, ct);
        await db.SaveChangesAsync(ct);
        return detail;
    }

    /// <summary>An evidence file to an officer who may see the appeal; each download is audited.</summary>
    public async Task<AppealFile> FileAsync(FangkongDb db, long officerId, long appealId, long fileId, CancellationToken ct)
    {
        var appeal = await FindAsync(db, officerId, appealId, tracked: false, ct);
        var file = await db.AppealFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.AppealId == appealId, ct)
            ?? throw new NotFoundException("fileId", Messages.Get("Appeals.NoSuchFile"));
        await AuditAsync(db, officerId, appeal, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return file;
    }

    public async Task<AppealView> UpholdAsync(FangkongDb db, long officerId, long appealId, string? reason, CancellationToken ct)
    {
        var text = Checked(reason);
        await AppealStates.ReconcileAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var appeal = await FindAsync(db, officerId, appealId, tracked: true, ct);
        if (appeal.State != AppealState.Open) throw new ConflictException(Messages.Get("Appeals.NotOpen"), "NotOpen");
        // The manual colour's reason carries the appeal's number, so the colour change is explained by the appeal.
        var request = await manual.RequestAsync(db, appeal.PersonId, CodeColour.Green, $"{appeal.Number} {text}", officerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        appeal.State = AppealState.UpheldAwaitingApproval;
        appeal.ManualRequestId = request.Id;
        appeal.Answer = text;
        appeal.AnsweredByUserId = officerId;
        appeal.AnsweredAtUtc = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await AppealReads.ViewsAsync(db, [appeal], now, ct))[0];
    }

    public async Task<AppealView> RefuseAsync(FangkongDb db, long officerId, long appealId, string? reason, CancellationToken ct)
    {
        var text = Checked(reason);
        await AppealStates.ReconcileAsync(db, ct);
        var appeal = await FindAsync(db, officerId, appealId, tracked: true, ct);
        if (appeal.State != AppealState.Open) throw new ConflictException(Messages.Get("Appeals.NotOpen"), "NotOpen");
        var now = time.GetUtcNow().UtcDateTime;
        appeal.State = AppealState.Refused;
        appeal.Answer = text;
        appeal.AnsweredByUserId = officerId;
        appeal.AnsweredAtUtc = now;
        await db.SaveChangesAsync(ct);
        return (await AppealReads.ViewsAsync(db, [appeal], now, ct))[0];
    }

    /// <summary>The second officer approves (the colour turns green, explained by the appeal) or rejects (the appeal is open again).</summary>
    public async Task<AppealView> DecideAsync(FangkongDb db, long officerId, long appealId, bool approve, CancellationToken ct)
    {
        await AppealStates.ReconcileAsync(db, ct);
        var appeal = await FindAsync(db, officerId, appealId, tracked: false, ct);
        if (appeal.State != AppealState.UpheldAwaitingApproval || appeal.ManualRequestId is not { } requestId)
            throw new ConflictException(Messages.Get("Appeals.NotAwaiting"), "NotAwaiting");
        if (appeal.AnsweredByUserId == officerId) throw new ConflictException(Messages.Get("Appeals.OwnUphold"), "OwnRequest");
        await manual.DecideAsync(db, requestId, approve, officerId, ct);
        db.ChangeTracker.Clear();
        await AppealStates.ReconcileAsync(db, ct);
        var after = await db.Appeals.AsNoTracking().FirstAsync(a => a.Id == appealId, ct);
        return (await AppealReads.ViewsAsync(db, [after], time.GetUtcNow().UtcDateTime, ct))[0];
    }

    private static string Checked(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < MinAnswer) throw new InputException("reason", Messages.Get("Appeals.AnswerRequired", MinAnswer));
        if (text.Length > MaxAnswer) throw new InputException("reason", Messages.Get("Appeals.AnswerTooLong", MaxAnswer));
        return text;
    }

    private static async Task<Appeal> FindAsync(FangkongDb db, long officerId, long appealId, bool tracked, CancellationToken ct)
    {
        var q = AppealQueue.Visible(db, officerId);
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new NotFoundException("id", Messages.Get("Appeals.NoSuchAppeal"));
    }

    private async Task AuditAsync(FangkongDb db, long officerId, Appeal appeal, DateTime now, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == officerId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? "";
        TraceService.Audit(db, ids, new TraceReader(officerId, name, appeal.Number), appeal.PersonId, null, AuditKind, appeal.Number, now, now, now);
    }
}
