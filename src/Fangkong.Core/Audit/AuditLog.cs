using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Audit;

/// <summary>
/// The one way into the audit log (ADR 0024). Entries added here are linked into the hash chain by
/// <see cref="FangkongDb"/> when the context saves, in the same transaction as the act they record — so there is no
/// act without its entry and no entry without its act — and alarms (<see cref="AuditAlarms"/>) are raised in that save.
/// </summary>
public static class AuditLog
{
    /// <summary>
    /// Records one entry and saves the context, so the change the caller made to it (an account created, a role given)
    /// and its entry commit together. Account administration calls this: build the entry with <see cref="AuditEntries"/>.
    /// </summary>
    public static async Task AppendAsync(FangkongDb db, AuditEntry entry, CancellationToken ct)
    {
        Add(db, entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an entry to the context without saving: it is linked and written by the caller's next save.</summary>
    public static void Add(FangkongDb db, AuditEntry entry) => db.AuditEntries.Add(entry);

    /// <summary>
    /// Writes many entries at once, untracked, in the caller's transaction (which must be open): for the bulk paths that
    /// write their own rows directly (a sealed zone's ~100,000 colour changes), one lock and one bulk insert for all.
    /// </summary>
    public static async Task AppendManyAsync(FangkongDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("bulk audit entries are written inside the caller's transaction");
        var ordered = entries.OrderBy(e => e.Id).ToList();
        await AuditChain.LinkAsync(db, ordered, ct);
        await DirectInserts.InsertAsync(db, ordered, ct);
    }

    /// <summary>Entries added to this context and not saved yet (a use case completes them, e.g. the approver of a colour).</summary>
    public static IEnumerable<AuditEntry> Unsaved(FangkongDb db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
}
