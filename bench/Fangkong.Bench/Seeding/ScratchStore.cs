using Fangkong.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Bench.Seeding;

/// <summary>A fresh, migrated store for one measurement, deleted (file) or dropped (database) afterwards.</summary>
internal sealed class ScratchStore : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _server;
    private readonly string? _database;

    private ScratchStore(StorageOptions options, string? directory, string? server, string? database)
    {
        Options = options;
        _directory = directory;
        _server = server;
        _database = database;
    }

    public StorageOptions Options { get; }

    public static async Task<ScratchStore> CreateAsync(StorageProvider provider, string postgresServer, string label, bool migrate)
    {
        ScratchStore store;
        if (provider == StorageProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"fk-bench-{label}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            store = new ScratchStore(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(dir, "bench.db")}" }, dir, null, null);
        }
        else
        {
            var name = $"fk_bench_{label}_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(postgresServer))
            {
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString;
            store = new ScratchStore(new StorageOptions { Provider = provider, ConnectionString = cs }, null, postgresServer, name);
        }
        if (migrate)
        {
            await using var db = new FangkongDb(store.Options.BuildOptions());
            await Database.MigrateAsync(db);
        }
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync(_directory, _server, _database);
    }

    /// <summary>Removes a scratch store: the SQLite directory, or the PostgreSQL database on <paramref name="server"/>.</summary>
    public static async Task DropAsync(string? directory, string? server, string? database)
    {
        if (directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { }
        }
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(server);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
