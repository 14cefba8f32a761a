using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

public static class Database
{
    /// <summary>Applies migrations; on SQLite switches to WAL so readers never block the gate writer.</summary>
    public static async Task MigrateAsync(FangkongDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var cs = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var dir = Path.GetDirectoryName(Path.GetFullPath(cs.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
