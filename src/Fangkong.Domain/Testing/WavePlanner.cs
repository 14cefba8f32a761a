namespace Fangkong.Domain.Testing;

/// <summary>A building unit to be sampled at a site: residents come down together in one wave.</summary>
public sealed record UnitDemand(long UnitId, long SiteId, int Residents);

/// <summary>A sampling site's throughput: tables × swabs per table per hour.</summary>
public sealed record SiteCapacity(long SiteId, int Tables, int SwabsPerTablePerHour)
{
    public int PerHour => Tables * SwabsPerTablePerHour;
}

public sealed record Wave(long UnitId, long SiteId, DateTime StartUtc, DateTime EndUtc, int Residents);

/// <summary>The schedule and whether it meets the deadline; if not, by how much it runs over.</summary>
public sealed record WavePlan(IReadOnlyList<Wave> Waves, DateTime FinishUtc, DateTime DeadlineUtc, IReadOnlyList<long> UnplannableSites)
{
    public bool MeetsDeadline => FinishUtc <= DeadlineUtc && UnplannableSites.Count == 0;
    public TimeSpan Overrun => FinishUtc > DeadlineUtc ? FinishUtc - DeadlineUtc : TimeSpan.Zero;
}

/// <summary>
/// Schedules building units into waves (default 20 minutes, domain.md §4) per site so that no wave brings more
/// residents than the site can swab in it. Units queue in order and are packed back to back: a unit starts in
/// the wave where the previous one left room and, if large, runs on into the next waves. Sites run in parallel;
/// the round finishes when the slowest site does.
/// </summary>
public static class WavePlanner
{
    public static WavePlan Plan(IEnumerable<UnitDemand> units, IEnumerable<SiteCapacity> sites, DateTime startUtc, DateTime deadlineUtc, TimeSpan? waveLength = null)
    {
        var wave = waveLength ?? TimeSpan.FromMinutes(20);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wave, TimeSpan.Zero, nameof(waveLength));
        var capacity = sites.ToDictionary(s => s.SiteId);
        var waves = new List<Wave>();
        var unplannable = new List<long>();
        var finish = startUtc;
        foreach (var site in units.Where(u => u.Residents > 0).GroupBy(u => u.SiteId).OrderBy(g => g.Key))
        {
            if (!capacity.TryGetValue(site.Key, out var cap) || cap.PerHour <= 0)
            {
                unplannable.Add(site.Key);
                continue;
            }
            // Swabs one site takes in one wave; every resident occupies one place in the site's queue.
            var perWave = Math.Max(1, (int)Math.Floor(cap.PerHour * wave.TotalHours));
            long position = 0;
            foreach (var unit in site.OrderBy(u => u.UnitId))
            {
                var first = position / perWave;
                var last = (position + unit.Residents - 1) / perWave;
                waves.Add(new Wave(unit.UnitId, site.Key, startUtc + wave * first, startUtc + wave * (last + 1), unit.Residents));
                position += unit.Residents;
            }
            var siteFinish = startUtc + wave * ((position + perWave - 1) / perWave);
            if (siteFinish > finish) finish = siteFinish;
        }
        return new WavePlan(waves, finish, deadlineUtc, unplannable);
    }
}
