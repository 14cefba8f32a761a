using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Teams;

/// <summary>Teams as lists show them: area names, current members and leader read in one query per page.</summary>
internal static class TeamRows
{
    public static async Task<IReadOnlyList<TeamRow>> OfAsync(FangkongDb db, IQueryable<Team> teams, CancellationToken ct)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return await (from t in teams.AsNoTracking()
                      join d in db.Districts on t.DistrictCode equals d.Code
                      join c in db.Communities on t.CommunityId equals (long?)c.Id into cs
                      from c in cs.DefaultIfEmpty()
                      join l in db.Users on t.LeaderUserId equals (long?)l.Id into ls
                      from l in ls.DefaultIfEmpty()
                      select new TeamRow(t.Id, t.Name, t.Kind, t.WorkRole, t.DistrictCode, english ? d.EnglishName : d.Name, t.CommunityId,
                          c == null ? null : c.Name, t.From, db.TeamMembers.Count(m => m.TeamId == t.Id && m.LeftAtUtc == null),
                          l == null ? null : l.DisplayName, t.CreatedAtUtc, t.DisbandedAtUtc))
            .ToListAsync(ct);
    }
}
