using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fangkong.Core.Data;

/// <summary>
/// Streams rows into one table the fastest way each store offers: binary COPY on PostgreSQL, one prepared,
/// reused INSERT inside large transactions on SQLite. Values are written in the formats EF Core itself uses,
/// so rows loaded here read back through the model unchanged.
/// </summary>
public sealed class BulkLoader : IAsyncDisposable
{
    private const int SqliteTransactionRows = 100_000;
    private readonly StorageOptions _storage;
    private readonly SqliteConnection? _sqlite;
    private readonly NpgsqlConnection? _npgsql;

    private BulkLoader(StorageOptions storage, SqliteConnection? sqlite, NpgsqlConnection? npgsql)
    {
        _storage = storage;
        _sqlite = sqlite;
        _npgsql = npgsql;
    }

    public static async Task<BulkLoader> OpenAsync(StorageOptions storage, CancellationToken ct)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            var c = new NpgsqlConnection(storage.ConnectionString);
            await c.OpenAsync(ct);
            return new BulkLoader(storage, null, c);
        }
        var s = new SqliteConnection(storage.ConnectionString);
        await s.OpenAsync(ct);
        // The load is one-off and restartable: skip the per-commit fsync and give the index B-trees 512 MB of
        // cache (a million residents means tens of millions of visit index entries); both end with the connection.
        await using (var cmd = s.CreateCommand())
        {
            cmd.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return new BulkLoader(storage, s, null);
    }

    public bool IsPostgres => _storage.Provider == StorageProvider.Postgres;

    /// <summary>Writes rows (values in column order) to a table; returns the number of rows.</summary>
    public async Task<long> WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, Action<long>? progress, CancellationToken ct)
    {
        if (_npgsql is not null) return await CopyAsync(_npgsql, table, columns, rows, progress, ct);

        long n = 0;
        var s = _sqlite!;
        var tx = s.BeginTransaction();
        await using var insert = s.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = InsertSql(table, columns);
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        insert.Prepare();
        try
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++) parameters[i].Value = SqliteValue(row[i]);
                insert.ExecuteNonQuery();
                if (++n % SqliteTransactionRows == 0)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = s.BeginTransaction();
                    insert.Transaction = tx;
                    progress?.Invoke(n);
                }
            }
            tx.Commit();
        }
        finally
        {
            // On failure or cancellation this rolls the open transaction back, releasing SQLite's write lock.
            tx.Dispose();
        }
        progress?.Invoke(n);
        return n;
    }

    /// <summary>One row's INSERT into a table, its values as parameters $p0, $p1, … in column order.</summary>
    internal static string InsertSql(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";

    /// <summary>Binary COPY of rows into a table on an open connection (inside its current transaction, if any).</summary>
    public static async Task<long> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, Action<long>? progress, CancellationToken ct)
    {
        long n = 0;
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var v in row)
            {
                if (v is null) await importer.WriteNullAsync(ct);
                else await WritePgAsync(importer, v, ct);
            }
            if (++n % 50_000 == 0) progress?.Invoke(n);
        }
        await importer.CompleteAsync(ct);
        progress?.Invoke(n);
        return n;
    }

    /// <summary>Column names of an entity as the EF model maps them.</summary>
    public static (string Table, string[] Columns) Mapping<T>(FangkongDb db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var id = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        return (table, properties.Select(p => entity.FindProperty(p)!.GetColumnName(id)!).ToArray());
    }

    internal static object SqliteValue(object? v) => v switch
    {
        null => DBNull.Value,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        _ => v,
    };

    private static Task WritePgAsync(NpgsqlBinaryImporter w, object v, CancellationToken ct) => v switch
    {
        long l => w.WriteAsync(l, NpgsqlTypes.NpgsqlDbType.Bigint, ct),
        int i => w.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, ct),
        string s => w.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text, ct),
        DateTime d => w.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct),
        DateOnly d => w.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.Date, ct),
        TimeOnly t => w.WriteAsync(t, NpgsqlTypes.NpgsqlDbType.Time, ct),
        decimal m => w.WriteAsync(m, NpgsqlTypes.NpgsqlDbType.Numeric, ct),
        bool b => w.WriteAsync(b, NpgsqlTypes.NpgsqlDbType.Boolean, ct),
        Enum e => w.WriteAsync(Convert.ToInt32(e, CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Integer, ct),
        _ => throw new NotSupportedException(v.GetType().Name),
    };

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null) await _sqlite.DisposeAsync();
        if (_npgsql is not null) await _npgsql.DisposeAsync();
    }
}
