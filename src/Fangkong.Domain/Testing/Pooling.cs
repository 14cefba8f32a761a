namespace Fangkong.Domain.Testing;

/// <summary>Pooled sampling (domain.md §4): N swabs in one tube; 10-in-1 is the norm, 5 and 20 approved.</summary>
public static class Pooling
{
    public static readonly IReadOnlyList<int> AllowedPoolSizes = [5, 10, 20];
    public const int DefaultPoolSize = 10;

    public static bool IsAllowed(int poolSize) => poolSize == 1 || AllowedPoolSizes.Contains(poolSize);

    /// <summary>
    /// Dorfman's expected number of tests per person at prevalence <paramref name="prevalence"/> with pools of
    /// <paramref name="poolSize"/>: one test per pool (1/N) plus, when the pool is positive, one per member
    /// (1 − (1 − p)^N). With N = 10: 0.110 at 0.1 %, 0.196 at 1 %, 0.501 at 5 %.
    /// </summary>
    public static double DorfmanTestsPerPerson(double prevalence, int poolSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        if (prevalence is < 0 or > 1 || double.IsNaN(prevalence)) throw new ArgumentOutOfRangeException(nameof(prevalence));
        if (poolSize == 1) return 1;
        return 1.0 / poolSize + 1 - Math.Pow(1 - prevalence, poolSize);
    }

    /// <summary>Tubes needed to pool <paramref name="persons"/> swabs at <paramref name="poolSize"/> a tube.</summary>
    public static int TubesFor(int persons, int poolSize) => persons <= 0 ? 0 : (persons + poolSize - 1) / poolSize;
}
