using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>
/// Creates a round over an area: writes its roster set-based, opens sampling sites per community, sends compounds
/// to them and schedules building units into waves (domain.md §4). Sampling must end early enough for the lab:
/// <see cref="LabAllowance"/> before the deadline ("results generally within 6 hours").
/// </summary>
public sealed class RoundPlanner(TimeOrderedIds ids, CityClock clock)
{
    public static readonly TimeSpan LabAllowance = TimeSpan.FromHours(6);
    public static DateTime SamplingDeadline(DateTime deadlineUtc) => deadlineUtc - LabAllowance;

    public async Task<TestingRound> CreateAsync(FangkongDb db, RoundRequest r, long userId, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) throw new InputException("name", Messages.Get("Testing.RoundNameLength"));
        var scope = r.Scope ?? RoundScope.City;
        if (!Enum.IsDefined(scope) || scope == RoundScope.Quarantine) throw new InputException("scope", Messages.Get("Testing.RoundScope"));
        var areaFilter = await AreaFilterAsync(db, scope, r.AreaIds ?? [], ct);
        var start = r.StartAt is { } s ? clock.AsUtc(s) : clock.UtcNow;
        if (start < clock.UtcNow.AddDays(-1) || start > clock.UtcNow.AddDays(30))
            throw new InputException("startAt", Messages.Get("Testing.RoundStartWindow"));
        var hours = r.DeadlineHours ?? 24;
        if (hours is < 7 or > 72) throw new InputException("deadlineHours", Messages.Get("Testing.RoundDeadlineHours"));
        var policy = new SamplingPolicy
        {
            PoolSize = r.PoolSize ?? Pooling.DefaultPoolSize,
            SingleTubeForKeyGroups = r.SingleTubeForKeyGroups ?? true,
            HouseholdTubeInSealedCompounds = r.HouseholdTubeInSealedCompounds ?? true,
            PositivePoolColour = r.PositivePoolColour ?? CodeColour.Yellow,
            YellowForMissedRound = r.YellowForMissedRound ?? true,
            WaveLength = TimeSpan.FromMinutes(r.WaveMinutes ?? 20),
        };
        if (!Enum.IsDefined(policy.PositivePoolColour)) throw new InputException("positivePoolColour", Messages.Get("Testing.UnknownColour"));
        if (policy.Validate() is { } bad) throw new InputException(bad.Field, Messages.Get(bad.Reason));
        var perSite = r.ResidentsPerSite ?? 1500;
        if (perSite is < 100 or > 20000) throw new InputException("residentsPerSite", Messages.Get("Testing.ResidentsPerSite"));
        var rate = r.SwabsPerTablePerHour ?? 60;
        if (rate is < 10 or > 300) throw new InputException("swabsPerTablePerHour", Messages.Get("Testing.SwabsPerTablePerHour"));

        var round = new TestingRound
        {
            Id = ids.Next(),
            Name = name,
            Scope = scope,
            AreaIds = string.Join(',', r.AreaIds ?? []),
            StartUtc = start,
            DeadlineUtc = start.AddHours(hours),
            PoolSize = policy.PoolSize,
            SingleTubeForKeyGroups = policy.SingleTubeForKeyGroups,
            HouseholdTubeInSealedCompounds = policy.HouseholdTubeInSealedCompounds,
            PositivePoolColour = policy.PositivePoolColour,
            YellowForMissedRound = policy.YellowForMissedRound,
            WaveMinutes = (int)policy.WaveLength.TotalMinutes,
            Status = RoundStatus.Planned,
            CreatedAtUtc = clock.UtcNow,
            CreatedByUserId = userId,
        };

        // In the caller's transaction when it has one (a zone put in force orders its first round with it).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        round.Residents = await WriteRosterAsync(db, round.Id, areaFilter, ct);
        if (round.Residents == 0) throw new InputException("areaIds", Messages.Get("Testing.NoResidentsInArea"));
        await OpenSitesAsync(db, round, perSite, rate, ct);
        await CreateHomeTasksAsync(db, round, ct);
        await db.SaveChangesAsync(ct);
        await ReplanAsync(db, round, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return round;
    }

    /// <summary>Validated SQL filter on streets (s) and communities (c); ids are parsed numbers, never caller text.</summary>
    private static async Task<string> AreaFilterAsync(FangkongDb db, RoundScope scope, IReadOnlyList<string> areaIds, CancellationToken ct)
    {
        if (scope == RoundScope.City) return "1 = 1";
        if (areaIds.Count == 0) throw new InputException("areaIds", Messages.Get("Testing.AreaRequired"));
        if (scope == RoundScope.Districts)
        {
            var codes = areaIds.Select(a => a.Trim()).Distinct().ToList();
            var known = await db.Districts.Where(d => codes.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct);
            if (codes.Except(known).FirstOrDefault() is { } unknown) throw new InputException("areaIds", Messages.Get("Testing.UnknownDistrict", unknown));
            return $"s.\"DistrictCode\" IN ({string.Join(",", known.Select(k => "'" + long.Parse(k, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "'"))})";
        }
        if (scope == RoundScope.Zones) return await ZoneFilterAsync(db, areaIds, ct);
        var ids = new List<long>();
        foreach (var a in areaIds)
            ids.Add(long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new InputException("areaIds", Messages.Get("Testing.BadCommunityId", a)));
        var found = await db.Communities.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (ids.Except(found).FirstOrDefault() is var missing and not 0) throw new InputException("areaIds", Messages.Get("Testing.UnknownCommunity", missing));
        return $"c.\"Id\" IN ({string.Join(",", found)})";
    }

    /// <summary>The households of zones in force (read through <see cref="FangkongDb.ZonedHouseholds"/>); ids are parsed numbers.</summary>
    private static async Task<string> ZoneFilterAsync(FangkongDb db, IReadOnlyList<string> areaIds, CancellationToken ct)
    {
        var ids = new List<long>();
        foreach (var a in areaIds)
            ids.Add(long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new InputException("areaIds", Messages.Get("Zones.NotAZoneId", a)));
        var found = await db.ZonedHouseholds.Where(z => ids.Contains(z.ZoneId)).Select(z => z.ZoneId).Distinct().ToListAsync(ct);
        if (ids.Except(found).FirstOrDefault() is var missing and not 0) throw new InputException("areaIds", Messages.Get("Zones.UnknownZone", missing));
        return $"h.\"Id\" IN (SELECT zh.\"HouseholdId\" FROM zone_households zh WHERE zh.\"ZoneId\" IN ({string.Join(",", found)}))";
    }

    private static async Task<int> WriteRosterAsync(FangkongDb db, long roundId, string areaFilter, CancellationToken ct)
    {
        // Set-based: a city of a million is one statement, not a million round trips.
        var sql = $"""
            INSERT INTO round_residents ("RoundId", "PersonId", "DistrictCode", "CommunityId", "CompoundId", "BuildingId", "UnitId", "HouseholdId", "AtHome", "KeyGroup", "Missed")
            SELECT {roundId}, p."Id", s."DistrictCode", c."Id", co."Id", b."Id", u."Id", h."Id",
              (EXISTS (SELECT 1 FROM person_markers m WHERE m."PersonId" = p."Id" AND m."Kind" = 1)
               OR EXISTS (SELECT 1 FROM zone_households zh JOIN zones z ON z."Id" = zh."ZoneId" WHERE zh."HouseholdId" = h."Id" AND z."State" = 2 AND z."Level" = 3)),
              EXISTS (SELECT 1 FROM person_markers m WHERE m."PersonId" = p."Id" AND m."Kind" = 2),
              FALSE
            FROM persons p
            JOIN households h ON h."Id" = p."HouseholdId"
            JOIN units u ON u."Id" = h."UnitId"
            JOIN buildings b ON b."Id" = u."BuildingId"
            JOIN compounds co ON co."Id" = b."CompoundId"
            JOIN communities c ON c."Id" = co."CommunityId"
            JOIN streets s ON s."Id" = c."StreetId"
            WHERE {areaFilter}
            """;
        return await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>One site per <paramref name="perSite"/> residents of a community, compounds split among them in order.</summary>
    private async Task OpenSitesAsync(FangkongDb db, TestingRound round, int perSite, int rate, CancellationToken ct)
    {
        var compounds = await db.RoundResidents.Where(x => x.RoundId == round.Id)
            .GroupBy(x => new { x.CommunityId, x.CompoundId })
            .Select(g => new { g.Key.CommunityId, g.Key.CompoundId, Residents = g.Count(), Coming = g.Count(x => !x.AtHome) })
            .ToListAsync(ct);
        var names = await db.Communities.Where(c => compounds.Select(x => x.CommunityId).Distinct().Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var windowHours = Math.Max(1, (SamplingDeadline(round.DeadlineUtc) - round.StartUtc - round.Policy.WaveLength).TotalHours);
        foreach (var community in compounds.GroupBy(x => x.CommunityId).OrderBy(g => g.Key))
        {
            var total = community.Sum(x => x.Residents);
            var siteCount = Math.Max(1, (total + perSite - 1) / perSite);
            var share = (double)total / siteCount;
            var groups = new List<List<(long CompoundId, int Coming)>> { new() };
            var acc = 0;
            foreach (var c in community.OrderBy(x => x.CompoundId))
            {
                if (acc >= share * groups.Count && groups.Count < siteCount) groups.Add([]);
                groups[^1].Add((c.CompoundId, c.Coming));
                acc += c.Residents;
            }
            for (var i = 0; i < groups.Count; i++)
            {
                var coming = groups[i].Sum(x => x.Coming);
                var site = new SamplingSite
                {
                    Id = ids.Next(),
                    RoundId = round.Id,
                    CommunityId = community.Key,
                    SwabsPerTablePerHour = rate,
                    Name = $"{names.GetValueOrDefault(community.Key, "社区")}第{i + 1}采样点",
                    // Enough tables to finish inside the sampling window, but no more than a square can hold.
                    Tables = Math.Clamp((int)Math.Ceiling(coming / (rate * windowHours)), 1, 20),
                };
                db.SamplingSites.Add(site);
                foreach (var (compoundId, _) in groups[i])
                    db.SiteCompounds.Add(new SiteCompound { RoundId = round.Id, CompoundId = compoundId, SiteId = site.Id });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Households with an immobile member or in a sealed zone are sampled at home (敲门行动).</summary>
    private async Task CreateHomeTasksAsync(FangkongDb db, TestingRound round, CancellationToken ct)
    {
        var homes = await db.RoundResidents.Where(x => x.RoundId == round.Id && x.AtHome)
            .Select(x => new { x.HouseholdId, x.CompoundId }).Distinct().ToListAsync(ct);
        if (homes.Count == 0) return;
        var households = homes.Select(h => h.HouseholdId).ToList();
        // One parameter for the list: a round over 200 sealed compounds has ~38,000 households at home, more than SQLite
        // takes as separate parameters (32,766).
        var sealedHomes = (await db.ZonedHouseholds.Where(z => z.Level == Domain.Zones.ZoneLevel.Sealed && EF.Parameter(households).Contains(z.HouseholdId))
            .Select(z => z.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
        var sites = await db.SiteCompounds.Where(s => s.RoundId == round.Id).ToDictionaryAsync(s => s.CompoundId, s => s.SiteId, ct);
        // Written at once, untracked: a seal of 200 compounds orders ~38,000 door tasks in the officer's request.
        await DirectInserts.InsertAsync(db, [.. homes.Select(h => new DoorTask
            {
                Id = ids.Next(),
                RoundId = round.Id,
                HouseholdId = h.HouseholdId,
                CompoundId = h.CompoundId,
                SiteId = sites[h.CompoundId],
                Reason = sealedHomes.Contains(h.HouseholdId) ? DoorReason.Sealed : DoorReason.Immobile,
                CreatedAtUtc = clock.UtcNow,
            })], ct);
    }

    /// <summary>Recomputes every unit's wave from the sites' current tables; the finish time shows whether the deadline holds.</summary>
    public static async Task ReplanAsync(FangkongDb db, TestingRound round, CancellationToken ct)
    {
        await db.RoundWaves.Where(w => w.RoundId == round.Id).ExecuteDeleteAsync(ct);
        var units = await (from x in db.RoundResidents
                           where x.RoundId == round.Id && !x.AtHome
                           join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                           group x by new { x.UnitId, sc.SiteId } into g
                           select new UnitDemand(g.Key.UnitId, g.Key.SiteId, g.Count())).ToListAsync(ct);
        var sites = await db.SamplingSites.Where(s => s.RoundId == round.Id)
            .Select(s => new SiteCapacity(s.Id, s.Tables, s.SwabsPerTablePerHour)).ToListAsync(ct);
        var plan = WavePlanner.Plan(units, sites, round.StartUtc, SamplingDeadline(round.DeadlineUtc), round.Policy.WaveLength);
        db.RoundWaves.AddRange(plan.Waves.Select(w => new RoundWave
        {
            RoundId = round.Id,
            UnitId = w.UnitId,
            SiteId = w.SiteId,
            StartUtc = w.StartUtc,
            EndUtc = w.EndUtc,
            Residents = w.Residents,
        }));
        round.PlannedFinishUtc = plan.FinishUtc;
    }

    public async Task<SamplingSite> ChangeSiteAsync(FangkongDb db, long siteId, SiteChange change, CancellationToken ct)
    {
        var site = await db.SamplingSites.FindAsync([siteId], ct) ?? throw new NotFoundException("siteId", Messages.Get("Testing.NoSuchSite"));
        var round = await db.TestingRounds.FirstAsync(r => r.Id == site.RoundId, ct);
        if (round.Status == RoundStatus.Closed) throw new ConflictException(Messages.Get("Testing.RoundClosed"));
        if (change.Tables is { } t)
            site.Tables = t is >= 1 and <= 100 ? t : throw new InputException("tables", Messages.Get("Testing.SiteTables"));
        if (change.SwabsPerTablePerHour is { } r)
            site.SwabsPerTablePerHour = r is >= 10 and <= 300 ? r : throw new InputException("swabsPerTablePerHour", Messages.Get("Testing.SwabsPerTablePerHour"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await ReplanAsync(db, round, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return site;
    }

    public async Task<TestingRound> OpenAsync(FangkongDb db, long roundId, CancellationToken ct)
    {
        var round = await db.TestingRounds.FindAsync([roundId], ct) ?? throw new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound"));
        if (round.Status != RoundStatus.Planned) throw new ConflictException(Messages.Get("Testing.OnlyPlannedRoundOpens"));
        round.Status = RoundStatus.Open;
        round.OpenedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return round;
    }
}
