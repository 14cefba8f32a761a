using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Marks who cannot come down to a site (about a third of residents over 80) and key groups sampled in single tubes
/// (about 2 % of working-age adults), deterministically from the person id so every run marks the same residents.
/// </summary>
internal static class SamplingMarkers
{
    public static async Task MarkAsync(FangkongDb db, DateOnly today, CancellationToken ct)
    {
        var over80 = today.AddYears(-80);
        var adultFrom = today.AddYears(-60);
        var adultTo = today.AddYears(-20);
        // Dates are parameters; the kinds are the MarkerKind numbers (1 immobile, 2 key group).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO person_markers ("PersonId", "Kind")
            SELECT "Id", 1 FROM persons WHERE "BirthDate" < {over80} AND "Id" % 3 = 0
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO person_markers ("PersonId", "Kind")
            SELECT "Id", 2 FROM persons WHERE "BirthDate" >= {adultFrom} AND "BirthDate" < {adultTo} AND "Id" % 50 = 7
            """, ct);
    }
}
