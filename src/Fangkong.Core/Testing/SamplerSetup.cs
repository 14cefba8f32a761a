using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record SiteChoice(long SiteId, string SiteName, long RoundId, string RoundName, int PoolSize);

/// <summary>What the sampling table starts from: the sites of open rounds, or for a door-to-door task its one site and its door.</summary>
public sealed record SamplerSetup(IReadOnlyList<SiteChoice> Sites, long? TaskSite, string? Door);

public sealed class SamplerSetups
{
    public async Task<SamplerSetup> ForAsync(FangkongDb db, long? taskId, CancellationToken ct)
    {
        var open = db.TestingRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open);
        long? taskSite = null;
        string? door = null;
        if (taskId is { } id)
        {
            var task = await db.DoorTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
                ?? throw new NotFoundException("task", Messages.Get("Testing.NoSuchDoorTask"));
            open = open.Where(r => r.Id == task.RoundId);
            taskSite = task.SiteId;
            door = await PersonDirectory.AddressAsync(db, task.HouseholdId, ct);
        }
        var sites = await (from s in db.SamplingSites.AsNoTracking()
                           join r in open on s.RoundId equals r.Id
                           orderby r.StartUtc descending, s.Name
                           select new SiteChoice(s.Id, s.Name, r.Id, r.Name, r.PoolSize)).ToListAsync(ct);
        if (taskSite is { } only) sites = sites.Where(s => s.SiteId == only).ToList();
        return new SamplerSetup(sites, taskSite, door);
    }
}
