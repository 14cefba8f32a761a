using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

public sealed record FollowUpRequest(bool? Reached, bool? Symptoms, string? Note);

public sealed record FollowUpAnswer(long ReturneeId, DateOnly Day, bool Reached, bool Symptoms, string? Note, bool Replaced);

/// <summary>
/// The named worker's day (ADR 0039): their returnees under a measure with today's check-in and test status, the
/// overdue first; and the daily follow-up recorded (one a day, a second replaces it — a retry or a correction).
/// </summary>
public sealed class ReturneeFollowUps(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxNote = 300;

    /// <summary>Returnees under a measure in the caller's area, overdue first, then by arrival.</summary>
    public async Task<IReadOnlyList<ReturneeView>> TodayAsync(FangkongDb db, CancellationToken ct)
    {
        var rows = await db.Returnees.AsNoTracking().Where(r => r.State == ReturneeState.UnderMeasure).OrderBy(r => r.ArrivedOn).ThenBy(r => r.Id).Take(500).ToListAsync(ct);
        var views = await ReturneeViews.ManyAsync(db, rows, clock, ct);
        return views.OrderByDescending(v => v.Overdue).ThenBy(v => v.FollowedUpToday).ThenBy(v => v.ArrivedOn).ThenBy(v => v.Id).ToList();
    }

    public async Task<FollowUpAnswer> RecordAsync(FangkongDb db, long userId, string byName, long returneeId, FollowUpRequest r, CancellationToken ct)
    {
        var returnee = await db.Returnees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == returneeId, ct) ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
        if (returnee.State != ReturneeState.UnderMeasure) throw new ConflictException(Messages.Get("Returnees.NotUnderMeasure"));
        var reached = r.Reached ?? throw new InputException("reached", Messages.Get("Returnees.FollowUp.Reached"));
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (note is { Length: > MaxNote }) throw new InputException("note", Messages.Get("Returnees.FollowUp.NoteTooLong", MaxNote));
        ControlCharacters.Check(note, "note");
        var day = clock.Today;
        var existing = await db.ReturneeFollowUps.FirstOrDefaultAsync(f => f.ReturneeId == returneeId && f.Day == day, ct);
        var entry = existing ?? new ReturneeFollowUp { Id = ids.Next(), ReturneeId = returneeId, Day = day, ByName = byName };
        entry.AtUtc = clock.UtcNow;
        entry.ByUserId = userId;
        entry.ByName = byName.Length > 40 ? byName[..40] : byName;
        entry.Reached = reached;
        entry.Symptoms = r.Symptoms ?? false;
        entry.Note = note;
        if (existing is null) db.ReturneeFollowUps.Add(entry);
        await db.SaveChangesAsync(ct);
        return new FollowUpAnswer(returneeId, day, entry.Reached, entry.Symptoms, note, existing is not null);
    }
}
