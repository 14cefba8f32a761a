using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fangkong.Core.Data;

/// <summary>
/// Inserts entities in bulk on the context's own connection and in its current transaction, without tracking them:
/// binary COPY on PostgreSQL, one prepared INSERT on SQLite. Columns and value conversions come from the EF model, so
/// rows written here read back through it unchanged. For the few writes of tens of thousands of rows inside an
/// officer's request (a sealed zone's colour changes), where EF Core's SaveChanges and the change tracker that follows
/// cost seconds; everything else saves through the context.
/// </summary>
internal static class DirectInserts
{
    public static async Task InsertAsync<T>(FangkongDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        if (properties.Any(p => p.IsShadowProperty())) throw new NotSupportedException($"{typeof(T).Name} has shadow properties.");
        var columns = properties.Select(p => p.GetColumnName(store)!).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();

        IEnumerable<object?[]> Values()
        {
            foreach (var row in rows)
            {
                var values = new object?[properties.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var v = getters[i].GetClrValue(row);
                    values[i] = v is not null && converters[i] is { } c ? c.ConvertToProvider(v) : v;
                }
                yield return values;
            }
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        if (connection is NpgsqlConnection npgsql)
        {
            // COPY runs in the connection's open transaction, if any.
            await BulkLoader.CopyAsync(npgsql, table, columns, Values(), null, ct);
            return;
        }
        await using var insert = (SqliteCommand)connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = BulkLoader.InsertSql(table, columns);
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        insert.Prepare();
        foreach (var values in Values())
        {
            for (var i = 0; i < values.Length; i++) parameters[i].Value = BulkLoader.SqliteValue(values[i]);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
