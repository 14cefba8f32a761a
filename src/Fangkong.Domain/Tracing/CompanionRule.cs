namespace Fangkong.Domain.Tracing;

/// <summary>
/// A spatiotemporal companion (时空伴随者, domain.md §5): here, a person who visited a risk venue during its risk
/// window. Yellow until two negative tests sampled after the visit, at least 24 hours apart (the "2 tests in 3 days"
/// of the telecom rule's response); any positive among them ends the question the other way.
/// </summary>
public static class CompanionRule
{
    public static readonly TimeSpan TestsApart = TimeSpan.FromHours(24);

    /// <param name="exposureEndUtc">When the companion left the risk venue (or the window closed).</param>
    /// <param name="tests">The person's results: sampling time and whether positive.</param>
    public static bool MayRelease(DateTime exposureEndUtc, IEnumerable<(DateTime SampledAtUtc, bool Positive)> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var after = tests.Where(t => t.SampledAtUtc >= exposureEndUtc).OrderBy(t => t.SampledAtUtc).ToList();
        if (after.Any(t => t.Positive)) return false;
        return after.Count >= 2 && after[^1].SampledAtUtc - after[0].SampledAtUtc >= TestsApart;
    }
}
