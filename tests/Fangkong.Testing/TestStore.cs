using Fangkong.Core.Data;
using Npgsql;

namespace Fangkong.Testing;

public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _dir;
    private readonly string? _pgName;
    private readonly string? _pgServer;

    private TestStore(StorageOptions options, string? dir, string? pgName, string? pgServer)
    {
        Options = options; _dir = dir; _pgName = pgName; _pgServer = pgServer;
    }

    public StorageOptions Options { get; }
    public FangkongDb NewDb() => new(Options.BuildOptions());

    public static async Task<TestStore> CreateAsync(StorageProvider provider)
    {
        var store = await CreateEmptyAsync(provider);
        await using var db = store.NewDb();
        await Database.MigrateAsync(db);
        return store;
    }

    /// <summary>A new, empty database (file or server database) with no schema yet.</summary>
    public static async Task<TestStore> CreateEmptyAsync(StorageProvider provider)
    {
        TestStore store;
        if (provider == StorageProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "fk-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            store = new TestStore(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={dir}/t.db" }, dir, null, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("FANGKONG_TEST_POSTGRES") ?? throw new InvalidOperationException("FANGKONG_TEST_POSTGRES not set: run ./test.sh");
            var name = "fk_" + Guid.NewGuid().ToString("N");
            await using (var c = new NpgsqlConnection(server)) { await c.OpenAsync(); await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c); await cmd.ExecuteNonQueryAsync(); }
            store = new TestStore(new StorageOptions { Provider = provider, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString }, null, name, server);
        }
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is not null) { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); try { Directory.Delete(_dir, true); } catch (IOException) { } }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(_pgServer); await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", c); await cmd.ExecuteNonQueryAsync();
        }
    }
}
