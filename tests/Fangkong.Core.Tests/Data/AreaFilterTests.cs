using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Data;

public sealed class AreaFilterTestsSqlite() : AreaFilterTests(StorageProvider.Sqlite);
public sealed class AreaFilterTestsPostgres() : AreaFilterTests(StorageProvider.Postgres);

/// <summary>
/// The area filter's SQL (ADR 0028): nothing for the whole city, one indexed column for a district, and contacts stamped
/// with their person's district whoever saves them.
/// </summary>
public abstract class AreaFilterTests(StorageProvider provider)
{
    private static readonly AreaReach Longshan = new(JurisdictionLevel.District, "龙山区", DistrictCode: "220402");

    [Fact]
    public async Task The_city_reads_without_a_filter_and_a_district_by_one_column()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.NewDb();
        var city = db.ContactProposals.ToQueryString();
        Assert.DoesNotContain("WHERE", city, StringComparison.Ordinal);
        db.Confine(Longshan);
        var district = db.ContactProposals.Where(c => c.Status == ProposalStatus.Confirmed).ToQueryString();
        Assert.Contains("\"DistrictCode\" = ", district, StringComparison.Ordinal);
        // No "@flag OR (…)" and no probe into persons: either keeps the stores off the (DistrictCode, …) indexes.
        Assert.DoesNotContain(" OR ", district, StringComparison.Ordinal);
        Assert.DoesNotContain("EXISTS", district, StringComparison.Ordinal);
        Assert.DoesNotContain(" OR ", db.Persons.ToQueryString(), StringComparison.Ordinal);
        // Below a district the record's person decides.
        db.Confine(new AreaReach(JurisdictionLevel.Community, "福镇社区", CommunityId: 7));
        Assert.Contains("EXISTS", db.ContactProposals.ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_saved_by_a_confined_officer_carries_its_persons_district()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.NewDb())
        {
            db.Persons.AddRange(Person(1, "220402"), Person(2, "220403"), Person(3, null));
            await db.SaveChangesAsync();
        }
        await using (var db = store.NewDb())
        {
            // An officer of 龙山区 records contacts living elsewhere: each row takes its own person's home, not the officer's.
            db.Confine(Longshan);
            db.ContactProposals.AddRange(Contact(11, 1), Contact(12, 2), Contact(13, 3));
            await db.SaveChangesAsync();
            Assert.Equal([11L], await db.ContactProposals.Select(c => c.Id).ToListAsync());
        }
        await using (var db = store.NewDb())
        {
            var districts = await db.ContactProposals.OrderBy(c => c.Id).Select(c => c.DistrictCode).ToListAsync();
            Assert.Equal(["220402", "220403", null], districts);
        }
    }

    private static Person Person(long id, string? district) => new()
    {
        Id = id,
        DocumentNumber = "22040219800101000" + id,
        Name = "张" + id,
        Token = "t" + id,
        DistrictCode = district,
        CreatedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static ContactProposal Contact(long id, long person) => new()
    {
        Id = id,
        CaseId = 100 + id,
        PersonId = person,
        Grade = ContactGrade.Close,
        Kind = ContactKind.Household,
        Status = ProposalStatus.Confirmed,
        FirstExposureUtc = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc),
        ProposedAtUtc = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc),
    };
}
