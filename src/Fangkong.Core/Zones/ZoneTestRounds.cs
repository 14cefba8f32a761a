using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>
/// Testing of zones on their preset's days (domain.md §7): a round over the due zones' households, opened at once —
/// sealed households sampled at the door (door-to-door tasks, one tube a household), controlled ones at their
/// community's sites. The morning review orders one round for every zone due that day; a zone put in force or sealed
/// during the day gets its day-1 round then. A zone is tested once a day.
/// </summary>
public sealed class ZoneTestRounds(CityClock clock, RoundPlanner planner, ZonePolicy policy)
{
    public const int DeadlineHours = 12;

    /// <summary>Creates and opens today's round for those of <paramref name="zones"/> due today and not yet tested today; null when none is.</summary>
    /// <param name="facts">The zones' facts, when known (the morning review): a zone is also due on the day its lifting rule needs a
    /// whole-area round (edition 9: the 7th clear day), which the preset's schedule does not always hit.</param>
    public async Task<TestingRound?> OrderAsync(FangkongDb db, IReadOnlyCollection<Zone> zones, long userId, CancellationToken ct,
        IReadOnlyDictionary<long, ZoneFacts>? facts = null)
    {
        var today = clock.Today;
        var due = zones.Where(z => z.State == ZoneState.Active && z.Residents > 0 && z.LevelSince is { } since
            && (ZoneTesting.IsTestDay(z.Preset, z.Level, since, today) || (facts?.TryGetValue(z.Id, out var f) == true && RuleRoundDay(z, f, today) == today))).ToList();
        if (due.Count == 0) return null;
        // A zone already in one of today's zone rounds is not tested twice.
        var todays = await db.TestingRounds.Where(r => r.Scope == RoundScope.Zones && r.CreatedAtUtc >= clock.StartOfDayUtc(today)).Select(r => r.AreaIds).ToListAsync(ct);
        var tested = todays.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        due = [.. due.Where(z => !tested.Contains(z.Id.ToString(CultureInfo.InvariantCulture)))];
        if (due.Count == 0) return null;
        // Names are data, in the city's language.
        var name = due.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{due[0].Name}（{due[0].Number}）核酸检测{today:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"风险区域核酸检测{today:yyyy-MM-dd}（{due.Count}个区域）");
        var round = await planner.CreateAsync(db, new RoundRequest(name, RoundScope.Zones, [.. due.Select(z => z.Id.ToString(CultureInfo.InvariantCulture))],
            clock.UtcNow, DeadlineHours: DeadlineHours), userId, ct);
        await planner.OpenAsync(db, round.Id, ct);
        return round;
    }

    /// <summary>Edition 9's whole-area round: on the day the zone completes its clear days (a high- or medium-risk area); null for other rules.</summary>
    private DateOnly? RuleRoundDay(Zone z, ZoneFacts f, DateOnly today)
    {
        var roundRule = z.Preset == ZonePreset.RiskAreas && (z.Level == ZoneLevel.Sealed || (z.Level == ZoneLevel.Controlled && !z.DowngradedFromSealed));
        return roundRule ? today.AddDays(-f.DaysWithoutInfection(today)).AddDays(policy.RiskAreaClearDays) : null;
    }
}
