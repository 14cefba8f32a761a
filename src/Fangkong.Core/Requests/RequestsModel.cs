using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>Tickets and their history: tables and the indexes the queue, the line list, the figures and the caller's page read.</summary>
internal static class RequestsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.SourceKey).HasMaxLength(160);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.Property(x => x.Platform).HasMaxLength(40);
            e.Property(x => x.CallerPhone).HasMaxLength(20);
            e.Property(x => x.CallerName).HasMaxLength(40);
            e.Property(x => x.DistrictCode).HasMaxLength(12);
            e.Property(x => x.Text).HasMaxLength(TicketIntake.MaxText);
            e.Property(x => x.Answer).HasMaxLength(TicketActions.MaxNote);
            e.Property(x => x.AssignedTo).HasMaxLength(40);
            // The unit's queue: open tickets by deadline, the whole city's or a district's (ADR 0028).
            e.HasIndex(x => new { x.IsOpen, x.DueAtUtc, x.Id });
            e.HasIndex(x => new { x.DistrictCode, x.IsOpen, x.DueAtUtc });
            e.HasIndex(x => new { x.CommunityId, x.IsOpen });
            e.HasIndex(x => x.RaiseAtUtc);
            e.HasIndex(x => x.StreetId);
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.HouseholdId);
            e.HasIndex(x => x.ReceivedAtUtc);
            e.HasIndex(x => x.ResolvedAtUtc);
            e.Ignore(x => x.NumberKind);
            e.Ignore(x => x.NumberedAtUtc);
        });
        b.Entity<TicketEvent>(e =>
        {
            e.ToTable("ticket_events");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.TicketId);
            e.Property(x => x.Note).HasMaxLength(TicketActions.MaxNote);
        });
    }
}
