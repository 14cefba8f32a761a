using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Venue capacity exact across instances (ADR 0044). On PostgreSQL a gate group first locks the rows of the capped venues it
/// admits people to (<c>FOR NO KEY UPDATE</c>, in id order so two groups never deadlock), and only then counts their open
/// visits: a group deciding for the same venue on another instance waits for this one's commit, and its count — a new
/// statement, a new snapshot under READ COMMITTED — includes what this one admitted. The weaker lock still lets visits and
/// gate events reference the venue (their foreign-key checks take KEY SHARE) and blocks no reader. SQLite is one instance
/// with one writer: nothing to lock.
/// </summary>
internal static class VenueLock
{
    public static void ForEntries(FangkongDb db, IReadOnlyList<PendingGate> items)
    {
        if (!db.Database.IsNpgsql()) return;
        var capped = items.Where(i => i.Venue.Capacity > 0 && i.Request.Direction != GateDirection.Out)
            .Select(i => i.Venue.Id).Distinct().Order().ToArray();
        if (capped.Length == 0) return;
        db.Database.ExecuteSqlRaw("SELECT 1 FROM venues WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR NO KEY UPDATE", new object[] { capped });
    }
}
