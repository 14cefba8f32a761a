using System.Reflection;
using Fangkong.Core.Command;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Domain.Command;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Dashboard;

/// <summary>
/// The parts of <see cref="DashboardBuilder.BuildAsync"/>, each run on its own so it can be timed: the public ones
/// (<see cref="BulletinFacts.LoadAsync"/>, the counters, <see cref="CheckIns.AlertsAsync"/>) called directly, the
/// builder's private queries (sites, round, full venues) called through reflection, and the one query the builder
/// writes inline (persons in quarantine by place) copied here. No product code is changed for this.
/// </summary>
internal sealed class DashboardParts(DashboardBuilder builder, CityClock clock, CheckIns checkIns)
{
    private static readonly MethodInfo Sites = Private("SitesAsync");
    private static readonly MethodInfo Round = Private("RoundAsync");
    private static readonly MethodInfo Venues = Private("FullVenuesAsync");

    /// <summary>The parts in the order the builder runs them, each as a name and a call on a fresh context.</summary>
    public IReadOnlyList<(string Name, Func<FangkongDb, Task> Run)> All(BulletinLevel level, string area)
    {
        AreaFacts? facts = null;
        return
        [
            ("facts: cases and confirmed contacts (BulletinFacts.LoadAsync)", async db =>
                facts = await BulletinFacts.LoadAsync(db, clock, clock.StartOfDayUtc(clock.Today.AddDays(1)), level, area, default)),
            ("counting in memory: figures, places, 30-day trend, 2 curves", db =>
            {
                var f = facts!;
                var today = clock.Today;
                var from = today.AddDays(1 - DashboardBuilder.TrendDays);
                _ = BulletinCounter.Count(today, level, f.Area, f.Places, f.Cases, f.Contacts);
                _ = DashboardCounter.ByPlace(f.Cases, today);
                _ = DashboardCounter.Trend(from, today, level, f.Area, f.Places, f.Cases, f.Contacts);
                _ = DashboardCounter.Curve(f.Cases, from, today, CurveDate.Onset);
                _ = DashboardCounter.Curve(f.Cases, from, today, CurveDate.Report);
                return Task.CompletedTask;
            }),
            ("quarantine sites: occupancy", db => Invoke(Sites, null, db)),
            ("in quarantine by place (inline query)", db => db.QuarantineStays.AsNoTracking().Where(s => s.State == QuarantineState.InQuarantine)
                .GroupBy(s => s.Place).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count)),
            ("testing round: coverage, turnaround, stuck tubes", db => Invoke(Round, builder, db)),
            ("full venues: open visits by venue", db => Invoke(Venues, null, db)),
            ("check-in alerts (CheckIns.AlertsAsync)", db => checkIns.AlertsAsync(db, null, default)),
        ];
    }

    private static Task Invoke(MethodInfo m, object? target, FangkongDb db) => (Task)m.Invoke(target, [db, CancellationToken.None])!;

    private static MethodInfo Private(string name) =>
        typeof(DashboardBuilder).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance, [typeof(FangkongDb), typeof(CancellationToken)])
        ?? throw new InvalidOperationException($"DashboardBuilder.{name}(FangkongDb, CancellationToken) is gone: update the benchmark's parts");
}
