using System.Globalization;
using Fangkong.Core.Audit;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>
/// Manual colours need a reason from one officer and approval by a second (domain.md §3): no single
/// person can turn anyone's code red, which is what went wrong in Henan in June 2022.
/// </summary>
public sealed class ManualCodes(HealthCodeService codes, TimeOrderedIds ids, TimeProvider time)
{
    /// <summary>More pending requests than this from one officer within an hour is reported as a bulk change.</summary>
    public const int BulkAlarmThreshold = 20;

    public async Task<ManualCodeRequest> RequestAsync(FangkongDb db, long personId, CodeColour colour, string? reason, long officerId, CancellationToken ct)
    {
        if (!Enum.IsDefined(colour)) throw new InputException("colour", Messages.Get("Codes.Manual.Colour"));
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4)
            throw new InputException("reason", Messages.Get("Codes.Manual.ReasonRequired"));
        if (reason.Length > 500) throw new InputException("reason", Messages.Get("Codes.Manual.ReasonTooLong"));
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", Messages.Get("People.NoSuchPerson"));
        var now = time.GetUtcNow().UtcDateTime;
        var row = new ManualCodeRequest
        {
            Id = ids.Next(),
            PersonId = personId,
            Colour = colour,
            Reason = reason.Trim(),
            RequestedByUserId = officerId,
            RequestedAtUtc = now,
            Status = ManualCodeStatus.Pending,
        };
        db.ManualCodeRequests.Add(row);
        AuditLog.Add(db, AuditEntries.ManualColour(ids, now, officerId, AuditAlarms.ManualRequest, personId, row.Reason, row.Id, colour.ToString()));
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<ManualCodeRequest> DecideAsync(FangkongDb db, long requestId, bool approve, long officerId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ManualCodeRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException("id", Messages.Get("Codes.Manual.NoSuchRequest"));
        if (row.Status != ManualCodeStatus.Pending) throw new ConflictException(Messages.Get("Codes.Manual.AlreadyDecided"));
        if (row.RequestedByUserId == officerId) throw new ConflictException(Messages.Get("Codes.Manual.OwnRequest"));
        row.Status = approve ? ManualCodeStatus.Approved : ManualCodeStatus.Rejected;
        row.DecidedByUserId = officerId;
        row.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        // Only the newest approved manual colour stands: revoke older ones so the rule's evidence is unambiguous.
        if (approve)
        {
            var older = await db.ManualCodeRequests.Where(r => r.PersonId == row.PersonId && r.Status == ManualCodeStatus.Approved && r.Id != row.Id).ToListAsync(ct);
            foreach (var o in older) o.Status = ManualCodeStatus.Revoked;
        }
        AuditLog.Add(db, AuditEntries.ManualColour(ids, row.DecidedAtUtc.Value, officerId, approve ? AuditAlarms.ManualApprove : "manual-reject",
            row.PersonId, row.Reason, row.Id, row.Colour + " ← user:" + row.RequestedByUserId.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        await codes.RecomputeAsync(db, row.PersonId, ct);
        ByOfficer(db, row.PersonId, officerId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    // The colour change an officer's decision caused is theirs: its entry names them, not only the rule.
    private static void ByOfficer(FangkongDb db, long personId, long officerId)
    {
        foreach (var e in AuditLog.Unsaved(db).Where(e => e.Kind == AuditKinds.Colour && e.PersonId == personId)) e.ActorUserId = officerId;
    }

    /// <summary>Withdraws an approved manual colour; the colour falls back to the derived rules.</summary>
    public async Task<ManualCodeRequest> RevokeAsync(FangkongDb db, long requestId, long officerId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ManualCodeRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException("id", Messages.Get("Codes.Manual.NoSuchRequest"));
        if (row.Status != ManualCodeStatus.Approved) throw new ConflictException(Messages.Get("Codes.Manual.RevokeApprovedOnly"));
        row.Status = ManualCodeStatus.Revoked;
        row.DecidedByUserId = officerId;
        row.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, AuditEntries.ManualColour(ids, row.DecidedAtUtc.Value, officerId, "manual-revoke", row.PersonId, row.Reason, row.Id, row.Colour.ToString()));
        await db.SaveChangesAsync(ct);
        await codes.RecomputeAsync(db, row.PersonId, ct);
        ByOfficer(db, row.PersonId, officerId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    /// <summary>True when an officer has filed more than <see cref="BulkAlarmThreshold"/> requests in the last hour.</summary>
    public async Task<bool> IsBulkAsync(FangkongDb db, long officerId, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddHours(-1);
        return await db.ManualCodeRequests.CountAsync(r => r.RequestedByUserId == officerId && r.RequestedAtUtc >= since, ct) > BulkAlarmThreshold;
    }
}
