using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Teams;

/// <summary>Teams of one kind in one district: how many, members now, on duty now, today's and yesterday's output.</summary>
public sealed record DeploymentRow(string DistrictCode, string DistrictName, TeamKind Kind, int Teams, int Members, int OnDutyNow,
    IReadOnlyDictionary<TeamActivity, int> Today, IReadOnlyDictionary<TeamActivity, int> Yesterday);

/// <summary>The command center's view of its teams: deployed by area and kind, and every team's output day by day.</summary>
public sealed record DeploymentView(DateOnly Today, string? DistrictCode, IReadOnlyList<DeploymentRow> Rows, IReadOnlyList<DayOutput> Days)
{
    public int Teams => Rows.Sum(r => r.Teams);
    public int Members => Rows.Sum(r => r.Members);
    public int OnDutyNow => Rows.Sum(r => r.OnDutyNow);
}

/// <summary>
/// Teams deployed now (not disbanded) by district and kind, as the command sees them. Each count is the team list's
/// behind it: the teams of that district and kind, their current members, the shifts covering this moment.
/// </summary>
public sealed class TeamDeployment(CityClock clock, DutyRoster roster, TeamOutput output)
{
    public async Task<DeploymentView> GetAsync(FangkongDb db, string? districtCode, int? days, CancellationToken ct)
    {
        var district = LineFilters.District(districtCode);
        var span = days ?? 7;
        if (span is < 1 or > TeamOutput.MaxDays) throw new InputException("days", Messages.Get("Teams.Output.TooManyDays", TeamOutput.MaxDays));
        var today = clock.Today;
        var deployed = db.Teams.AsNoTracking().Where(t => t.DisbandedAtUtc == null);
        if (district is not null) deployed = deployed.Where(t => t.DistrictCode == district);
        var teams = await deployed.Select(t => new { t.Id, t.DistrictCode, t.Kind }).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.LeftAtUtc == null && deployed.Any(t => t.Id == m.TeamId))
            .GroupBy(m => m.TeamId).Select(g => new { TeamId = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.TeamId, x => x.N, ct);
        var onDuty = await roster.OnDutyNowAsync(db, deployed, ct);

        // Output counts every team that had members on those days, disbanded since or not, in the district asked for.
        var all = district is null ? db.Teams : db.Teams.Where(t => t.DistrictCode == district);
        var memberships = await TeamOutput.MembershipsAsync(db, all, ct);
        var teamArea = await all.Select(t => new { t.Id, t.DistrictCode, t.Kind }).ToDictionaryAsync(t => t.Id, ct);
        var perDay = new List<(DateOnly Day, Dictionary<(long TeamId, long UserId, TeamActivity Activity), int> Counts)>();
        for (var day = today.AddDays(1 - Math.Max(span, 2)); day <= today; day = day.AddDays(1))
            perDay.Add((day, await output.CountDayAsync(db, memberships, day, ct)));

        Dictionary<TeamActivity, int> On(DateOnly day, string code, TeamKind kind) =>
            TeamOutput.Sum(perDay.Single(p => p.Day == day).Counts.Where(c => teamArea[c.Key.TeamId].DistrictCode == code && teamArea[c.Key.TeamId].Kind == kind));

        var rows = teams.GroupBy(t => (t.DistrictCode, t.Kind)).OrderBy(g => g.Key.DistrictCode).ThenBy(g => g.Key.Kind)
            .Select(g => new DeploymentRow(g.Key.DistrictCode, districts.TryGetValue(g.Key.DistrictCode, out var d) ? english ? d.EnglishName : d.Name : g.Key.DistrictCode,
                g.Key.Kind, g.Count(), g.Sum(t => members.GetValueOrDefault(t.Id)), onDuty.Count(o => g.Any(t => t.Id == o.TeamId)),
                On(today, g.Key.DistrictCode, g.Key.Kind), On(today.AddDays(-1), g.Key.DistrictCode, g.Key.Kind)))
            .ToList();
        var daily = perDay.Skip(perDay.Count - span).Select(p => new DayOutput(p.Day, TeamOutput.Sum(p.Counts))).ToList();
        return new DeploymentView(today, district, rows, daily);
    }
}
