using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>Cases, their events, investigation places, risk windows, contact proposals and trajectory reads: their tables and indexes.</summary>
internal static class TracingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TraceAccess>(e =>
        {
            e.ToTable("trace_accesses");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.AtUtc);
            e.HasIndex(x => x.PersonId);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.PlatformPurpose).StoredAsKey();
        });
        b.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.TreatedAt).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            // A person's cases; the district in it so that, for a district's officer, SQLite (which keeps no statistics)
            // seeks a person's cases here rather than walking the district's by (DistrictCode, ReportedAtUtc) (ADR 0028).
            e.HasIndex(x => new { x.PersonId, x.DistrictCode, x.ReportedAtUtc });
            e.HasIndex(x => x.ReportedAtUtc);
            e.HasIndex(x => new { x.DistrictCode, x.ReportedAtUtc });
            // A district's case list, newest first (ADR 0028).
            e.HasIndex(x => new { x.DistrictCode, x.Id });
        });
        b.Entity<InvestigationPlace>(e =>
        {
            e.ToTable("investigation_places");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<RiskWindow>(e =>
        {
            e.ToTable("risk_windows");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.VenueId, x.FromUtc });
        });
        b.Entity<CaseEvent>(e =>
        {
            e.ToTable("case_events");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => new { x.CaseId, x.AtUtc });
            e.HasIndex(x => x.AtUtc);
        });
        b.Entity<ContactProposal>(e =>
        {
            e.ToTable("contact_proposals");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.PlatformNotes).StoredAsKeys();
            // One proposal per person, grade and case: re-running the search updates nothing already decided.
            e.HasIndex(x => new { x.CaseId, x.Grade, x.PersonId }).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.Status });
            // A district's contact list, newest first, and its figures (ADR 0028).
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.HasIndex(x => new { x.DistrictCode, x.Id });
            e.HasIndex(x => new { x.DistrictCode, x.Status, x.ReleasedAtUtc });
            // The bulletin and the dashboard read every confirmed contact: dismissed proposals outnumber them twenty to one
            // in a simulated outbreak, so this covering index keeps that read to the confirmed ones (docs/performance.md); the
            // person is in it because contacts are counted as persons. The id comes second so that within a status the rows
            // are in the line list's order: SQLite, which keeps no statistics, takes this index for any status filter, and
            // with the grade second it sorted every matching row to show the newest 50.
            e.HasIndex(x => new { x.Status, x.Id, x.Grade, x.CaseId, x.DecidedAtUtc, x.ReleasedAtUtc, x.PersonId });
            // A case's contacts of one status, counted on every row of the case list (the index above made SQLite count them
            // by reading every confirmed contact of every case).
            // PersonId too: a confined caller's area filter reads it, and the count per case stays on this index (ADR 0028).
            e.HasIndex(x => new { x.CaseId, x.Status, x.PersonId }).HasDatabaseName("IX_contact_proposals_CaseId_Status");
            // The contacts that need action, newest first: the contact list opens on them (ContactLines.IsOpen, whose SQL this
            // filter repeats term for term: SQLite uses a partial index only for a query that states its condition).
            e.HasIndex(x => x.Id, "IX_contact_proposals_open").HasFilter(ContactLines.OpenSql);
        });
    }
}
