using System.Data.Common;
using Fangkong.Core.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Fangkong.Core.Tests.Data;

public sealed class MigrationSafetyTestsSqlite() : MigrationSafetyTests(StorageProvider.Sqlite);
public sealed class MigrationSafetyTestsPostgres() : MigrationSafetyTests(StorageProvider.Postgres);

/// <summary>A start killed while migrating leaves the store as it was, and the next start migrates it.</summary>
public abstract class MigrationSafetyTests(StorageProvider provider)
{
    [Fact]
    public async Task Every_migration_runs_inside_a_transaction()
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);
        await using var db = store.NewDb();
        var migrations = db.GetService<IMigrationsAssembly>();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        Assert.NotEmpty(migrations.Migrations);
        foreach (var (id, type) in migrations.Migrations)
        {
            var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
            var commands = generator.Generate(migration.UpOperations, db.Model);
            var outside = commands.Where(c => c.TransactionSuppressed).Select(c => c.CommandText.Trim()).ToList();
            // EF's SQLite table rebuild (PRAGMA foreign_keys) is the usual culprit: write such a migration by hand.
            Assert.True(outside.Count == 0, $"{id} runs outside a transaction: {string.Join(" | ", outside)}");
        }
    }

    [Fact]
    public async Task A_migration_interrupted_part_way_leaves_no_table_and_the_next_start_completes_it()
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);
        var failAt = new FailingCommand(after: 40);
        var options = new DbContextOptionsBuilder<FangkongDb>();
        store.Options.Configure(options);
        options.AddInterceptors(failAt);
        await using (var db = new FangkongDb(options.Options))
            await Assert.ThrowsAsync<SimulatedCrash>(() => Database.MigrateAsync(db));
        Assert.True(failAt.Seen > 40, "the migration should have been interrupted after some of its statements");

        await using (var db = store.NewDb())
        {
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await UserTableCountAsync(db));
        }

        await using (var db = store.NewDb())
        {
            await Database.MigrateAsync(db);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Persons.CountAsync());
        }
    }

    [Fact]
    public async Task A_store_from_an_earlier_build_is_refused_with_a_clear_reason()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.NewDb();
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261123083256_QuarantineTests', '10.0.15')""");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.MigrateAsync(db));
        Assert.Contains("20261123083256_QuarantineTests", e.Message);
        Assert.Contains("earlier development version", e.Message);
    }

    private async Task<int> UserTableCountAsync(FangkongDb db)
    {
        var sql = provider == StorageProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_EF%'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    private sealed class SimulatedCrash() : Exception("simulated crash while migrating");

    /// <summary>Lets <c>after</c> statements of the migration through, then fails the next as a dying process would.</summary>
    private sealed class FailingCommand(int after) : DbCommandInterceptor
    {
        public int Seen { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains("CREATE", StringComparison.OrdinalIgnoreCase) && !command.CommandText.Contains("__EF", StringComparison.Ordinal) && ++Seen > after)
                throw new SimulatedCrash();
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }
    }
}

/// <summary>A migrator killed on SQLite leaves EF's lock row behind; the next start must not wait for it for ever.</summary>
public sealed class SqliteMigrationLockTests
{
    [Fact]
    public async Task A_dead_migrators_lock_does_not_stop_the_next_start()
    {
        await using var store = await TestStore.CreateEmptyAsync(StorageProvider.Sqlite);
        await using (var db = store.NewDb())
        {
            // What EF Core leaves in the file when the process dies while holding the migration lock.
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL)""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-01 10:00:00')""");
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using (var db = store.NewDb())
        {
            await Database.MigrateAsync(db, patience.Token);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task Two_starts_at_once_on_one_file_both_end_migrated()
    {
        await using var store = await TestStore.CreateEmptyAsync(StorageProvider.Sqlite);
        await using var a = store.NewDb();
        await using var b = store.NewDb();
        await Task.WhenAll(Task.Run(() => Database.MigrateAsync(a)), Task.Run(() => Database.MigrateAsync(b)));
        await using var db = store.NewDb();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}
