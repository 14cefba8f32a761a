using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Data;

public sealed class StoreRoundTripTestsSqlite() : StoreRoundTripTests(StorageProvider.Sqlite);
public sealed class StoreRoundTripTestsPostgres() : StoreRoundTripTests(StorageProvider.Postgres);

/// <summary>The migrations apply and the model behaves the same on both stores.</summary>
public abstract class StoreRoundTripTests(StorageProvider provider)
{
    private static Person NewPerson(long id, string number) => new()
    {
        Id = id,
        DocumentType = DocumentType.ResidentIdCard,
        DocumentNumber = number,
        Name = "张小明",
        Token = "token-" + id,
        CreatedAtUtc = new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc),
        BirthDate = new DateOnly(1985, 5, 12),
    };

    [Fact]
    public async Task Instants_come_back_as_utc_and_temperatures_exactly()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.NewDb())
        {
            db.Persons.Add(NewPerson(1, "11010519491231002X"));
            db.Visits.Add(new Visit { Id = 10, PersonId = 1, VenueId = 1, EnteredAtUtc = new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc), Temperature = 37.3m, Method = EntryMethod.IdCard });
            await db.SaveChangesAsync();
        }
        await using (var db = store.NewDb())
        {
            var p = await db.Persons.SingleAsync();
            Assert.Equal(DateTimeKind.Utc, p.CreatedAtUtc.Kind);
            Assert.Equal(new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc), p.CreatedAtUtc);
            Assert.Equal(new DateOnly(1985, 5, 12), p.BirthDate);
            var v = await db.Visits.SingleAsync(x => x.EnteredAtUtc >= new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
            Assert.Equal(37.3m, v.Temperature);
        }
    }

    [Fact]
    public async Task A_document_number_is_unique_per_document_type()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.NewDb();
        db.Persons.Add(NewPerson(1, "11010519491231002X"));
        await db.SaveChangesAsync();
        db.Persons.Add(NewPerson(2, "11010519491231002X"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
