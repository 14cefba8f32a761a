using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Drops a table's secondary indexes while it is bulk-loaded and builds them afterwards. Visits and persons
/// carry four or five indexes on keys that arrive in random order (person, venue, ID number, token, phone);
/// maintaining them row by row makes a load of tens of millions of rows crawl through cache misses, while one
/// sorted build per index at the end is fast. The definitions come from the EF model through the migrations
/// SQL generator, so they are exactly what the migrations create. Primary keys stay.
/// </summary>
internal static class DeferredIndexes
{
    public static async Task<T> AroundLoadAsync<T>(StorageOptions storage, string table, IProgress<SeedProgress>? progress,
        Func<Task<T>> load, CancellationToken ct)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var indexes = Definitions(db, table);
        foreach (var (name, _) in indexes)
        {
            var drop = $"DROP INDEX IF EXISTS \"{name}\"";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        T result;
        try
        {
            result = await load();
        }
        catch
        {
            // A failed or cancelled load still leaves the schema whole (over whatever rows were written).
            await BuildAsync(db, table, indexes, null, CancellationToken.None);
            throw;
        }
        await BuildAsync(db, table, indexes, progress, ct);
        return result;
    }

    private static async Task BuildAsync(FangkongDb db, string table, List<(string Name, string Create)> indexes,
        IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // Room to sort in memory for this one connection: a 256 MB page cache (SQLite), work memory (PostgreSQL).
        var memory = db.Database.IsSqlite() ? "PRAGMA cache_size=-262144" : "SET maintenance_work_mem = '256MB'";
        await db.Database.ExecuteSqlRawAsync(memory, ct);
        for (var i = 0; i < indexes.Count; i++)
        {
            progress?.Report(new SeedProgress($"{table} indexes", i, indexes.Count));
            await db.Database.ExecuteSqlRawAsync(indexes[i].Create, ct);
        }
        progress?.Report(new SeedProgress($"{table} indexes", indexes.Count, indexes.Count));
    }

    /// <summary>Each secondary index of the table with its CREATE statement (IF NOT EXISTS, so a rebuild is idempotent).</summary>
    private static List<(string Name, string Create)> Definitions(FangkongDb db, string table)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var generator = db.GetService<IMigrationsSqlGenerator>();
        var definitions = new List<(string, string)>();
        foreach (var index in model.GetRelationalModel().Tables.Single(t => t.Name == table).Indexes)
        {
            var sql = generator.Generate([CreateIndexOperation.CreateFrom(index)], model).Single().CommandText
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
            definitions.Add((index.Name, sql));
        }
        return definitions;
    }
}
