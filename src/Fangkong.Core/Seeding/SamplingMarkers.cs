using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// Marks key groups sampled in single tubes (about 2 % of working-age adults), deterministically from the person id so
/// every run marks the same residents. Who cannot come down to a site is no longer marked here: it follows from the
/// special-groups register (bedridden, disabled; <see cref="SpecialGroupSeeds"/>), as it does at run time. Key groups
/// stay a marker of their own: they are sampled alone for their work (medical, delivery, transport staff), not served
/// first for their needs.
/// </summary>
internal static class SamplingMarkers
{
    public static async Task MarkAsync(FangkongDb db, DateOnly today, CancellationToken ct)
    {
        var adultFrom = today.AddYears(-60);
        var adultTo = today.AddYears(-20);
        // Dates are parameters; the kind is the MarkerKind number (2 key group).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO person_markers ("PersonId", "Kind")
            SELECT "Id", 2 FROM persons WHERE "BirthDate" >= {adultFrom} AND "BirthDate" < {adultTo} AND "Id" % 50 = 7
            """, ct);
    }
}
