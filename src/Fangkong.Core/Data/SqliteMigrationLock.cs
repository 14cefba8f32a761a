using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

/// <summary>
/// EF Core guards SQLite migrations with a row in "__EFMigrationsLock" and waits, without end, while that row exists;
/// a migrator killed mid-way leaves it behind and every later start hangs. An embedded store is one file on one
/// machine, so an exclusive lock on a file beside it tells whether another migrator of this machine is alive: whoever
/// holds that file lock knows any lock row is a dead migrator's and removes it.
/// </summary>
public sealed class SqliteMigrationLock : IAsyncDisposable
{
    private readonly FileStream _file;

    private SqliteMigrationLock(FileStream file) => _file = file;

    public static async Task<SqliteMigrationLock> TakeAsync(FangkongDb db, string databaseFile, CancellationToken ct)
    {
        var path = databaseFile + ".migrating";
        var file = await OpenExclusiveAsync(path, ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var exists = conn.CreateCommand();
                exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) > 0)
                {
                    await using var clear = conn.CreateCommand();
                    clear.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                    await clear.ExecuteNonQueryAsync(ct);
                }
            }
            finally { await db.Database.CloseConnectionAsync(); }
            return new SqliteMigrationLock(file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    // .NET takes an advisory whole-file lock for FileShare.None on Unix and a sharing lock on Windows: another
    // process's open fails until the holder closes it (or dies).
    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken ct)
    {
        var deadline = TimeSpan.FromMinutes(10);
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited < deadline)
            {
                await Task.Delay(200, ct);
                waited += TimeSpan.FromMilliseconds(200);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
