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

    /// <summary>
    /// A new database with the schema: a copy of a template migrated once per test process (a file copy on SQLite,
    /// CREATE DATABASE … TEMPLATE on PostgreSQL). Migrating every test's store from scratch cost seconds of CPU each,
    /// hundreds of times a run; the copy holds exactly what migrating gives (MigrationSafetyTests still migrate empty stores).
    /// </summary>
    public static async Task<TestStore> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var template = await SqliteTemplate.Value;
            var dir = NewSqliteDir();
            File.Copy(template, Path.Combine(dir, "t.db"));
            return new TestStore(SqliteOptions(dir), dir, null, null);
        }
        var server = PostgresServer();
        var source = await PostgresTemplate.Value;
        var name = "fk_" + Guid.NewGuid().ToString("N");
        // PostgreSQL copies a template for one CREATE DATABASE at a time ("source database is being accessed by other users").
        await PostgresCopies.WaitAsync();
        try { await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {source}"); }
        finally { PostgresCopies.Release(); }
        return new TestStore(PostgresOptions(server, name), null, name, server);
    }

    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var dir = NewSqliteDir();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, true); } catch (IOException) { } };
        var file = Path.Combine(dir, "t.db");
        // Unpooled, so that closing the context closes the file: it is copied whole, its WAL checkpointed away.
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" };
        await using (var db = new FangkongDb(options.BuildOptions())) await Database.MigrateAsync(db);
        return file;
    });

    private static readonly Lazy<Task<string>> PostgresTemplate = new(async () =>
    {
        var server = PostgresServer();
        var name = "fk_template_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        // Unpooled: a template may have no connections while it is copied.
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString,
        };
        await using (var db = new FangkongDb(options.BuildOptions())) await Database.MigrateAsync(db);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult(); }
            catch (NpgsqlException) { } // the server may already be gone at the end of a run
        };
        return name;
    });

    /// <summary>A new, empty database (file or server database) with no schema yet.</summary>
    public static async Task<TestStore> CreateEmptyAsync(StorageProvider provider)
    {
        TestStore store;
        if (provider == StorageProvider.Sqlite)
        {
            var dir = NewSqliteDir();
            store = new TestStore(SqliteOptions(dir), dir, null, null);
        }
        else
        {
            var server = PostgresServer();
            var name = "fk_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            store = new TestStore(PostgresOptions(server, name), null, name, server);
        }
        return store;
    }

    private static string NewSqliteDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static StorageOptions SqliteOptions(string dir) => new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={dir}/t.db" };

    private static string PostgresServer() =>
        Environment.GetEnvironmentVariable("FANGKONG_TEST_POSTGRES") ?? throw new InvalidOperationException("FANGKONG_TEST_POSTGRES not set: run ./test.sh");

    private static StorageOptions PostgresOptions(string server, string name) =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var c = new NpgsqlConnection(server);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is not null) { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); try { Directory.Delete(_dir, true); } catch (IOException) { } }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_pgServer!, $"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)");
        }
    }
}
