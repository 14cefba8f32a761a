using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Places;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Bench.Contacts;

/// <summary>
/// The migrated store holding a <see cref="ContactCity"/>'s venues and visits. With <c>--keep</c> it has a fixed name
/// per city size (a file under the temp directory, or a database on the server), is reused by the next run and
/// resumes an unfinished load at the first missing day; otherwise it is a scratch store, removed afterwards.
/// Each day is written atomically (one COPY on PostgreSQL, one transaction on SQLite), so the days present are whole.
/// </summary>
internal sealed class ContactStore : IAsyncDisposable
{
    private readonly bool _keep;
    private readonly string? _directory;
    private readonly string? _server;
    private readonly string? _database;

    private ContactStore(StorageOptions options, bool keep, string? directory, string? server, string? database)
    {
        Options = options;
        _keep = keep;
        _directory = directory;
        _server = server;
        _database = database;
    }

    public StorageOptions Options { get; }

    public bool IsPostgres => Options.Provider == StorageProvider.Postgres;

    public static async Task<ContactStore> OpenAsync(StorageProvider provider, string server, ContactCity city, bool keep)
    {
        var tag = $"r{city.Residents}_d{city.Days}_v{city.VisitsPerDay}";
        ContactStore store;
        if (provider == StorageProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), keep ? $"fk-cbench-contacts-{tag}" : $"fk-bench-contacts-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            store = new ContactStore(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(dir, "bench.db")}" }, keep, dir, null, null);
        }
        else
        {
            var name = keep ? $"fk_cbench_contacts_{tag}" : $"fk_bench_contacts_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(server))
            {
                await c.OpenAsync();
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", c);
                exists.Parameters.AddWithValue("n", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                    await create.ExecuteNonQueryAsync();
                }
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
            store = new ContactStore(new StorageOptions { Provider = provider, ConnectionString = cs }, keep, null, server, name);
        }
        Console.WriteLine($"  store: {(keep ? "kept" : "scratch")} {(store._database ?? store._directory)}");
        await using var db = new FangkongDb(store.Options.BuildOptions());
        await Database.MigrateAsync(db);
        return store;
    }

    /// <summary>Writes the venues if missing and every day not yet present, then makes sure the visits' indexes exist.</summary>
    public async Task FillAsync(ContactCity city)
    {
        await using var db = new FangkongDb(Options.BuildOptions());
        if (!await db.Venues.AnyAsync())
        {
            var midnight = new TimeOnly(0, 0);
            db.Venues.AddRange(city.Venues().Select(v => new Venue
            {
                Id = v.Id,
                Name = $"{v.Type} {v.Id}",
                Type = v.Type,
                DistrictCode = $"2201{v.District:D4}",
                Opens = midnight,
                Closes = new TimeOnly(23, 59),
            }));
            await db.SaveChangesAsync();
        }
        var done = await DaysPresentAsync(db, city);
        Console.WriteLine($"  visits: {done} of {city.Days} days present");
        var indexes = Definitions(db, "visits");
        if (done < city.Days)
        {
            // Secondary indexes are built once at the end (a sorted build), not maintained row by row.
            foreach (var (name, _) in indexes)
            {
                var drop = $"DROP INDEX IF EXISTS \"{name}\"";
                await db.Database.ExecuteSqlRawAsync(drop);
            }
            for (var day = done; day < city.Days; day++)
            {
                var clock = Stopwatch.StartNew();
                var rows = city.Day(day);
                var generated = clock.Elapsed;
                if (IsPostgres) await CopyAsync(rows); else Insert(rows);
                Console.WriteLine($"  day {day + 1}/{city.Days} ({city.Date(day):yyyy-MM-dd}): {rows.Length:N0} visits, generated in {generated.TotalSeconds:F1} s, written in {(clock.Elapsed - generated).TotalSeconds:F1} s");
            }
        }
        var build = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(IsPostgres ? "SET maintenance_work_mem = '1GB'" : "PRAGMA cache_size=-1048576");
        foreach (var (_, create) in indexes) await db.Database.ExecuteSqlRawAsync(create);
        // Statistics for the planner, as a maintained production database would have them.
        await db.Database.ExecuteSqlRawAsync(IsPostgres ? "VACUUM (ANALYZE) visits" : "PRAGMA analysis_limit=2000; ANALYZE;");
        Console.WriteLine($"  indexes and statistics: {build.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A plain connection to the store: on SQLite with a 1 GB page cache, on PostgreSQL without JIT.</summary>
    public async Task<DbConnection> ConnectAsync()
    {
        DbConnection c = IsPostgres ? new NpgsqlConnection(Options.ConnectionString) : new SqliteConnection(Options.ConnectionString);
        await c.OpenAsync();
        await using var setup = c.CreateCommand();
        // PostgreSQL: no JIT, whose compilation (~100 ms) would otherwise be part of every short query the baseline runs.
        setup.CommandText = IsPostgres ? "SET jit = off" : "PRAGMA cache_size=-1048576;";
        await setup.ExecuteNonQueryAsync();
        return c;
    }

    private static async Task<int> DaysPresentAsync(FangkongDb db, ContactCity city)
    {
        var last = await db.Visits.MaxAsync(v => (DateTime?)v.EnteredAtUtc);
        if (last is null) return 0;
        var day = 0;
        while (day < city.Days && ContactCity.DayStartUtc(day + 1) <= last.Value) day++;
        return day + 1;
    }

    private async Task CopyAsync(VisitRow[] rows)
    {
        await using var c = new NpgsqlConnection(Options.ConnectionString);
        await c.OpenAsync();
        await using var importer = await c.BeginBinaryImportAsync(
            "COPY visits (\"Id\", \"PersonId\", \"VenueId\", \"EnteredAtUtc\", \"ExitedAtUtc\", \"ExitInferred\", \"Method\") FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows)
        {
            importer.StartRow();
            importer.Write(r.Id, NpgsqlDbType.Bigint);
            importer.Write(r.PersonId, NpgsqlDbType.Bigint);
            importer.Write(r.VenueId, NpgsqlDbType.Bigint);
            importer.Write(new DateTime(r.InTicks, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            importer.Write(new DateTime(r.OutTicks, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            importer.Write(false, NpgsqlDbType.Boolean);
            importer.Write((int)(r.Id % 2) + 2, NpgsqlDbType.Integer);
        }
        await importer.CompleteAsync();
    }

    private void Insert(VisitRow[] rows)
    {
        using var c = new SqliteConnection(Options.ConnectionString);
        c.Open();
        using (var pragma = c.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;";
            pragma.ExecuteNonQuery();
        }
        using var tx = c.BeginTransaction();
        using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO visits (\"Id\", \"PersonId\", \"VenueId\", \"EnteredAtUtc\", \"ExitedAtUtc\", \"ExitInferred\", \"Method\") VALUES ($i, $p, $v, $in, $out, 0, $m)";
        var p = new[] { "$i", "$p", "$v", "$in", "$out", "$m" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        foreach (var r in rows)
        {
            p[0].Value = r.Id;
            p[1].Value = r.PersonId;
            p[2].Value = r.VenueId;
            p[3].Value = SqliteTime(r.InTicks);
            p[4].Value = SqliteTime(r.OutTicks);
            p[5].Value = (int)(r.Id % 2) + 2;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>The text EF Core's SQLite provider stores a DateTime as.</summary>
    public static string SqliteTime(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Each secondary index of the table as the migrations create it (IF NOT EXISTS): from the EF model.</summary>
    private static List<(string Name, string Create)> Definitions(FangkongDb db, string table)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var generator = db.GetService<IMigrationsSqlGenerator>();
        return model.GetRelationalModel().Tables.Single(t => t.Name == table).Indexes
            .Select(index => (index.Name, generator.Generate([CreateIndexOperation.CreateFrom(index)], model).Single().CommandText
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep) return;
        await Seeding.ScratchStore.DropAsync(_directory, _server, _database);
    }
}
