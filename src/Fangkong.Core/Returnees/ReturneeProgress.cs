using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>A test day of a returnee's measure and where it stands.</summary>
public enum TestDayState { Upcoming = 1, DueToday = 2, Sampled = 3, Negative = 4, Positive = 5, Missed = 6 }

public sealed record ReturneeTestDay(DateOnly Date, TestDayState State);

/// <summary>How a returnee's measure goes today: each test day, today's check-in (when in a stay), yesterday's missed, the worker's follow-up.</summary>
public sealed record ReturneeStatus(IReadOnlyList<ReturneeTestDay> Tests, bool? CheckedInToday, bool MissedCheckIn, bool FollowedUpToday)
{
    public bool AllNegative => Tests.Count > 0 && Tests.All(t => t.State == TestDayState.Negative);
    public bool AnyPositive => Tests.Any(t => t.State == TestDayState.Positive);
    public bool MissedTest => Tests.Any(t => t.State == TestDayState.Missed);
}

/// <summary>
/// Reads where returnees' measures stand in a fixed number of queries: a test day counts when the person was sampled
/// that city day (any round — a returnee may be swabbed at any site), negative or positive once its result is in.
/// </summary>
internal static class ReturneeProgress
{
    public static async Task<Dictionary<long, ReturneeStatus>> LoadAsync(FangkongDb db, IReadOnlyList<Returnee> returnees, CityClock clock, CancellationToken ct)
    {
        if (returnees.Count == 0) return [];
        var today = clock.Today;
        var persons = returnees.Select(r => r.PersonId).Distinct().ToList();
        var from = clock.StartOfDayUtc(returnees.Min(r => r.ArrivedOn));
        var results = (await db.TestResults.AsNoTracking().Where(t => persons.Contains(t.PersonId) && t.SampledAtUtc >= from)
            .Select(t => new { t.PersonId, t.SampledAtUtc, t.Outcome }).ToListAsync(ct))
            .ToLookup(t => (t.PersonId, DateOnly.FromDateTime(clock.ToLocal(t.SampledAtUtc))), t => t.Outcome);
        var samples = (await db.Samples.AsNoTracking().Where(s => persons.Contains(s.PersonId) && s.AtUtc >= from).Select(s => new { s.PersonId, s.AtUtc }).ToListAsync(ct))
            .Select(s => (s.PersonId, DateOnly.FromDateTime(clock.ToLocal(s.AtUtc)))).ToHashSet();
        var stays = returnees.Select(r => r.StayId).OfType<long>().ToList();
        var yesterday = today.AddDays(-1);
        var checkIns = (await db.QuarantineCheckIns.AsNoTracking().Where(k => stays.Contains(k.StayId) && (k.Day == today || k.Day == yesterday))
            .Select(k => new { k.StayId, k.Day }).ToListAsync(ct)).Select(k => (k.StayId, k.Day)).ToHashSet();
        var ids = returnees.Select(r => r.Id).ToList();
        var followed = (await db.ReturneeFollowUps.AsNoTracking().Where(f => ids.Contains(f.ReturneeId) && f.Day == today).Select(f => f.ReturneeId).ToListAsync(ct)).ToHashSet();
        return returnees.ToDictionary(r => r.Id, r =>
        {
            var tests = TravellerRules.TestDays(r.Decision).Select(day =>
            {
                var outcomes = results[(r.PersonId, day)].ToList();
                var state = outcomes.Contains(TestOutcome.Positive) ? TestDayState.Positive
                    : outcomes.Count > 0 ? TestDayState.Negative
                    : samples.Contains((r.PersonId, day)) ? TestDayState.Sampled
                    : day > today ? TestDayState.Upcoming
                    : day == today ? TestDayState.DueToday
                    : TestDayState.Missed;
                return new ReturneeTestDay(day, state);
            }).ToList();
            bool? checkedIn = r.StayId is { } stay && r.State == ReturneeState.UnderMeasure ? checkIns.Contains((stay, today)) : null;
            var missed = r.StayId is { } s && r.State == ReturneeState.UnderMeasure && r.ArrivedOn <= yesterday && !checkIns.Contains((s, yesterday));
            return new ReturneeStatus(tests, checkedIn, missed, followed.Contains(r.Id));
        });
    }
}
