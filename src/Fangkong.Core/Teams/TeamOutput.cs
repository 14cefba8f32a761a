using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Teams;

/// <summary>
/// A team's daily output, counted from the records its members' accounts wrote while they were members: swabs taken,
/// doors knocked, problems closed, quarantine check-ins recorded, lab results posted. Nothing is typed in, so the figure
/// is the list behind it: each count is the number of those records.
/// </summary>
public sealed class TeamOutput(CityClock clock)
{
    public const int MaxDays = 31;

    internal sealed record Membership(long TeamId, long UserId, DateTime JoinedAtUtc, DateTime? LeftAtUtc);

    public async Task<TeamOutputView> ForTeamAsync(FangkongDb db, long teamId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) throw new NotFoundException("id", Messages.Get("Teams.NoSuchTeam"));
        var (first, last) = Days(from, to);
        var memberships = await MembershipsAsync(db, db.Teams.Where(t => t.Id == teamId), ct);
        var names = await (from m in db.TeamMembers where m.TeamId == teamId join u in db.Users on m.UserId equals u.Id select new { u.Id, u.DisplayName })
            .Distinct().ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct);
        var days = new List<DayOutput>();
        var byMember = new Dictionary<long, Dictionary<TeamActivity, int>>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var counts = await CountDayAsync(db, memberships, day, ct);
            days.Add(new DayOutput(day, Sum(counts.Where(c => c.Key.TeamId == teamId))));
            foreach (var ((_, user, activity), n) in counts)
            {
                var m = byMember.TryGetValue(user, out var found) ? found : byMember[user] = Zero();
                m[activity] += n;
            }
        }
        var members = names.Select(n => new MemberOutput(n.Key, n.Value, byMember.TryGetValue(n.Key, out var c) ? c : Zero()))
            .OrderByDescending(m => m.Counts.Values.Sum()).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ToList();
        return new TeamOutputView(teamId, first, last, days, members);
    }

    internal (DateOnly First, DateOnly Last) Days(DateOnly? from, DateOnly? to)
    {
        var last = to ?? clock.Today;
        var first = from ?? last.AddDays(-6);
        LineFilters.CheckDates(first, last);
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) throw new InputException("from", Messages.Get("Teams.Output.TooManyDays", MaxDays));
        return (first, last);
    }

    internal static async Task<IReadOnlyList<Membership>> MembershipsAsync(FangkongDb db, IQueryable<Team> teams, CancellationToken ct) =>
        await db.TeamMembers.AsNoTracking().Where(m => teams.Any(t => t.Id == m.TeamId))
            .Select(m => new Membership(m.TeamId, m.UserId, m.JoinedAtUtc, m.LeftAtUtc)).ToListAsync(ct);

    /// <summary>
    /// One day's counts per (team, member, activity). Members who belonged all day are counted in one grouped query per
    /// activity; the few who joined or left that day are counted over their own part of it, so nothing counts twice.
    /// </summary>
    internal async Task<Dictionary<(long TeamId, long UserId, TeamActivity Activity), int>> CountDayAsync(
        FangkongDb db, IReadOnlyList<Membership> memberships, DateOnly day, CancellationToken ct)
    {
        var start = clock.StartOfDayUtc(day);
        var end = clock.StartOfDayUtc(day.AddDays(1));
        var result = new Dictionary<(long, long, TeamActivity), int>();
        var whole = memberships.Where(m => m.JoinedAtUtc <= start && (m.LeftAtUtc is null || m.LeftAtUtc >= end)).ToList();
        var part = memberships.Where(m => m.JoinedAtUtc < end && (m.LeftAtUtc is null || m.LeftAtUtc > start) && !whole.Contains(m)).ToList();
        var teamOf = whole.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().TeamId);
        var users = teamOf.Keys.ToList();
        foreach (var activity in Enum.GetValues<TeamActivity>())
        {
            if (users.Count > 0)
            {
                var counts = await Records(db, activity, start, end).Where(u => users.Contains(u)).GroupBy(u => u)
                    .Select(g => new { User = g.Key, N = g.Count() }).ToListAsync(ct);
                foreach (var c in counts) result[(teamOf[c.User], c.User, activity)] = c.N;
            }
            foreach (var m in part)
            {
                var from = m.JoinedAtUtc > start ? m.JoinedAtUtc : start;
                var to = m.LeftAtUtc is { } left && left < end ? left : end;
                var n = await Records(db, activity, from, to).CountAsync(u => u == m.UserId, ct);
                if (n > 0) result[(m.TeamId, m.UserId, activity)] = result.GetValueOrDefault((m.TeamId, m.UserId, activity)) + n;
            }
        }
        return result;
    }

    /// <summary>The account behind each record of an activity made in [from, to).</summary>
    private static IQueryable<long> Records(FangkongDb db, TeamActivity activity, DateTime from, DateTime to) => activity switch
    {
        TeamActivity.Samples => db.Samples.Where(s => s.AtUtc >= from && s.AtUtc < to).Select(s => s.SamplerUserId),
        TeamActivity.DoorsKnocked => db.Screenings.Where(s => s.VisitedAtUtc >= from && s.VisitedAtUtc < to).Select(s => s.ByUserId),
        TeamActivity.ProblemsClosed => db.CommunityProblems
            .Where(p => p.State == Domain.Community.ProblemState.Closed && p.AnsweredByUserId != null && p.AnsweredAtUtc >= from && p.AnsweredAtUtc < to)
            .Select(p => p.AnsweredByUserId!.Value),
        TeamActivity.CheckInsRecorded => db.QuarantineCheckIns.Where(c => c.AtUtc >= from && c.AtUtc < to).Select(c => c.ByUserId),
        TeamActivity.LabResults => db.Tubes.Where(t => t.ResultByUserId != null && t.ResultAtUtc >= from && t.ResultAtUtc < to).Select(t => t.ResultByUserId!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(activity)),
    };

    internal static Dictionary<TeamActivity, int> Zero() => Enum.GetValues<TeamActivity>().ToDictionary(a => a, _ => 0);

    internal static Dictionary<TeamActivity, int> Sum(IEnumerable<KeyValuePair<(long TeamId, long UserId, TeamActivity Activity), int>> counts)
    {
        var sum = Zero();
        foreach (var c in counts) sum[c.Key.Activity] += c.Value;
        return sum;
    }
}
