using System.Globalization;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Zones;

/// <summary>The compounds to seal, the plain-SQL baseline (and its undo), and the check that every code changed and was explained.</summary>
internal static class ZoneSql
{
    public const string BaselineRule = "bench-sql";
    // The statements' one parameter (now), as ExecuteSqlRaw numbers it.
    private const string At = "{0}";

    /// <summary><paramref name="count"/> compounds whose residents add up to about <paramref name="target"/>: those nearest the average size that needs.</summary>
    public static async Task<(List<long> Ids, int Residents)> PickCompoundsAsync(StorageOptions storage, int count, int target)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var sizes = await (from p in db.Persons
                           join h in db.Households on p.HouseholdId equals h.Id
                           join u in db.Units on h.UnitId equals u.Id
                           join b in db.Buildings on u.BuildingId equals b.Id
                           group p by b.CompoundId into g
                           select new { g.Key, Residents = g.Count() }).ToListAsync();
        var mean = (double)target / count;
        var picked = sizes.OrderBy(s => Math.Abs(s.Residents - mean)).ThenBy(s => s.Key).Take(count).ToList();
        return ([.. picked.Select(s => s.Key).Order()], picked.Sum(s => s.Residents));
    }

    /// <summary>
    /// The same colours as sealing writes, set-based: a change row for every resident of the compounds and their state
    /// upserted red — one INSERT … SELECT and one upsert in one transaction, no rules read; the explanation a fixed key
    /// and arguments (stored as the product stores it, ADR 0020), not derived per person. Returns rows written.
    /// </summary>
    public static async Task<int> SealAsync(FangkongDb db, IReadOnlyList<long> compounds)
    {
        var ids = string.Join(",", compounds.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        var now = DateTime.UtcNow;
        var first = TimeOrderedIds.LowerBound(now);
        var residents = $"""
            FROM persons p
            JOIN households h ON h."Id" = p."HouseholdId"
            JOIN units u ON u."Id" = h."UnitId"
            JOIN buildings b ON b."Id" = u."BuildingId"
            LEFT JOIN health_codes s ON s."PersonId" = p."Id"
            WHERE b."CompoundId" IN ({ids})
            """;
        await using var tx = await db.Database.BeginTransactionAsync();
        var changeSql = $"""
            INSERT INTO health_code_changes ("Id", "PersonId", "From", "To", "AtUtc", "Rule", "ExplanationKey", "ExplanationArgs", "Evidence", "PolicyVersion")
            SELECT {first} + ROW_NUMBER() OVER (ORDER BY p."Id"), p."Id", COALESCE(s."Colour", {(int)CodeColour.Green}), {(int)CodeColour.Red}, {At}, '{BaselineRule}',
                'Zones.Code.ThreeZones.Sealed', '["bench","Z0000-0000","2026-01-01"]', 'zone:bench', 'bench'
            {residents}
            """;
        var changes = await db.Database.ExecuteSqlRawAsync(changeSql, now);
        var stateSql = $"""
            INSERT INTO health_codes ("PersonId", "Colour", "SinceUtc", "Rule", "PolicyVersion")
            SELECT p."Id", {(int)CodeColour.Red}, {At}, '{BaselineRule}', 'bench'
            {residents}
            ON CONFLICT ("PersonId") DO UPDATE SET "Colour" = excluded."Colour", "SinceUtc" = excluded."SinceUtc", "Rule" = excluded."Rule", "PolicyVersion" = excluded."PolicyVersion"
            """;
        var states = await db.Database.ExecuteSqlRawAsync(stateSql, now);
        await tx.CommitAsync();
        return changes + states;
    }

    /// <summary>Takes the baseline's rows out again (the city had no colours before).</summary>
    public static async Task UndoAsync(FangkongDb db)
    {
        await db.HealthCodeChanges.Where(c => c.Rule == BaselineRule).ExecuteDeleteAsync();
        await db.HealthCodes.Where(c => c.Rule == BaselineRule).ExecuteDeleteAsync();
    }

    /// <summary>The zone's residents, how many are red now, and how many have a change row naming the zone as evidence.</summary>
    public static async Task<(int Residents, int Red, int Explained)> CheckAsync(StorageOptions storage, long zoneId)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var residents = db.ZoneHouseholds.Where(h => h.ZoneId == zoneId).Join(db.Persons, h => h.HouseholdId, p => p.HouseholdId, (h, p) => p.Id);
        var evidence = $"zone:{zoneId}";
        return (await residents.CountAsync(),
            await db.HealthCodes.CountAsync(s => residents.Contains(s.PersonId) && s.Colour == CodeColour.Red),
            await db.HealthCodeChanges.CountAsync(c => residents.Contains(c.PersonId) && c.Evidence.Contains(evidence)));
    }
}
