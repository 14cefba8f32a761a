using Fangkong.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Core.Tests.Seeding;

/// <summary>
/// An empty store for one seeding test: a SQLite file in a temp directory, or a uniquely named database on the
/// PostgreSQL server in FANGKONG_TEST_POSTGRES; removed afterwards. (Local to these tests until the shared
/// test store settles.)
/// </summary>
internal sealed class SeedingStore : IAsyncDisposable
{
    public const string PostgresVariable = "FANGKONG_TEST_POSTGRES";
    private readonly string? _directory;
    private readonly string? _database;

    private SeedingStore(StorageOptions options, string? directory, string? database)
    {
        Options = options;
        _directory = directory;
        _database = database;
    }

    public StorageOptions Options { get; }

    public FangkongDb NewDb() => new(Options.BuildOptions());

    public static async Task<SeedingStore> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "fk-seed-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return new SeedingStore(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(dir, "city.db")}" }, dir, null);
        }
        var server = Environment.GetEnvironmentVariable(PostgresVariable) ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var name = "fk_seed_" + Guid.NewGuid().ToString("N");
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new SeedingStore(new StorageOptions { Provider = provider, ConnectionString = cs }, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { }
        }
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>A fact that runs only when a PostgreSQL server is configured (./test.sh always provides one).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SeedingStore.PostgresVariable)))
            Skip = $"{SeedingStore.PostgresVariable} is not set: no PostgreSQL server to seed into";
    }
}
