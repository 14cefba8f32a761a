using Fangkong.Core.Accounts;

namespace Fangkong.Core.Seeding;

/// <summary>How big a demo city to generate; the same seed always yields the same rows.</summary>
public sealed record SeedOptions
{
    public int Residents { get; init; } = 50_000;
    public int Days { get; init; } = 14;
    public int Seed { get; init; } = 20220101;
    /// <summary>Delete every row first; otherwise a database that already has persons is refused.</summary>
    public bool Reset { get; init; }
    public const string DemoPassword = "fangkong";

    /// <summary>
    /// PBKDF2 iterations of the demo accounts' hashes; a deployment keeps OWASP's count. The demo password is published, so
    /// test fixtures lower it: at the full count each hash and each sign-in costs a quarter second of CPU, and the suite
    /// seeds dozens of cities and signs in hundreds of times. A changed password is hashed at the full count whatever this is.
    /// </summary>
    public int PasswordIterations { get; init; } = PasswordHasher.Iterations;
    public const int MaxDays = 31;

    public void Validate()
    {
        if (Residents is < 1_000 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Residents), Residents, "residents must be 1,000–1,000,000");
        // Up to a month, so a 30-day outbreak has visits on every day; the retention purge (28 days, domain.md §2) trims
        // the oldest afterwards, as it would have trimmed them in a real month.
        if (PasswordIterations < PasswordHasher.RandomSecretIterations) throw new ArgumentOutOfRangeException(nameof(PasswordIterations), PasswordIterations, $"password iterations must be at least {PasswordHasher.RandomSecretIterations}");
        if (Days is < 0 or > MaxDays) throw new ArgumentOutOfRangeException(nameof(Days), Days, $"days of visits must be 0–{MaxDays}");
    }
}

/// <summary>Progress of one phase: places, residents, visits (the visits total is an estimate until the end).</summary>
public sealed record SeedProgress(string Phase, long Done, long Total);

/// <summary>A demo sign-in, for the web app and the CLI to print.</summary>
public sealed record DemoAccount(string UserName, string Password, string Role, string Description);

/// <summary>What was generated, how fast (generation and loading together), and the demo accounts.</summary>
public sealed record SeedSummary(int Residents, int Households, int Venues, long Visits, TimeSpan ResidentsTime, TimeSpan VisitsTime,
    IReadOnlyList<DemoAccount> Accounts)
{
    public double ResidentsPerSecond => Residents / Math.Max(ResidentsTime.TotalSeconds, 1e-6);
    public double VisitsPerSecond => Visits / Math.Max(VisitsTime.TotalSeconds, 1e-6);
}
