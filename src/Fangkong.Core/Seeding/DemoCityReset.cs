using Fangkong.Core.Codes;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>Empties every table but the code-signing keys so a demo city can be generated again.</summary>
internal static class DemoCityReset
{
    public static async Task ClearAsync(FangkongDb db, CancellationToken ct)
    {
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // TRUNCATE drops tens of millions of visits at once; DELETE would scan and log every row.
            var tables = db.Model.GetEntityTypes().Where(e => e.ClrType != typeof(SigningKey)).Select(e => $"\"{e.GetTableName()}\"");
            var sql = "TRUNCATE " + string.Join(", ", tables);
            await db.Database.ExecuteSqlRawAsync(sql, ct);
            return;
        }
        // SQLite turns an unconditional DELETE into a truncate of its own.
        await db.TraceAccesses.ExecuteDeleteAsync(ct);
        await db.Handovers.ExecuteDeleteAsync(ct);
        await db.Boxes.ExecuteDeleteAsync(ct);
        await db.Samples.ExecuteDeleteAsync(ct);
        await db.Tubes.ExecuteDeleteAsync(ct);
        await db.ResampleTasks.ExecuteDeleteAsync(ct);
        await db.DoorTasks.ExecuteDeleteAsync(ct);
        await db.Cases.ExecuteDeleteAsync(ct);
        await db.RoundWaves.ExecuteDeleteAsync(ct);
        await db.SiteCompounds.ExecuteDeleteAsync(ct);
        await db.RoundResidents.ExecuteDeleteAsync(ct);
        await db.SamplingSites.ExecuteDeleteAsync(ct);
        await db.TestingRounds.ExecuteDeleteAsync(ct);
        await db.PersonMarkers.ExecuteDeleteAsync(ct);
        await db.ZoneControls.ExecuteDeleteAsync(ct);
        await db.HealthCodeChanges.ExecuteDeleteAsync(ct);
        await db.HealthCodes.ExecuteDeleteAsync(ct);
        await db.ManualCodeRequests.ExecuteDeleteAsync(ct);
        await db.TestResults.ExecuteDeleteAsync(ct);
        await db.GateEvents.ExecuteDeleteAsync(ct);
        await db.Visits.ExecuteDeleteAsync(ct);
        await db.Users.ExecuteDeleteAsync(ct);
        await db.GateDevices.ExecuteDeleteAsync(ct);
        await db.Venues.ExecuteDeleteAsync(ct);
        await db.Persons.ExecuteDeleteAsync(ct);
        await db.Households.ExecuteDeleteAsync(ct);
        await db.Units.ExecuteDeleteAsync(ct);
        await db.Buildings.ExecuteDeleteAsync(ct);
        await db.Compounds.ExecuteDeleteAsync(ct);
        await db.Communities.ExecuteDeleteAsync(ct);
        await db.Streets.ExecuteDeleteAsync(ct);
        await db.Districts.ExecuteDeleteAsync(ct);
    }
}
