using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fangkong.Core.Data;

/// <summary>
/// Inserts one group's new rows (tens, not thousands) without change tracking, on the context's connection and in its
/// transaction (ADR 0032). On PostgreSQL: one batch of INSERTs whose text is the same for every row and every group, so
/// Npgsql prepares it once, sent in one round trip — a COPY costs round trips of its own and was slower at these sizes.
/// On SQLite (in-process): <see cref="DirectInserts"/>' prepared INSERT per row. Parameters are made by EF Core's own type
/// mappings, so rows written here read back through the model unchanged.
/// </summary>
internal static class GroupInserts
{
    private sealed record Shape(string Sql, PropertyInfo[] Properties, RelationalTypeMapping[] Mappings, bool[] Nullable);

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    public static async Task InsertAsync<T>(FangkongDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            await DirectInserts.InsertAsync(db, rows, ct);
            return;
        }
        var shape = Shapes.GetOrAdd(typeof(T), t => Plan(db, t));
        await using var maker = connection.CreateCommand();
        await using var batch = connection.CreateBatch();
        batch.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var row in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = shape.Sql;
            for (var i = 0; i < shape.Properties.Length; i++)
                command.Parameters.Add(shape.Mappings[i].CreateParameter(maker, "", shape.Properties[i].GetValue(row), shape.Nullable[i]));
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static Shape Plan(FangkongDb db, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        if (properties.Any(p => p.PropertyInfo is null)) throw new NotSupportedException($"{type.Name} has shadow properties.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        // Positional parameters: Npgsql sends the text as it is, with no names to rewrite.
        var values = string.Join(", ", properties.Select((_, i) => "$" + (i + 1)));
        return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values})",
            [.. properties.Select(p => p.PropertyInfo!)], [.. properties.Select(p => p.GetRelationalTypeMapping())], [.. properties.Select(p => p.IsNullable)]);
    }
}
