using Fangkong.Core.People;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

/// <summary>
/// Samples of every kind written straight into a demo city's store, to list and export: a mass-testing round with
/// pools (negative, one positive, two without a result), single tubes, door-to-door household tubes and the positive
/// pool's single-tube re-samples; and the standing quarantine round's scheduled single tubes. One swab every 20 minutes
/// from <c>at</c>, ids in time order like the product's.
/// </summary>
internal static class SampleSeed
{
    public const long MassRound = 800_000_001, QuarantineRound = 800_000_002;
    public const long SiteA = 800_000_101, SiteB = 800_000_102, QuarantinePoint = 800_000_103;

    public sealed record Seeded(IReadOnlyList<Person> People, DateTime At);

    public static async Task<Seeded> SamplesAsync(CityHost host, DateTime at)
    {
        await using var db = host.Db();
        var people = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && p.Phone != null).OrderBy(p => p.Id).Take(130).ToListAsync();
        db.TestingRounds.Add(Round(MassRound, "第三轮全员核酸检测", RoundScope.City, at));
        db.TestingRounds.Add(Round(QuarantineRound, Fangkong.Core.Quarantine.QuarantineTesting.RoundName, RoundScope.Quarantine, at));
        db.SamplingSites.Add(new SamplingSite { Id = SiteA, RoundId = MassRound, Name = "第一中学采样点", CommunityId = 1, Tables = 2, SwabsPerTablePerHour = 60 });
        db.SamplingSites.Add(new SamplingSite { Id = SiteB, RoundId = MassRound, Name = "人民广场采样点", CommunityId = 1, Tables = 2, SwabsPerTablePerHour = 60 });
        db.SamplingSites.Add(new SamplingSite { Id = QuarantinePoint, RoundId = QuarantineRound, Name = "龙山宾馆隔离点", CommunityId = 1, Tables = 1, SwabsPerTablePerHour = 30 });

        var n = 0;
        var tube = 0;
        void Tube(long round, long site, TubeKind kind, IEnumerable<int> persons, TubeOutcome? outcome, bool received, bool atHome = false)
        {
            var id = 800_010_000 + tube++;
            var first = at.AddMinutes(20 * n);
            var members = persons.ToList();
            foreach (var p in members)
            {
                db.Samples.Add(new Sample
                {
                    Id = 800_100_000 + n,
                    RoundId = round,
                    TubeId = id,
                    PersonId = people[p].Id,
                    AtUtc = at.AddMinutes(20 * n),
                    SamplerUserId = 1,
                    Resample = kind == TubeKind.Resample,
                    AtHome = atHome,
                    IdempotencyKey = "seed-sample-" + n,
                });
                n++;
            }
            var last = at.AddMinutes(20 * (n - 1));
            db.Tubes.Add(new Tube
            {
                Id = id,
                RoundId = round,
                Barcode = "T" + id,
                SiteId = site,
                Kind = kind,
                Capacity = kind == TubeKind.Pool ? 10 : kind == TubeKind.Household ? 20 : 1,
                Count = members.Count,
                OpenedByUserId = 1,
                OpenedAtUtc = first,
                FirstSampledAtUtc = first,
                ClosedAtUtc = last,
                ReceivedAtUtc = received || outcome is not null ? last.AddHours(4) : null,
                Outcome = outcome,
                ResultAtUtc = outcome is null ? null : last.AddHours(10),
                OpenKey = "seed-tube-" + id,
            });
        }

        // Ten pools of ten: seven negative, one positive, one received without a result yet, one still on its way.
        for (var t = 0; t < 10; t++)
            Tube(MassRound, t % 2 == 0 ? SiteA : SiteB, TubeKind.Pool, Enumerable.Range(10 * t, 10),
                t < 7 ? TubeOutcome.Negative : t == 7 ? TubeOutcome.Positive : null, received: t == 8);
        // Ten single tubes: the first positive, the last without a result.
        for (var t = 0; t < 10; t++)
            Tube(MassRound, SiteA, TubeKind.OnePerson, [100 + t], t == 0 ? TubeOutcome.Positive : t == 9 ? null : TubeOutcome.Negative, received: false);
        // Two households sampled at home (door to door), negative.
        Tube(MassRound, SiteB, TubeKind.Household, [110, 111, 112], TubeOutcome.Negative, false, atHome: true);
        Tube(MassRound, SiteB, TubeKind.Household, [113, 114, 115], TubeOutcome.Negative, false, atHome: true);
        // The positive pool's members 70–72 re-sampled in single tubes: two negative, one positive.
        for (var t = 0; t < 3; t++)
            Tube(MassRound, SiteA, TubeKind.Resample, [70 + t], t == 2 ? TubeOutcome.Positive : TubeOutcome.Negative, false);
        // Quarantine tests in the standing round: single tubes, half of them home-isolation visits, the last two pending.
        for (var t = 0; t < 10; t++)
            Tube(QuarantineRound, QuarantinePoint, TubeKind.Resample, [120 + t], t < 8 ? TubeOutcome.Negative : null, false, atHome: t % 2 == 1);
        await db.SaveChangesAsync();
        return new Seeded(people, at);
    }

    private static TestingRound Round(long id, string name, RoundScope scope, DateTime at) => new()
    {
        Id = id,
        Name = name,
        Scope = scope,
        AreaIds = "",
        StartUtc = at.AddHours(-1),
        DeadlineUtc = at.AddDays(2),
        PoolSize = 10,
        WaveMinutes = 20,
        Status = RoundStatus.Open,
        PlannedFinishUtc = at.AddDays(1),
        CreatedAtUtc = at.AddHours(-2),
        OpenedAtUtc = at.AddHours(-1),
    };
}
