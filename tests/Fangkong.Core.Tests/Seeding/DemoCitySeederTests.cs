using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Core.Tests.Seeding;

/// <summary>The demo city is realistic, valid, and the same rows every time for the same seed, on either store.</summary>
public sealed class DemoCitySeederTests
{
    // Friday 2026-11-20, 10:00 in the city: part of today's visits are still under way.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly SeedOptions Small = new() { Residents = 2_000, Days = 3, Seed = 7, PasswordIterations = PasswordHasher.RandomSecretIterations };

    [Fact]
    public Task A_city_on_sqlite_is_valid_complete_and_plausible() => CityIsValidAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task A_city_on_postgres_is_valid_complete_and_plausible() => CityIsValidAsync(StorageProvider.Postgres);

    [Fact]
    public async Task The_same_seed_gives_identical_rows_in_two_files_and_another_seed_does_not()
    {
        await using var a = await SeedingStore.CreateAsync(StorageProvider.Sqlite);
        await using var b = await SeedingStore.CreateAsync(StorageProvider.Sqlite);
        await DemoCitySeeder.SeedAsync(a.Options, Small, null, new FakeTimeProvider(Now), default);
        await DemoCitySeeder.SeedAsync(b.Options, Small, null, new FakeTimeProvider(Now), default);
        await using var dbA = a.NewDb();
        await using var dbB = b.NewDb();
        var first = await CityFingerprint.OfAsync(dbA);
        Assert.Equal(first, await CityFingerprint.OfAsync(dbB));

        await DemoCitySeeder.SeedAsync(b.Options, Small with { Seed = 8, Reset = true }, null, new FakeTimeProvider(Now), default);
        await using var dbB2 = b.NewDb();
        var other = await CityFingerprint.OfAsync(dbB2);
        Assert.NotEqual(first.Persons, other.Persons);
        Assert.NotEqual(first.Visits, other.Visits);
    }

    [PostgresFact]
    public async Task PostgreSQL_gets_exactly_the_rows_SQLite_gets()
    {
        await using var sqlite = await SeedingStore.CreateAsync(StorageProvider.Sqlite);
        await using var postgres = await SeedingStore.CreateAsync(StorageProvider.Postgres);
        await DemoCitySeeder.SeedAsync(sqlite.Options, Small, null, new FakeTimeProvider(Now), default);
        await DemoCitySeeder.SeedAsync(postgres.Options, Small, null, new FakeTimeProvider(Now), default);
        await using var s = sqlite.NewDb();
        await using var p = postgres.NewDb();
        Assert.Equal(await CityFingerprint.OfAsync(s), await CityFingerprint.OfAsync(p));
    }

    [Fact]
    public async Task A_seeded_database_is_refused_unless_reset_and_reset_replaces_the_city()
    {
        await using var store = await SeedingStore.CreateAsync(StorageProvider.Sqlite);
        var time = new FakeTimeProvider(Now);
        await DemoCitySeeder.SeedAsync(store.Options, Small, null, time, default);
        await Assert.ThrowsAsync<CityAlreadySeededException>(() => DemoCitySeeder.SeedAsync(store.Options, Small, null, time, default));

        var again = await DemoCitySeeder.SeedAsync(store.Options, Small with { Residents = 1_000, Days = 1, Reset = true }, null, time, default);
        await using var db = store.NewDb();
        await CityChecks.PersonsAndHouseholdsAsync(db, 1_000, DateOnly.FromDateTime(Now.UtcDateTime.AddHours(8)));
        await CityChecks.AccountsAsync(db, again);
    }

    [Theory]
    [InlineData(999, 3)]
    [InlineData(1_000_001, 3)]
    [InlineData(2_000, -1)]
    [InlineData(2_000, SeedOptions.MaxDays + 1)]
    public async Task Sizes_out_of_range_are_rejected_before_anything_is_written(int residents, int days)
    {
        await using var store = await SeedingStore.CreateAsync(StorageProvider.Sqlite);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            DemoCitySeeder.SeedAsync(store.Options, new SeedOptions { Residents = residents, Days = days }, null, new FakeTimeProvider(Now), default));
        Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.Options.ConnectionString).DataSource));
    }

    private static async Task CityIsValidAsync(StorageProvider provider)
    {
        await using var store = await SeedingStore.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        var progress = new List<SeedProgress>();
        var summary = await DemoCitySeeder.SeedAsync(store.Options, Small, new SyncProgress(progress.Add), time, default);

        Assert.Equal(2_000, summary.Residents);
        Assert.Contains(progress, p => p is { Phase: "residents", Done: 2_000, Total: 2_000 });
        Assert.Equal(new SeedProgress("visits", summary.Visits, summary.Visits), progress[^1]);
        await using var db = store.NewDb();
        await CityChecks.PersonsAndHouseholdsAsync(db, 2_000, DateOnly.FromDateTime(Now.UtcDateTime.AddHours(8)));
        var venues = await CityChecks.VenuesAsync(db);
        await CityChecks.VisitsAsync(db, venues, summary, time);
        await CityChecks.AccountsAsync(db, summary);
        await CityChecks.TeamsAsync(db);
        await CityChecks.GridsAsync(db);

        // Secondary indexes are dropped for the load and rebuilt: the result must be what migrations create.
        await using var migrated = await SeedingStore.CreateAsync(provider);
        await using var fresh = migrated.NewDb();
        await Database.MigrateAsync(fresh);
        Assert.Equal(await SchemaAfterSeeding.IndexesAsync(fresh), await SchemaAfterSeeding.IndexesAsync(db));
    }

    /// <summary>Collects progress on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class SyncProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
