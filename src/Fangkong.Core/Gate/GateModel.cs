using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>Visits and gate events: their tables and indexes.</summary>
internal static class GateModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Visit>(e =>
        {
            e.ToTable("visits");
            e.Property(x => x.Id).ValueGeneratedNever();
            // Trajectory of a person, and co-presence at a venue, both over a time window.
            e.HasIndex(x => new { x.PersonId, x.EnteredAtUtc });
            e.HasIndex(x => new { x.VenueId, x.EnteredAtUtc });
            // Live occupancy, exits and inferred exits look only at open visits: small partial indexes.
            e.HasIndex(x => x.VenueId, "IX_visits_open_by_venue").HasFilter("\"ExitedAtUtc\" IS NULL");
            e.HasIndex(x => x.PersonId, "IX_visits_open_by_person").HasFilter("\"ExitedAtUtc\" IS NULL");
        });
        b.Entity<GateEvent>(e =>
        {
            e.ToTable("gate_events");
            e.Property(x => x.Id).ValueGeneratedNever();
            // Key first: keys are random, so a group's retries are found by key without scanning a device's history.
            e.HasIndex(x => new { x.IdempotencyKey, x.DeviceId }).IsUnique();
            e.HasIndex(x => new { x.VenueId, x.AtUtc });
            e.HasIndex(x => new { x.PersonId, x.AtUtc });
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.Property(x => x.PolicyVersion).HasMaxLength(32);
        });
    }
}
