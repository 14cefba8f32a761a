using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>A scheduled quarantine test, with where to sample it: the standing round and its sampling point.</summary>
public sealed record ScheduledTestView(long TaskId, long StayId, long PersonId, string Name, string? Site, string? Room, DateOnly DueDate,
    long RoundId, long? SamplingSiteId, DateTime? SampledAtUtc, TestOutcome? Outcome);

/// <summary>
/// A quarantined person's scheduled tests become single-tube sampling tasks of the testing issue: they live in one
/// standing round (scope Quarantine, no roster, no deadline that matters), with a sampling point per quarantine site and
/// one for home-isolation visits. The sampler opens a re-sampling tube there and scans the person as at any table;
/// the result flows back through the lab chain and the fan-out, and release reads it.
/// </summary>
public sealed class QuarantineTesting(TimeOrderedIds ids, CityClock clock)
{
    public const string RoundName = "隔离人员核酸检测";
    public const string HomeVisitsSite = "居家隔离上门采样";

    /// <summary>The open standing round, created on first need (the oldest wins if two placements raced to create one).</summary>
    public async Task<TestingRound> StandingRoundAsync(FangkongDb db, CancellationToken ct)
    {
        var round = await db.TestingRounds.Where(r => r.Scope == RoundScope.Quarantine && r.Status == RoundStatus.Open).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (round is not null) return round;
        var now = clock.UtcNow;
        round = new TestingRound
        {
            Id = ids.Next(),
            Name = RoundName,
            Scope = RoundScope.Quarantine,
            AreaIds = "",
            StartUtc = now,
            DeadlineUtc = now.AddYears(1),
            PoolSize = 1,
            SingleTubeForKeyGroups = true,
            PositivePoolColour = CodeColour.Red,
            WaveMinutes = 20,
            Status = RoundStatus.Open,
            PlannedFinishUtc = now,
            CreatedAtUtc = now,
            OpenedAtUtc = now,
        };
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>The standing round's sampling point for a quarantine site, or for home visits when <paramref name="quarantineSiteId"/> is null.</summary>
    public async Task<SamplingSite> SamplingPointAsync(FangkongDb db, TestingRound round, long? quarantineSiteId, CancellationToken ct)
    {
        var point = await db.SamplingSites.FirstOrDefaultAsync(s => s.RoundId == round.Id && s.QuarantineSiteId == quarantineSiteId, ct);
        if (point is not null) return point;
        var name = quarantineSiteId is { } id ? await db.QuarantineSites.Where(s => s.Id == id).Select(s => s.Name).FirstAsync(ct) : HomeVisitsSite;
        point = new SamplingSite { Id = ids.Next(), RoundId = round.Id, Name = name, Tables = 1, SwabsPerTablePerHour = 30, QuarantineSiteId = quarantineSiteId };
        db.SamplingSites.Add(point);
        await db.SaveChangesAsync(ct);
        return point;
    }

    /// <summary>One single-tube task per scheduled test of each new stay (a test of several samples is still one visit).</summary>
    public async Task ScheduleAsync(FangkongDb db, IReadOnlyList<(QuarantineStay Stay, QuarantineSchedule Schedule)> stays, CancellationToken ct)
    {
        if (stays.Count == 0) return;
        var round = await StandingRoundAsync(db, ct);
        foreach (var siteId in stays.SelectMany(s => s.Schedule.Tests.Select(t => t.Place == QuarantinePlace.Home ? null : s.Stay.SiteId)).Distinct())
            await SamplingPointAsync(db, round, siteId, ct);
        var now = clock.UtcNow;
        foreach (var (stay, schedule) in stays)
            foreach (var test in schedule.Tests)
                db.ResampleTasks.Add(Task(round.Id, stay, test, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The single-tube task of one scheduled test of a stay, in the standing round.</summary>
    public ResampleTask Task(long roundId, QuarantineStay stay, ScheduledTest test, DateTime nowUtc) => new()
    {
        Id = ids.Next(),
        RoundId = roundId,
        PersonId = stay.PersonId,
        Reason = SingleTubeReason.QuarantineSchedule,
        StayId = stay.Id,
        DueDate = test.Date,
        AtHome = test.Place == QuarantinePlace.Home,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>
    /// The sampling list for a day: quarantine tests due that day (and, with <paramref name="overdue"/>, earlier ones
    /// not yet sampled), per site or for home visits, with whether each was sampled and its result.
    /// </summary>
    public static async Task<Page<ScheduledTestView>> DueAsync(FangkongDb db, DateOnly date, long? siteId, bool home, bool overdue, bool? done,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.ResampleTasks.AsNoTracking().Where(t => t.Reason == SingleTubeReason.QuarantineSchedule);
        q = overdue ? q.Where(t => t.DueDate <= date && t.DoneAtUtc == null) : q.Where(t => t.DueDate == date);
        if (done is { } d) q = d ? q.Where(t => t.DoneAtUtc != null) : q.Where(t => t.DoneAtUtc == null);
        var rows = from t in q
                   join s in db.QuarantineStays on t.StayId equals (long?)s.Id
                   join person in db.Persons on t.PersonId equals person.Id
                   select new { t, SiteId = t.AtHome ? null : s.SiteId, RoomId = t.AtHome ? null : s.RoomId, person.Name };
        if (siteId is { } sid) rows = rows.Where(r => r.SiteId == sid);
        if (home) rows = rows.Where(r => r.t.AtHome);
        var total = await rows.LongCountAsync(ct);
        var list = await rows.OrderBy(r => r.t.DueDate).ThenBy(r => r.SiteId).ThenBy(r => r.RoomId).ThenBy(r => r.t.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var siteIds = list.Select(r => r.SiteId).OfType<long>().Distinct().ToList();
        var roomIds = list.Select(r => r.RoomId).OfType<long>().Distinct().ToList();
        var sampleIds = list.Select(r => r.t.SampleId).OfType<long>().ToList();
        var sites = await db.QuarantineSites.Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var rooms = await db.QuarantineRooms.Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var results = await db.TestResults.Where(r => sampleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Outcome, ct);
        var roundIds = list.Select(r => r.t.RoundId).Distinct().ToList();
        var points = (await db.SamplingSites.Where(s => roundIds.Contains(s.RoundId)).Select(s => new { s.RoundId, s.QuarantineSiteId, s.Id }).ToListAsync(ct))
            .ToDictionary(s => (s.RoundId, s.QuarantineSiteId ?? 0), s => s.Id);
        var items = list.Select(r => new ScheduledTestView(r.t.Id, r.t.StayId!.Value, r.t.PersonId, Masking.Name(r.Name),
            r.SiteId is { } s ? sites.GetValueOrDefault(s) : null, r.RoomId is { } m ? rooms.GetValueOrDefault(m) : null, r.t.DueDate!.Value,
            r.t.RoundId, points.TryGetValue((r.t.RoundId, r.SiteId ?? 0), out var point) ? point : null, r.t.DoneAtUtc, r.t.SampleId is { } id && results.TryGetValue(id, out var o) ? o : null)).ToList();
        return new Page<ScheduledTestView>(items, p, size, total);
    }
}
