using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Teams;

/// <summary>
/// A team's duty roster (排班): members on shifts, day by day. A member is never on two shifts at once, in this team or
/// another, so "on duty now" counts each person once.
/// </summary>
public sealed class DutyRoster(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxDays = 31;
    public const int MaxShiftsAtOnce = 5_000;

    public async Task<IReadOnlyList<ShiftView>> AddAsync(FangkongDb db, long teamId, NewShifts r, CancellationToken ct)
    {
        var team = await TeamRegistry.OpenTeamAsync(db, teamId, ct);
        if (r.From is not { } from) throw new InputException("from", Messages.Get("Teams.Shift.FromRequired"));
        var to = r.To ?? from;
        LineFilters.CheckDates(from, to);
        if (from < clock.Today.AddDays(-1)) throw new InputException("from", Messages.Get("Teams.Shift.Past"));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) throw new InputException("to", Messages.Get("Teams.Shift.TooManyDays", MaxDays));
        if (r.Starts is not { } starts) throw new InputException("starts", Messages.Get("Teams.Shift.StartsRequired"));
        if (r.Ends is not { } ends) throw new InputException("ends", Messages.Get("Teams.Shift.EndsRequired"));
        if (!new Shift(from, starts, ends).IsValid) throw new InputException("ends", Messages.Get("Teams.Shift.Length", (int)Shift.Longest.TotalHours));
        var post = r.Post?.Trim();
        if (post is { Length: > 64 }) throw new InputException("post", Messages.Get("Teams.Shift.PostLength"));
        var current = await db.TeamMembers.Where(m => m.TeamId == teamId && m.LeftAtUtc == null).Select(m => m.UserId).ToListAsync(ct);
        var users = r.UserIds is { Count: > 0 } given ? given.Distinct().ToList() : current;
        if (users.Count == 0) throw new InputException("userIds", Messages.Get("Teams.Shift.NoMembers"));
        if (users.FirstOrDefault(u => !current.Contains(u)) is var stranger and not 0) throw new InputException("userIds", Messages.Get("Teams.Shift.NotAMember", stranger));
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).ToList();
        if (days.Count * users.Count > MaxShiftsAtOnce) throw new InputException("userIds", Messages.Get("Teams.Shift.TooMany", MaxShiftsAtOnce));
        // A night shift reaches into the next day: compare with the day before (its night shift reaches into ours) and
        // the day after (ours reaches into its morning).
        var existing = await db.TeamShifts.AsNoTracking()
            .Where(s => users.Contains(s.UserId) && s.Day >= from.AddDays(-1) && s.Day <= to.AddDays(1))
            // A shift of a team the member has left, or that was disbanded, binds them no longer.
            .Where(s => db.TeamMembers.Any(m => m.TeamId == s.TeamId && m.UserId == s.UserId && m.LeftAtUtc == null))
            .Select(s => new { s.UserId, s.Day, s.Starts, s.Ends }).ToListAsync(ct);
        var added = new List<TeamShift>();
        foreach (var day in days)
        {
            var shift = new Shift(day, starts, ends);
            foreach (var user in users)
            {
                if (existing.Any(e => e.UserId == user && new Shift(e.Day, e.Starts, e.Ends).Overlaps(shift)))
                    throw new InputException("starts", Messages.Get("Teams.Shift.Overlaps", await NameAsync(db, user, ct), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                added.Add(new TeamShift { Id = ids.Next(), TeamId = team.Id, UserId = user, Day = day, Starts = starts, Ends = ends, Post = string.IsNullOrEmpty(post) ? null : post });
            }
        }
        db.TeamShifts.AddRange(added);
        await db.SaveChangesAsync(ct);
        var addedIds = added.Select(a => a.Id).ToList();
        return await ViewsAsync(db, db.TeamShifts.Where(s => addedIds.Contains(s.Id)), ct);
    }

    /// <summary>The roster from one day to another (a week by default), by day, shift start and member.</summary>
    public async Task<IReadOnlyList<ShiftView>> ListAsync(FangkongDb db, long teamId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) throw new NotFoundException("id", Messages.Get("Teams.NoSuchTeam"));
        var first = from ?? clock.Today;
        var last = to ?? first.AddDays(6);
        LineFilters.CheckDates(first, last);
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) throw new InputException("to", Messages.Get("Teams.Shift.TooManyDays", MaxDays));
        return await ViewsAsync(db, db.TeamShifts.Where(s => s.TeamId == teamId && s.Day >= first && s.Day <= last), ct);
    }

    public async Task RemoveAsync(FangkongDb db, long teamId, long shiftId, CancellationToken ct)
    {
        await TeamRegistry.OpenTeamAsync(db, teamId, ct);
        var n = await db.TeamShifts.Where(s => s.TeamId == teamId && s.Id == shiftId).ExecuteDeleteAsync(ct);
        if (n == 0) throw new NotFoundException("shiftId", Messages.Get("Teams.Shift.NoSuchShift"));
    }

    /// <summary>Accounts on a shift that covers this moment, of the given teams.</summary>
    internal async Task<IReadOnlyList<(long TeamId, long UserId)>> OnDutyNowAsync(FangkongDb db, IQueryable<Team> teams, CancellationToken ct)
    {
        var now = clock.LocalNow;
        var today = clock.Today;
        var rows = await db.TeamShifts.AsNoTracking().Where(s => teams.Any(t => t.Id == s.TeamId) && (s.Day == today || s.Day == today.AddDays(-1)))
            .Select(s => new { s.TeamId, s.UserId, s.Day, s.Starts, s.Ends }).ToListAsync(ct);
        return rows.Where(s => new Shift(s.Day, s.Starts, s.Ends).Covers(now)).Select(s => (s.TeamId, s.UserId)).Distinct().ToList();
    }

    private async Task<IReadOnlyList<ShiftView>> ViewsAsync(FangkongDb db, IQueryable<TeamShift> shifts, CancellationToken ct)
    {
        var now = clock.LocalNow;
        var rows = await (from s in shifts.AsNoTracking()
                          join u in db.Users on s.UserId equals u.Id
                          orderby s.Day, s.Starts, u.DisplayName
                          select new { s.Id, s.UserId, u.DisplayName, s.Day, s.Starts, s.Ends, s.Post }).ToListAsync(ct);
        return rows.Select(s => new ShiftView(s.Id, s.UserId, s.DisplayName, s.Day, s.Starts, s.Ends, s.Post, new Shift(s.Day, s.Starts, s.Ends).Covers(now))).ToList();
    }

    private static async Task<string> NameAsync(FangkongDb db, long userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
}
