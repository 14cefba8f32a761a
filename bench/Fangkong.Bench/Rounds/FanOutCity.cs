using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fangkong.Bench.Rounds;

/// <summary>
/// The fan-out's set-up, not measured: a city of tubes × 10 residents, an open round, and every resident swabbed into
/// closed, received pools of ten. Prepared once as a template (kept between runs with <c>--keep</c>: a file under the
/// temp directory, a database on the server) and cloned for each measured run, because a run sets results for good.
/// </summary>
internal sealed class FanOutCity
{
    private readonly string _server;
    private readonly string? _templateFile;
    private readonly string? _templateDatabase;
    private readonly bool _keep;

    private FanOutCity(StorageProvider provider, string server, string? file, string? database, bool keep, long roundId)
    {
        Provider = provider;
        _server = server;
        _templateFile = file;
        _templateDatabase = database;
        _keep = keep;
        RoundId = roundId;
    }

    public StorageProvider Provider { get; }
    public long RoundId { get; }

    public static async Task<FanOutCity> OpenAsync(StorageProvider provider, string server, int tubes, bool keep)
    {
        var tag = keep ? $"t{tubes}" : Guid.NewGuid().ToString("N");
        string? file = null, database = null;
        StorageOptions storage;
        bool ready;
        if (provider == StorageProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"fk-fbench-fanout-{tag}");
            Directory.CreateDirectory(dir);
            file = Path.Combine(dir, "template.db");
            ready = File.Exists(file + ".ready");
            if (!ready) foreach (var f in Directory.GetFiles(dir)) File.Delete(f);
            storage = new StorageOptions { Provider = provider, ConnectionString = $"Data Source={file}" };
        }
        else
        {
            database = $"fk_fbench_fanout_{tag}";
            ready = await ScalarAsync(server, $"SELECT 1 FROM pg_database WHERE datname = '{database}'") is not null
                && await ScalarAsync(Cs(server, database), "SELECT 1 FROM information_schema.tables WHERE table_name = 'bench_ready'") is not null;
            if (!ready)
            {
                await ExecAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                await ExecAsync(server, $"CREATE DATABASE {database}");
            }
            storage = new StorageOptions { Provider = provider, ConnectionString = Cs(server, database) };
        }
        long roundId;
        if (ready)
        {
            await using var db = new FangkongDb(storage.BuildOptions());
            roundId = await db.TestingRounds.Select(r => r.Id).SingleAsync();
            Console.WriteLine($"  template reused: {file ?? database}");
        }
        else
        {
            roundId = 0;
            await using (var host = await BenchHost.StartAsync(storage, async sp => roundId = await RoundCity.PrepareAsync(sp, storage, tubes * 10, 1)))
            {
            }
            await SampleEveryoneAsync(storage, roundId, tubes);
            if (file is not null)
            {
                await using (var c = new SqliteConnection(storage.ConnectionString))
                {
                    await c.OpenAsync();
                    await using var cmd = c.CreateCommand();
                    cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
                    await cmd.ExecuteNonQueryAsync();
                }
                SqliteConnection.ClearAllPools();
                await File.WriteAllTextAsync(file + ".ready", "");
            }
            else
            {
                await ExecAsync(storage.ConnectionString, "ANALYZE; CREATE TABLE bench_ready (x int)");
                NpgsqlConnection.ClearAllPools();
            }
        }
        return new FanOutCity(provider, server, file, database, keep, roundId);
    }

    /// <summary>A copy of the template for one run: the file copied, or a database created from it.</summary>
    public async Task<StorageOptions> CloneAsync(string label)
    {
        if (_templateFile is not null)
        {
            var target = Path.Combine(Path.GetDirectoryName(_templateFile)!, $"{label}.db");
            File.Copy(_templateFile, target, overwrite: true);
            return new StorageOptions { Provider = Provider, ConnectionString = $"Data Source={target}" };
        }
        NpgsqlConnection.ClearAllPools();
        var name = $"{_templateDatabase}_{label}";
        await ExecAsync(_server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecAsync(_server, $"CREATE DATABASE {name} TEMPLATE {_templateDatabase}");
        return new StorageOptions { Provider = Provider, ConnectionString = Cs(_server, name) };
    }

    public async Task DropCloneAsync(string label)
    {
        if (_templateFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(_templateFile)!, $"{label}.db*")) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecAsync(_server, $"DROP DATABASE IF EXISTS {_templateDatabase}_{label} WITH (FORCE)");
    }

    /// <summary>Removes the template unless it is kept for the next run.</summary>
    public async Task DropTemplateAsync()
    {
        if (_keep) return;
        if (_templateFile is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(_templateFile)!, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecAsync(_server, $"DROP DATABASE IF EXISTS {_templateDatabase} WITH (FORCE)");
    }

    /// <summary>Every roster resident swabbed into closed, received pools of ten, written by the bulk loader.</summary>
    private static async Task SampleEveryoneAsync(StorageOptions storage, long roundId, int tubeCount)
    {
        var watch = Stopwatch.StartNew();
        List<long> roster;
        long site;
        (string Table, string[] Columns) tubeMap, sampleMap;
        await using (var db = new FangkongDb(storage.BuildOptions()))
        {
            roster = await db.RoundResidents.Where(x => x.RoundId == roundId).OrderBy(x => x.PersonId).Select(x => x.PersonId).Take(tubeCount * 10).ToListAsync();
            site = await db.SamplingSites.Where(s => s.RoundId == roundId).Select(s => s.Id).FirstAsync();
            tubeMap = BulkLoader.Mapping<Tube>(db, nameof(Tube.Id), nameof(Tube.RoundId), nameof(Tube.Barcode), nameof(Tube.SiteId), nameof(Tube.Kind),
                nameof(Tube.Capacity), nameof(Tube.Count), nameof(Tube.OpenedByUserId), nameof(Tube.OpenedAtUtc), nameof(Tube.FirstSampledAtUtc),
                nameof(Tube.ClosedAtUtc), nameof(Tube.ReceivedAtUtc), nameof(Tube.OpenKey));
            sampleMap = BulkLoader.Mapping<Sample>(db, nameof(Sample.Id), nameof(Sample.RoundId), nameof(Sample.TubeId), nameof(Sample.PersonId),
                nameof(Sample.AtUtc), nameof(Sample.SamplerUserId), nameof(Sample.Resample), nameof(Sample.AtHome), nameof(Sample.IdempotencyKey));
        }
        if (roster.Count != tubeCount * 10) throw new InvalidOperationException($"roster holds {roster.Count:N0} residents, {tubeCount * 10:N0} needed");
        var at = DateTime.UtcNow.AddMinutes(-30);
        const long firstTube = 5_000_000_000;
        IEnumerable<object?[]> Tubes()
        {
            for (var i = 0; i < tubeCount; i++)
            {
                var id = firstTube + i * 11L;
                yield return [id, roundId, Barcodes.Tube(id), site, TubeKind.Pool, 10, 10, 10_000L, at, at, at, at.AddMinutes(10), $"bench-open-{id}"];
            }
        }
        IEnumerable<object?[]> Samples()
        {
            for (var i = 0; i < tubeCount; i++)
            {
                var tube = firstTube + i * 11L;
                for (var k = 0; k < 10; k++)
                    yield return [tube + 1 + k, roundId, tube, roster[i * 10 + k], at, 10_000L, false, false, $"bench-{tube + 1 + k}"];
            }
        }
        await using (var loader = await BulkLoader.OpenAsync(storage, default))
        {
            await loader.WriteAsync(tubeMap.Table, tubeMap.Columns, Tubes(), null, default);
            await loader.WriteAsync(sampleMap.Table, sampleMap.Columns, Samples(), null, default);
        }
        await using (var db = new FangkongDb(storage.BuildOptions()))
            await db.RoundResidents.Where(x => x.RoundId == roundId).ExecuteUpdateAsync(u => u.SetProperty(x => x.SampledAtUtc, at));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tubeCount:N0} tubes and {roster.Count:N0} swabs set up in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static string Cs(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0, MaxPoolSize = 90 }.ConnectionString;

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }
}
