using System.Data.Common;
using Fangkong.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fangkong.Core.Data;

/// <summary>A record people name by a short number (<see cref="RecordNumber"/>); FangkongDb numbers it when it is first saved.</summary>
public interface INumberedRecord
{
    long Id { get; }
    /// <summary>"C2026-0042"; empty until saved.</summary>
    string Number { get; set; }
    RecordKind NumberKind { get; }
    /// <summary>The instant whose city year the number carries.</summary>
    DateTime NumberedAtUtc { get; }
}

/// <summary>The last number given to a kind of record in a city year: one row per kind and year.</summary>
public sealed class NumberSequence
{
    public required string Kind { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// Gives new records their numbers inside the transaction that saves them, so a failed save leaves no gap and no
/// number twice: the counter row is bumped by an upsert, which PostgreSQL serialises on the row and SQLite on its
/// one writer. One sequence a deployment (a city, or a province whose cities share its command center) and year.
/// </summary>
internal static class RecordNumbers
{
    public static List<INumberedRecord> Pending(ChangeTracker tracker) =>
        [.. tracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is INumberedRecord { Number: "" }).Select(e => (INumberedRecord)e.Entity)];

    public static async Task AssignAsync(FangkongDb db, List<INumberedRecord> records, bool async, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("numbers are given inside the saving transaction");
        foreach (var group in records.GroupBy(r => (r.NumberKind, Year: (r.NumberedAtUtc + Common.CityClock.ChinaOffset).Year)))
        {
            var ordered = group.OrderBy(r => r.NumberedAtUtc).ThenBy(r => r.Id).ToList();
            await using var cmd = tx.Connection!.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO number_sequences ("Kind", "Year", "Last") VALUES (@kind, @year, @count)
                ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = number_sequences."Last" + @count
                RETURNING "Last"
                """;
            Add(cmd, "kind", ((char)group.Key.NumberKind).ToString());
            Add(cmd, "year", group.Key.Year);
            Add(cmd, "count", ordered.Count);
            var last = Convert.ToInt32(async ? await cmd.ExecuteScalarAsync(ct) : cmd.ExecuteScalar());
            var first = last - ordered.Count + 1;
            for (var i = 0; i < ordered.Count; i++)
                ordered[i].Number = new RecordNumber(group.Key.NumberKind, group.Key.Year, first + i).ToString();
        }
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
