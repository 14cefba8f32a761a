using System.Data.Common;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Tracing;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.Core.Tests.Tracing;

public sealed class CaseViewsTestsSqlite() : CaseViewsTests(StorageProvider.Sqlite);
public sealed class CaseViewsTestsPostgres() : CaseViewsTests(StorageProvider.Postgres);

/// <summary>A page of cases costs the same round trips at 2 rows as at 20 (GET /api/cases once ran several queries per case).</summary>
public abstract class CaseViewsTests(StorageProvider provider)
{
    private static readonly DateTime T0 = new(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_page_of_cases_takes_the_same_queries_whatever_its_size()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);
        var views = new CaseViews();

        var (small, smallQueries) = await CountingAsync(store, db => views.PageAsync(db, null, 1, 2, default));
        var (large, largeQueries) = await CountingAsync(store, db => views.PageAsync(db, null, 1, 20, default));

        Assert.Equal(2, small.Items.Count);
        Assert.Equal(20, large.Items.Count);
        Assert.Equal(20, large.Total);
        Assert.Equal(smallQueries, largeQueries);
        Assert.True(largeQueries <= 2, $"{largeQueries} queries");
        // Newest report first, each with its own name (masked) and counts.
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(i => (long)i), large.Items.Select(c => c.Id));
        foreach (var c in large.Items)
        {
            Assert.Equal(Masking.Name(NameOf(c.PersonId)), c.MaskedName);
            Assert.Equal((int)(c.Id % 3), c.ProposedContacts);
            Assert.Equal((int)(c.Id % 2), c.ConfirmedContacts);
        }

        await using var check = store.NewDb();
        Assert.Equal(large.Items[0], await views.GetAsync(check, 20, default));
        Assert.Null(await views.FindAsync(check, 999, default));
    }

    private static string NameOf(long personId) => $"张{(char)('一' + personId)}明";

    private static async Task SeedAsync(TestStore store)
    {
        await using var db = store.NewDb();
        for (var i = 1; i <= 40; i++)
            db.Persons.Add(new Person { Id = i, DocumentType = DocumentType.Passport, DocumentNumber = $"E{i:D8}", Name = NameOf(i), Token = $"token-{i}", CreatedAtUtc = T0 });
        var proposal = 1000L;
        for (var i = 1; i <= 20; i++)
        {
            db.Cases.Add(new CaseRecord { Id = i, PersonId = i, FirstPositiveSampledAtUtc = T0, ReportedAtUtc = T0.AddHours(i), FoundBy = CaseFoundBy.FeverClinic });
            for (var k = 0; k < i % 3; k++) db.ContactProposals.Add(Proposal(++proposal, i, 21 + k, ProposalStatus.Proposed));
            for (var k = 0; k < i % 2; k++) db.ContactProposals.Add(Proposal(++proposal, i, 30 + k, ProposalStatus.Confirmed));
            db.ContactProposals.Add(Proposal(++proposal, i, 35, ProposalStatus.Dismissed));
        }
        await db.SaveChangesAsync();
    }

    private static ContactProposal Proposal(long id, long caseId, long personId, ProposalStatus status) => new()
    {
        Id = id,
        CaseId = caseId,
        PersonId = personId,
        Grade = ContactGrade.Close,
        Kind = ContactKind.Household,
        FirstExposureUtc = T0,
        Status = status,
        ProposedAtUtc = T0,
    };

    private static async Task<(Page<CaseView> Page, int Queries)> CountingAsync(TestStore store, Func<FangkongDb, Task<Page<CaseView>>> read)
    {
        var counter = new QueryCounter();
        var options = new DbContextOptionsBuilder<FangkongDb>();
        store.Options.Configure(options);
        options.AddInterceptors(counter);
        await using var db = new FangkongDb(options.Options);
        var page = await read(db);
        return (page, counter.Queries);
    }

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Queries { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Queries++;
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken ct = default)
        {
            Queries++;
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }
    }
}
