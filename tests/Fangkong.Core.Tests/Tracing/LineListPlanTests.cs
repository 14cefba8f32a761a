using System.Linq.Expressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Tracing;

/// <summary>
/// A page of the case or contact list reads its rows newest first by an index or the table itself; it never sorts every
/// matching row to keep 50 (the lists were 70–200× slower so, docs/performance.md). SQLite only: it keeps no statistics,
/// so its plan follows from the schema and the SQL alone, whatever the rows; PostgreSQL's follows the data and is measured
/// by the lists benchmark.
/// </summary>
public sealed class LineListPlanTests
{
    private static readonly CityClock Clock = new(TimeProvider.System);

    public static TheoryData<string> ContactFilters => [.. Contacts.Keys];

    private static readonly Dictionary<string, ContactLineFilter> Contacts = new()
    {
        ["open (the default)"] = new(),
        ["open, close contacts"] = new() { Grade = ContactGrade.Close },
        ["every contact"] = new() { Scope = ContactScope.All },
        ["proposed"] = new() { Status = ProposalStatus.Proposed },
        ["under observation"] = new() { Status = ProposalStatus.Confirmed, Released = false },
        ["released"] = new() { Status = ProposalStatus.Confirmed, Released = true },
        ["dismissed"] = new() { Status = ProposalStatus.Dismissed },
        ["close and confirmed"] = new() { Grade = ContactGrade.Close, Status = ProposalStatus.Confirmed },
    };

    [Theory]
    [MemberData(nameof(ContactFilters))]
    public async Task A_page_of_contacts_is_read_in_order(string filter)
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var db = store.NewDb();
        var rows = ContactLines.Query(db, Contacts[filter], Clock);
        foreach (var after in new long?[] { null, 1_000_000 })
        {
            var plan = await PlanAsync(db, rows, r => r.Id, after);
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_open_contacts_are_read_by_their_own_index()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var db = store.NewDb();
        var plan = await PlanAsync(db, ContactLines.Query(db, new ContactLineFilter(), Clock), r => r.Id, null);
        // The index's filter repeats the scope's SQL; were they to drift apart, SQLite would no longer use it.
        Assert.Contains(plan, step => step.Contains("IX_contact_proposals_open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_of_cases_counts_each_case_s_confirmed_contacts_by_the_case()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var db = store.NewDb();
        var plan = await PlanAsync(db, CaseLines.Query(db, new CaseLineFilter(), Clock), r => r.Id, null);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.True(plan.Any(step => step.Contains("IX_contact_proposals_CaseId_Status (CaseId=? AND Status=?)", StringComparison.Ordinal)), string.Join("\n", plan));
    }

    /// <summary>The steps of SQLite's plan for one page, as <see cref="Keyset.PageAsync"/> asks for it.</summary>
    private static async Task<List<string>> PlanAsync<T>(FangkongDb db, IQueryable<T> rows, Expression<Func<T, long>> key, long? after)
    {
        await using var command = Keyset.After(rows, key, after).Take(Keyset.Size(null) + 1).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}
