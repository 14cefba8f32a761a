using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Seeding;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Core.Tests.Seeding;

public sealed class DemoCitySeederTestsSqlite() : DemoCitySeederTests(StorageProvider.Sqlite);
public sealed class DemoCitySeederTestsPostgres() : DemoCitySeederTests(StorageProvider.Postgres);

/// <summary>The demo city is realistic, valid and the same every time for the same seed.</summary>
public abstract class DemoCitySeederTests(StorageProvider provider)
{
    // 2026-11-20 10:00 in the city: part of today's visits are still under way.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private static readonly SeedOptions Small = new() { Residents = 2_000, Days = 3, Seed = 7 };

    [Fact]
    public async Task A_city_is_valid_complete_and_within_its_venues_hours()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var progress = new List<SeedProgress>();
        var summary = await DemoCitySeeder.SeedAsync(store.Options, Small, new SyncProgress(progress.Add), Time, default);
        Assert.Equal(2_000, summary.Residents);
        Assert.Contains(progress, p => p.Phase == "visits" && p.Done == p.Total && p.Total == summary.Visits);

        await using var db = store.NewDb();
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime.AddHours(8));
        var persons = await db.Persons.AsNoTracking().ToListAsync();
        Assert.Equal(2_000, persons.Count);
        Assert.All(persons, p => Assert.True(ResidentIdNumber.Validate(p.DocumentNumber, today).IsValid, p.DocumentNumber));
        Assert.Equal(persons.Count, persons.Select(p => p.DocumentNumber).Distinct().Count());
        Assert.All(persons, p => Assert.Contains(p.DocumentNumber[..6], Regions.Liaoyuan.Select(d => d.Code)));
        Assert.All(persons, p => Assert.InRange(p.Name.Length, 2, 4));
        Assert.All(persons, p => Assert.Equal(p.Sex, ResidentIdNumber.Validate(p.DocumentNumber, today).Id!.Value.Sex));
        Assert.Equal(persons.Count, persons.Select(p => p.Token).Distinct().Count());

        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id);
        Assert.Equal(VenueTypes.All.OrderBy(t => t), venues.Values.Select(v => v.Type).Distinct().OrderBy(t => t));
        Assert.Equal("辽源市政务服务中心", venues[1].Name);
        Assert.True(await db.GateDevices.AnyAsync(d => d.Id == 1 && d.VenueId == 1));
        Assert.Equal(0, await db.Persons.CountAsync(p => p.HouseholdId == null));

        var clock = new CityClock(Time);
        var visits = await db.Visits.AsNoTracking().ToListAsync();
        Assert.Equal(summary.Visits, visits.Count);
        Assert.True(visits.Count > 2_000 * 3, "several visits per resident-day");
        Assert.All(visits, v => Assert.True(v.EnteredAtUtc <= Time.GetUtcNow().UtcDateTime, "no visit in the future"));
        Assert.All(visits, v => Assert.True(v.ExitedAtUtc is null || v.ExitedAtUtc > v.EnteredAtUtc));
        Assert.All(visits, v => Assert.True(venues[v.VenueId].Hours.IsOpenAt(TimeOnly.FromDateTime(clock.ToLocal(v.EnteredAtUtc))),
            $"{venues[v.VenueId].Name} entered at {clock.ToLocal(v.EnteredAtUtc):HH:mm}"));
        Assert.Equal(visits.Count, visits.Select(v => v.Id).Distinct().Count());
        Assert.Contains(visits, v => v.ExitedAtUtc is null);

        var users = await db.Users.AsNoTracking().ToListAsync();
        Assert.Equal(Roles.All.OrderBy(r => r), users.Select(u => u.Role).Distinct().OrderBy(r => r));
        Assert.All(users, u => Assert.True(PasswordHasher.Verify(SeedOptions.DemoPassword, u.PasswordHash)));
        Assert.NotNull(users.Single(u => u.UserName == "resident").PersonId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => DemoCitySeeder.SeedAsync(store.Options, Small, null, Time, default));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_city_and_reset_replaces_it()
    {
        await using var a = await TestStore.CreateAsync(provider);
        await using var b = await TestStore.CreateAsync(provider);
        await DemoCitySeeder.SeedAsync(a.Options, Small, null, Time, default);
        await DemoCitySeeder.SeedAsync(b.Options, Small, null, Time, default);
        Assert.Equal(await FingerprintAsync(a), await FingerprintAsync(b));

        await DemoCitySeeder.SeedAsync(b.Options, Small with { Seed = 8, Reset = true }, null, Time, default);
        Assert.NotEqual(await FingerprintAsync(a), await FingerprintAsync(b));
    }

    private static async Task<string> FingerprintAsync(TestStore store)
    {
        await using var db = store.NewDb();
        var persons = await db.Persons.OrderBy(p => p.Id).Select(p => p.DocumentNumber + p.Name + p.Phone + p.HouseholdId).ToListAsync();
        var visits = await db.Visits.OrderBy(v => v.Id).Select(v => new { v.Id, v.PersonId, v.VenueId }).ToListAsync();
        return string.Join("|", persons).GetHashCode(StringComparison.Ordinal) + ":" + persons.Count + ":" + visits.Count + ":" +
               string.Join(",", visits.Select(v => $"{v.Id}-{v.PersonId}-{v.VenueId}")).GetHashCode(StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
