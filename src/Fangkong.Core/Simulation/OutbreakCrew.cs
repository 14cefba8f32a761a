using System.Collections.Concurrent;
using Fangkong.Core.Data;
using Fangkong.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Who does a piece of the simulated work: a member of a deployed team working in that role, in the place's community or
/// district when a team works there, on duty at that moment by the team's roster (anyone of the team when nobody is), chosen
/// by a stable key so a site or a stay keeps its worker. A city without teams (seeded before them) leaves the work to the
/// single demo account of the role, as before.
/// </summary>
internal sealed class OutbreakCrew
{
    private sealed record Member(long UserId, string UserName, string DisplayName, string Role, string District, long? Community, long? Grid);

    private readonly List<Member> _members;
    private readonly Dictionary<long, string> _districtOfCommunity;
    private readonly ConcurrentDictionary<long, long> _siteCommunity = new();
    private ILookup<long, Shift> _shifts = Enumerable.Empty<Shift>().ToLookup(s => 0L);

    private OutbreakCrew(List<Member> members, Dictionary<long, string> districtOfCommunity)
    {
        _members = members;
        _districtOfCommunity = districtOfCommunity;
    }

    public static async Task<OutbreakCrew> LoadAsync(FangkongDb db, CancellationToken ct)
    {
        var members = await (from m in db.TeamMembers.AsNoTracking()
                             where m.LeftAtUtc == null
                             join t in db.Teams on m.TeamId equals t.Id
                             where t.DisbandedAtUtc == null
                             join u in db.Users on m.UserId equals u.Id
                             orderby m.UserId
                             select new { u.Id, u.UserName, u.DisplayName, t.WorkRole, t.DistrictCode, t.CommunityId, u.JurisdictionLevel, u.JurisdictionId }).ToListAsync(ct);
        var districts = await (from c in db.Communities join s in db.Streets on c.StreetId equals s.Id select new { c.Id, s.DistrictCode }).ToListAsync(ct);
        return new OutbreakCrew(
            members.Select(m => new Member(m.Id, m.UserName, m.DisplayName, m.WorkRole, m.DistrictCode, m.CommunityId,
                m.JurisdictionLevel == Accounts.JurisdictionLevel.Grid ? m.JurisdictionId : null)).ToList(),
            districts.ToDictionary(d => d.Id, d => d.DistrictCode));
    }

    /// <summary>Reads the roster around a simulated day (yesterday's night shifts reach into it).</summary>
    public async Task OnDayAsync(FangkongDb db, DateOnly day, CancellationToken ct)
    {
        var users = _members.Select(m => m.UserId).ToList();
        var rows = await db.TeamShifts.AsNoTracking().Where(s => users.Contains(s.UserId) && s.Day >= day.AddDays(-1) && s.Day <= day)
            .Select(s => new { s.UserId, s.Day, s.Starts, s.Ends }).ToListAsync(ct);
        _shifts = rows.ToLookup(r => r.UserId, r => new Shift(r.Day, r.Starts, r.Ends));
    }

    /// <summary>The member working in <paramref name="role"/> near a community at a city-local moment, or null when no team has the role.</summary>
    public (long UserId, string UserName, string DisplayName)? Pick(string role, long? communityId, DateTime local, long key)
    {
        var all = _members.Where(m => m.Role == role).ToList();
        if (all.Count == 0) return null;
        var district = communityId is { } c ? _districtOfCommunity.GetValueOrDefault(c) : null;
        var near = all.Where(m => m.Community is { } mc && mc == communityId).ToList() is { Count: > 0 } inCommunity ? inCommunity
            : all.Where(m => m.Community is null && m.District == district).ToList() is { Count: > 0 } inDistrict ? inDistrict : all;
        var onDuty = near.Where(m => _shifts[m.UserId].Any(s => s.Covers(local))).ToList();
        var from = onDuty.Count > 0 ? onDuty : near;
        var chosen = from[(int)((ulong)key % (ulong)from.Count)];
        return (chosen.UserId, chosen.UserName, chosen.DisplayName);
    }

    /// <summary>The grid worker whose own grid this is, when their account is in a team.</summary>
    public (long UserId, string UserName, string DisplayName)? OwnGridWorker(long gridId) =>
        _members.FirstOrDefault(m => m.Grid == gridId) is { } m ? (m.UserId, m.UserName, m.DisplayName) : null;

    /// <summary>The sampler at a sampling site: the sampling team of the site's district, on duty then.</summary>
    public async Task<long> SamplerAsync(FangkongDb db, long siteId, DateTime local, long fallback, CancellationToken ct)
    {
        if (_members.All(m => m.Role != Accounts.Roles.Sampler)) return fallback;
        if (!_siteCommunity.TryGetValue(siteId, out var community))
            _siteCommunity[siteId] = community = await db.SamplingSites.Where(s => s.Id == siteId).Select(s => s.CommunityId).FirstAsync(ct);
        return Pick(Accounts.Roles.Sampler, community, local, siteId)?.UserId ?? fallback;
    }
}
