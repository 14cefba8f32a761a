namespace Fangkong.Domain.Testing;

/// <summary>A distribution of durations: quantiles, share within a target, and hourly buckets for a histogram.</summary>
public sealed record DurationSummary(int Count, TimeSpan? Median, TimeSpan? P90, TimeSpan? P99, TimeSpan? Max, double WithinTargetShare,
    IReadOnlyList<int> HourBuckets);

public static class Turnaround
{
    /// <summary>Summarises durations against <paramref name="target"/>; buckets are whole hours, the last one open-ended.</summary>
    public static DurationSummary Summarise(IEnumerable<TimeSpan> durations, TimeSpan target, int buckets = 25)
    {
        var sorted = durations.Where(d => d >= TimeSpan.Zero).OrderBy(d => d).ToArray();
        var hist = new int[buckets];
        foreach (var d in sorted) hist[Math.Min(buckets - 1, (int)d.TotalHours)]++;
        if (sorted.Length == 0) return new DurationSummary(0, null, null, null, null, 0, hist);
        var within = sorted.Count(d => d <= target);
        return new DurationSummary(sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.9), Quantile(sorted, 0.99), sorted[^1],
            (double)within / sorted.Length, hist);
    }

    /// <summary>Nearest-rank quantile of an ascending array.</summary>
    public static TimeSpan Quantile(IReadOnlyList<TimeSpan> ascending, double q)
    {
        if (ascending.Count == 0) throw new ArgumentException("no values", nameof(ascending));
        var rank = (int)Math.Ceiling(q * ascending.Count);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Count - 1)];
    }

    /// <summary>
    /// Prevalence estimated from the share of positive pools: a pool of N is negative with probability (1 − p)^N,
    /// so p = 1 − (1 − share)^(1/N).
    /// </summary>
    public static double PrevalenceFromPools(int positivePools, int pools, int poolSize)
    {
        if (pools <= 0) return 0;
        var share = Math.Clamp((double)positivePools / pools, 0, 1);
        return 1 - Math.Pow(1 - share, 1.0 / poolSize);
    }
}
