using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Empties every table of the model but the code-signing keys (and the demo city's mark, which says a reset is under way) so a demo city can be generated again. The tables come
/// from the model, so a table added later is emptied too (a hand-kept list had already missed contacts, quarantine,
/// exports and bulletins on SQLite).
/// </summary>
internal static class DemoCityReset
{
    public static async Task ClearAsync(FangkongDb db, CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Where(e => e.ClrType != typeof(SigningKey) && e.ClrType != typeof(DemoCityMark)).Select(e => e.GetTableName())
            .OfType<string>().Distinct().Select(t => $"\"{t}\"").ToList();
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // TRUNCATE drops tens of millions of visits at once; DELETE would scan and log every row.
            var truncate = "TRUNCATE " + string.Join(", ", tables); // names from the model, never from input
            await db.Database.ExecuteSqlRawAsync(truncate, ct);
            return;
        }
        // SQLite turns an unconditional DELETE into a truncate of its own; in one transaction with foreign keys checked
        // at its end, the order of the tables does not matter.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
        foreach (var delete in tables.Select(t => "DELETE FROM " + t)) await db.Database.ExecuteSqlRawAsync(delete, ct);
        await tx.CommitAsync(ct);
    }
}
