using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fangkong.Core.Data;

/// <summary>
/// One group's writes (tens of rows, not thousands) without change tracking, on the context's connection and in its
/// transaction (ADR 0032). On PostgreSQL every row's INSERT and every one-column UPDATE goes in one batch — one round trip,
/// each statement's text the same for every row and every group, so Npgsql prepares it once (a COPY costs round trips of
/// its own and was slower at these sizes). On SQLite, in-process, where round trips cost nothing, the inserts are
/// <see cref="DirectInserts"/>' prepared INSERT and the updates go through the context. Parameters are made by EF Core's
/// own type mappings, so rows written here read back through the model unchanged.
/// </summary>
internal sealed class GroupWrites(FangkongDb db)
{
    private sealed record Shape(string Sql, PropertyInfo[] Properties, RelationalTypeMapping[] Mappings, bool[] Nullable);

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();
    private readonly NpgsqlConnection? _postgres = db.Database.GetDbConnection() as NpgsqlConnection;
    private readonly List<Func<NpgsqlCommand, NpgsqlBatchCommand>> _commands = [];
    private readonly List<Func<CancellationToken, Task>> _sqlite = [];
    private readonly List<int> _guarded = [];
    private readonly List<(string Sql, (IProperty Property, object? Value)[] Values)> _sqliteGuarded = [];

    public void Insert<T>(IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        if (_postgres is null)
        {
            _sqlite.Add(ct => DirectInserts.InsertAsync(db, rows, ct));
            return;
        }
        var shape = Shapes.GetOrAdd(typeof(T), t => Plan(db, t));
        foreach (var row in rows)
            _commands.Add(maker =>
            {
                var command = new NpgsqlBatchCommand(shape.Sql);
                for (var i = 0; i < shape.Properties.Length; i++)
                    command.Parameters.Add(shape.Mappings[i].CreateParameter(maker, "", shape.Properties[i].GetValue(row), shape.Nullable[i]));
                return command;
            });
    }

    /// <summary>Sets one column of one row known by its key: an UPDATE with no read-back.</summary>
    public void Set<T, TValue>(object key, System.Linq.Expressions.Expression<Func<T, TValue>> column, TValue value) where T : class, new()
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var member = ((System.Linq.Expressions.MemberExpression)column.Body).Member.Name;
        var keyProperty = entity.FindPrimaryKey()!.Properties.Single();
        if (_postgres is null)
        {
            // The context's own UPDATE of one column, saved with the rest of the group's changes.
            var stub = new T();
            keyProperty.PropertyInfo!.SetValue(stub, key);
            db.Attach(stub);
            db.Entry(stub).Property(member).CurrentValue = value;
            db.Entry(stub).Property(member).IsModified = true;
            return;
        }
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var property = entity.FindProperty(member)!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {sql.DelimitIdentifier(property.GetColumnName(table)!)} = $1 WHERE {sql.DelimitIdentifier(keyProperty.GetColumnName(table)!)} = $2";
        _commands.Add(maker => new NpgsqlBatchCommand(text)
        {
            Parameters =
            {
                property.GetRelationalTypeMapping().CreateParameter(maker, "", value, property.IsNullable),
                keyProperty.GetRelationalTypeMapping().CreateParameter(maker, "", key, false),
            },
        });
    }

    /// <summary>
    /// Sets columns of the one row that still holds what <paramref name="where"/> names (its key, and the values the group
    /// read and decided on): an UPDATE with no read-back, guarded. When it finds no such row — another instance changed it
    /// since the group read it — <see cref="Execute"/> throws <see cref="DbUpdateConcurrencyException"/>, so the whole group
    /// rolls back and is decided again from fresh reads. A null in <paramref name="where"/> means IS NULL.
    /// </summary>
    public void Update<T>(IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var values = new List<(IProperty, object?)>();
        string Next(IProperty p, object? value)
        {
            values.Add((p, value));
            return _postgres is null ? "$p" + (values.Count - 1) : "$" + values.Count;
        }
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var assignments = string.Join(", ", set.Select(s => { var p = entity.FindProperty(s.Property)!; return $"{Column(p)} = {Next(p, s.Value)}"; }));
        var conditions = string.Join(" AND ", where.Select(w =>
        {
            var p = entity.FindProperty(w.Property)!;
            return w.Value is null ? $"{Column(p)} IS NULL" : $"{Column(p)} = {Next(p, w.Value)}";
        }));
        var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {assignments} WHERE {conditions}";
        var bound = values.ToArray();
        if (_postgres is null)
        {
            _sqliteGuarded.Add((text, bound));
            return;
        }
        _commands.Add(maker =>
        {
            var command = new NpgsqlBatchCommand(text);
            foreach (var (p, v) in bound) command.Parameters.Add(p.GetRelationalTypeMapping().CreateParameter(maker, "", v, p.IsNullable));
            return command;
        });
        _guarded.Add(_commands.Count - 1);
    }

    /// <summary>
    /// Saves the context's own changes (first-time visitors), then sends everything added here. Synchronous: the gate calls
    /// it on a lane's own thread (SQLite's "async" inserts complete synchronously anyway).
    /// </summary>
    public void Execute()
    {
        db.SaveChanges();
        foreach (var write in _sqlite) write(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var (text, values) in _sqliteGuarded)
        {
            using var update = db.Database.GetDbConnection().CreateCommand();
            update.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            update.CommandText = text;
            for (var i = 0; i < values.Length; i++)
                update.Parameters.Add(values[i].Property.GetRelationalTypeMapping().CreateParameter(update, "$p" + i, values[i].Value, values[i].Property.IsNullable));
            if (update.ExecuteNonQuery() != 1) throw Changed(text);
        }
        if (_postgres is null || _commands.Count == 0) return;
        using var maker = _postgres.CreateCommand();
        using var batch = _postgres.CreateBatch();
        batch.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var make in _commands) batch.BatchCommands.Add(make(maker));
        batch.ExecuteNonQuery();
        foreach (var i in _guarded)
            if (batch.BatchCommands[i].RecordsAffected != 1) throw Changed(batch.BatchCommands[i].CommandText);
    }

    private static DbUpdateConcurrencyException Changed(string sql) => new($"A row the group read has changed since: {sql}");

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
