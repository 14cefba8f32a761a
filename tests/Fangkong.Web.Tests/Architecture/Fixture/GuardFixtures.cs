using Fangkong.Core.Data;
using Fangkong.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Architecture.Fixture;

// What the guard must catch and what it must let pass; only ReadsThroughCoreTests looks at these (they never run).

/// <summary>A page that queries tables itself, in a lambda and an async method, as pages did before ADR 0019.</summary>
internal sealed class PageWithAQuery
{
    public async Task<int> CountAsync(FangkongDb db) => await db.Persons.CountAsync(p => p.Name != "");

    public Func<FangkongDb, int> Venues { get; } = db => db.Set<Person>().Count();
}

/// <summary>A page that hands the context to a use case.</summary>
internal sealed class PageThroughCore
{
    public Task<int> CountAsync(FangkongDb db, Func<FangkongDb, Task<int>> useCase) => useCase(db);
}
