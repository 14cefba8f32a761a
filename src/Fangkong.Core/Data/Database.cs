using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

public static class Database
{
    /// <summary>
    /// Applies migrations so that an interruption at any point leaves the store as it was or fully migrated: each
    /// migration runs in one transaction (MigrationSafetyTests keeps every migration free of statements that cannot),
    /// and on SQLite a lock left behind by a killed migrator is cleared (<see cref="SqliteMigrationLock"/>).
    /// On SQLite it then switches to WAL so readers never block the gate writer.
    /// </summary>
    public static async Task MigrateAsync(FangkongDb db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            await RefuseForeignHistoryAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            return;
        }
        var cs = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var file = Path.GetFullPath(cs.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (await SqliteMigrationLock.TakeAsync(db, file, ct))
        {
            await RefuseForeignHistoryAsync(db, ct);
            await db.Database.MigrateAsync(ct);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// A store made by an earlier development build holds migrations this build does not know (they were squashed
    /// into one): migrating it would fail half-way on "table exists". Say so plainly instead.
    /// </summary>
    private static async Task RefuseForeignHistoryAsync(FangkongDb db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"The database holds migrations this build does not know ({string.Join(", ", unknown)}): it was made by " +
                "an earlier development version whose migrations have since been squashed. Start with a new database " +
                "(for the embedded store, delete the .db file and its -wal/-shm files).");
    }
}
