using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record TurnaroundView(long RoundId, TimeSpan Target, DurationSummary SamplingToReceipt, DurationSummary ReceiptToResult,
    DurationSummary SamplingToResult, int TubesSampled, int TubesReceived, int TubesResulted);

public enum ChainStep { OpenAtTable = 1, NotBoxed = 2, NotReceived = 3, NoResult = 4 }

public sealed record StuckTube(string Barcode, long SiteId, string SiteName, ChainStep Step, DateTime SinceUtc, TimeSpan Age, int Persons);

public sealed record EfficiencyView(long RoundId, int PoolSize, int PersonsSampled, int Tubes, int PoolTubes, int SingleTubes, int ResampleTubes,
    int Tests, double TestsPerPerson, int PositivePools, int PositivePersons, int PersonsWithResult, double? ObservedPrevalence,
    double? PrevalenceFromPools, double? DorfmanTestsPerPerson, double? SavingAgainstSingleTubes);

/// <summary>Turnaround against the 24-hour target, tubes stuck in the chain, and tests used against Dorfman's expectation.</summary>
public sealed class RoundQuality(CityClock clock)
{
    public static readonly TimeSpan Target = TimeSpan.FromHours(24);

    /// <summary>How long a tube may sit at a step before it is listed as stuck.</summary>
    public static TimeSpan Allowed(ChainStep step) => step switch
    {
        ChainStep.OpenAtTable => TimeSpan.FromHours(2),
        ChainStep.NotBoxed => TimeSpan.FromHours(2),
        ChainStep.NotReceived => TimeSpan.FromHours(4),
        _ => TimeSpan.FromHours(6),
    };

    public static async Task<TurnaroundView> TurnaroundAsync(FangkongDb db, long roundId, CancellationToken ct)
    {
        await RoundAsync(db, roundId, ct);
        var tubes = await db.Tubes.AsNoTracking().Where(t => t.RoundId == roundId && t.FirstSampledAtUtc != null)
            .Select(t => new { Sampled = t.FirstSampledAtUtc!.Value, t.ReceivedAtUtc, t.ResultAtUtc }).ToListAsync(ct);
        return new TurnaroundView(roundId, Target,
            Turnaround.Summarise(tubes.Where(t => t.ReceivedAtUtc != null).Select(t => t.ReceivedAtUtc!.Value - t.Sampled), Target),
            Turnaround.Summarise(tubes.Where(t => t.ReceivedAtUtc != null && t.ResultAtUtc != null).Select(t => t.ResultAtUtc!.Value - t.ReceivedAtUtc!.Value), Target),
            Turnaround.Summarise(tubes.Where(t => t.ResultAtUtc != null).Select(t => t.ResultAtUtc!.Value - t.Sampled), Target),
            tubes.Count, tubes.Count(t => t.ReceivedAtUtc != null), tubes.Count(t => t.ResultAtUtc != null));
    }

    public async Task<Page<StuckTube>> StuckAsync(FangkongDb db, long roundId, int? page, int? pageSize, CancellationToken ct)
    {
        await RoundAsync(db, roundId, ct);
        var (p, size) = Paging.Normalise(page, pageSize);
        var now = clock.UtcNow;
        var open = await (from t in db.Tubes.AsNoTracking()
                          where t.RoundId == roundId && t.Outcome == null
                          join box in db.Boxes on t.BoxId equals box.Id into boxes
                          from box in boxes.DefaultIfEmpty()
                          join s in db.SamplingSites on t.SiteId equals s.Id
                          select new { t.Barcode, t.SiteId, Site = s.Name, t.OpenedAtUtc, t.ClosedAtUtc, Packed = (DateTime?)box.PackedAtUtc, t.ReceivedAtUtc, t.Count })
            .ToListAsync(ct);
        var stuck = new List<StuckTube>();
        foreach (var t in open)
        {
            var (step, since) = t.ClosedAtUtc is null ? (ChainStep.OpenAtTable, t.OpenedAtUtc)
                : t.Packed is null ? (ChainStep.NotBoxed, t.ClosedAtUtc.Value)
                : t.ReceivedAtUtc is null ? (ChainStep.NotReceived, t.Packed.Value)
                : (ChainStep.NoResult, t.ReceivedAtUtc.Value);
            if (now - since > Allowed(step)) stuck.Add(new StuckTube(t.Barcode, t.SiteId, t.Site, step, since, now - since, t.Count));
        }
        var ordered = stuck.OrderByDescending(s => s.Age).ToList();
        return new Page<StuckTube>(ordered.Skip((p - 1) * size).Take(size).ToList(), p, size, ordered.Count);
    }

    public static async Task<EfficiencyView> EfficiencyAsync(FangkongDb db, long roundId, CancellationToken ct)
    {
        var round = await RoundAsync(db, roundId, ct);
        var kinds = await db.Tubes.AsNoTracking().Where(t => t.RoundId == roundId && t.Count > 0)
            .GroupBy(t => t.Kind)
            .Select(g => new { Kind = g.Key, Tubes = g.Count(), Resulted = g.Count(t => t.Outcome != null), Positive = g.Count(t => t.Outcome == TubeOutcome.Positive) })
            .ToListAsync(ct);
        int Tubes(params TubeKind[] k) => kinds.Where(x => k.Contains(x.Kind)).Sum(x => x.Tubes);
        var persons = await db.Samples.CountAsync(s => s.RoundId == roundId && !s.Resample, ct);
        var withResult = await db.RoundResidents.CountAsync(x => x.RoundId == roundId && x.ResultAtUtc != null, ct);
        var positives = await db.RoundResidents.CountAsync(x => x.RoundId == roundId && x.Outcome == PersonOutcome.Positive, ct);
        var pools = kinds.Where(x => x.Kind is TubeKind.Pool).Sum(x => x.Resulted);
        var positivePools = kinds.Where(x => x.Kind is TubeKind.Pool).Sum(x => x.Positive);
        var tests = kinds.Sum(x => x.Resulted);
        double? observed = withResult == 0 ? null : (double)positives / withResult;
        double? fromPools = pools == 0 ? null : Turnaround.PrevalenceFromPools(positivePools, pools, round.PoolSize);
        double? dorfman = (observed ?? fromPools) is { } prev ? Pooling.DorfmanTestsPerPerson(prev, round.PoolSize) : null;
        var perPerson = persons == 0 ? 0 : (double)tests / persons;
        return new EfficiencyView(roundId, round.PoolSize, persons, Tubes(TubeKind.Pool, TubeKind.OnePerson, TubeKind.Household, TubeKind.Resample),
            Tubes(TubeKind.Pool, TubeKind.Household), Tubes(TubeKind.OnePerson), Tubes(TubeKind.Resample), tests, perPerson, positivePools, positives,
            withResult, observed, fromPools, dorfman, persons == 0 ? null : 1 - perPerson);
    }

    private static async Task<TestingRound> RoundAsync(FangkongDb db, long roundId, CancellationToken ct) =>
        await db.TestingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound"));
}
