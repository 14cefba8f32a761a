using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Core.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Rounds;

/// <summary>A generated city (no visits) with sampler accounts and an open city-wide testing round, for the round benchmarks.</summary>
internal static class RoundCity
{
    public const string SamplerPassword = "bench";

    public static async Task<long> PrepareAsync(IServiceProvider services, StorageOptions storage, int residents, int samplers)
    {
        var watch = Stopwatch.StartNew();
        await DemoCitySeeder.SeedAsync(storage, new SeedOptions { Residents = residents, Days = 0 }, null, TimeProvider.System, CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var hash = PasswordHasher.Hash(SamplerPassword);
        for (var i = 0; i < samplers; i++)
            db.Users.Add(new User { Id = 10_000 + i, UserName = $"bench-sampler-{i}", DisplayName = "基准采样员", PasswordHash = hash, Role = Roles.Sampler });
        await db.SaveChangesAsync();
        var admin = await db.Users.Where(u => u.Role == Roles.Administrator).Select(u => u.Id).FirstAsync();
        var planner = scope.ServiceProvider.GetRequiredService<RoundPlanner>();
        var round = await planner.CreateAsync(db, new RoundRequest("基准测试轮次", RoundScope.City, null, DateTime.UtcNow.AddHours(-1), DeadlineHours: 72), admin, default);
        await planner.OpenAsync(db, round.Id, default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  city of {residents:N0} residents and an open round ready in {watch.Elapsed.TotalSeconds:F1} s"));
        return round.Id;
    }

    /// <summary>Milliseconds of each of <paramref name="runs"/> calls after <paramref name="warmUp"/> unmeasured ones, sorted.</summary>
    public static async Task<double[]> TimeAsync(int warmUp, int runs, Func<Task> call)
    {
        for (var i = 0; i < warmUp; i++) await call();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    public static string Row(string name, double[] sortedMs) => string.Create(CultureInfo.InvariantCulture,
        $"| {name,-40} | {Q(sortedMs, 0.5),8:F2} | {Q(sortedMs, 0.9),8:F2} | {Q(sortedMs, 0.99),8:F2} |");

    public const string TimeHeader = "| request                                  |  p50 ms  |  p90 ms  |  p99 ms  |\n|------------------------------------------|----------|----------|----------|";

    public static double Q(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
