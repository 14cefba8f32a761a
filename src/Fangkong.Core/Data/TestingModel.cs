using Fangkong.Core.People;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

/// <summary>Tables of mass-testing rounds, tubes, the chain to the lab, follow-up tasks and cases.</summary>
internal static class TestingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TestingRound>(e =>
        {
            e.ToTable("testing_rounds");
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.StartUtc);
            e.Property(x => x.AreaIds).HasMaxLength(4000);
            e.Ignore(x => x.Policy);
        });
        b.Entity<SamplingSite>(e => { e.ToTable("sampling_sites"); e.Property(x => x.Id).ValueGeneratedNever(); e.HasIndex(x => x.RoundId); });
        b.Entity<RoundResident>(e =>
        {
            e.ToTable("round_residents");
            e.HasKey(x => new { x.RoundId, x.PersonId });
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            // Coverage groups a round by place; the place columns lead so each drill-down level reads one range.
            e.HasIndex(x => new { x.RoundId, x.DistrictCode, x.CommunityId, x.CompoundId, x.BuildingId, x.SampledAtUtc, x.ResultAtUtc }, "IX_round_residents_place");
            e.HasIndex(x => new { x.RoundId, x.HouseholdId });
            e.HasIndex(x => x.PersonId);
        });
        b.Entity<SiteCompound>(e => { e.ToTable("site_compounds"); e.HasKey(x => new { x.RoundId, x.CompoundId }); e.HasIndex(x => x.SiteId); });
        b.Entity<RoundWave>(e => { e.ToTable("round_waves"); e.HasKey(x => new { x.RoundId, x.UnitId }); e.HasIndex(x => new { x.SiteId, x.StartUtc }); });
        b.Entity<Tube>(e =>
        {
            e.ToTable("tubes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Barcode).HasMaxLength(16);
            e.Property(x => x.OpenKey).HasMaxLength(64);
            // A barcode names one tube for ever: reuse is refused even across rounds.
            e.HasIndex(x => x.Barcode).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.SiteId });
            e.HasIndex(x => x.BoxId);
            // A sampler's device names each open by a key: a key reused for another tube is found anywhere in the store.
            e.HasIndex(x => new { x.OpenedByUserId, x.OpenKey });
        });
        b.Entity<Sample>(e =>
        {
            e.ToTable("samples");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.HasIndex(x => new { x.IdempotencyKey, x.SamplerUserId }).IsUnique();
            e.HasIndex(x => x.TubeId);
            e.HasIndex(x => new { x.PersonId, x.AtUtc });
            // One regular swab per person per round, even when two tables scan the same person at once.
            e.HasIndex(x => new { x.RoundId, x.PersonId }, "IX_samples_once_per_round").IsUnique().HasFilter("\"Resample\" = FALSE");
        });
        b.Entity<Box>(e =>
        {
            e.ToTable("boxes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Barcode).HasMaxLength(16);
            e.HasIndex(x => x.Barcode).IsUnique();
            e.HasIndex(x => x.RoundId);
        });
        b.Entity<Handover>(e =>
        {
            e.ToTable("handovers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.BoxId);
            e.Ignore(x => x.Reconciled);
        });
        b.Entity<ResampleTask>(e =>
        {
            e.ToTable("resample_tasks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.DoneAtUtc });
            e.HasIndex(x => new { x.RoundId, x.DoneAtUtc });
            e.HasIndex(x => new { x.DueDate, x.RoundId });
            e.HasIndex(x => x.StayId);
        });
        b.Entity<DoorTask>(e =>
        {
            e.ToTable("door_tasks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Team).HasMaxLength(64);
            e.HasIndex(x => new { x.RoundId, x.HouseholdId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.CompoundId });
        });
        b.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.TreatedAt).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.ReportedAtUtc);
            e.HasIndex(x => new { x.DistrictCode, x.ReportedAtUtc });
        });
        b.Entity<Quarantine.QuarantineSite>(e =>
        {
            e.ToTable("quarantine_sites");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Address).HasMaxLength(200);
        });
        b.Entity<Quarantine.QuarantineRoom>(e =>
        {
            e.ToTable("quarantine_rooms");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => new { x.SiteId, x.Number }).IsUnique();
        });
        b.Entity<Quarantine.QuarantineStay>(e =>
        {
            e.ToTable("quarantine_stays");
            e.Property(x => x.Number).HasMaxLength(16);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.PersonId, x.State });
            e.HasIndex(x => new { x.SiteId, x.State });
            // One quarantine at a time per person.
            e.HasIndex(x => x.PersonId, "IX_quarantine_stays_active").IsUnique().HasFilter("\"State\" = 1");
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
        b.Entity<Quarantine.QuarantineTransfer>(e =>
        {
            e.ToTable("quarantine_transfers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Vehicle).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => new { x.State, x.DueDate });
            e.HasIndex(x => x.StayId);
        });
        b.Entity<Quarantine.QuarantineCheckIn>(e =>
        {
            e.ToTable("quarantine_check_ins");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Symptoms).HasMaxLength(200);
            e.Property(x => x.Temperature).HasPrecision(4, 1);
            e.HasIndex(x => new { x.StayId, x.Day }).IsUnique();
            e.HasIndex(x => new { x.Day, x.Alert });
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
            // One proposal per person, grade and case: re-running the search updates nothing already decided.
            e.HasIndex(x => new { x.CaseId, x.Grade, x.PersonId }).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.Status });
            // The bulletin and the dashboard read every confirmed contact: dismissed proposals outnumber them twenty to one
            // in a simulated outbreak, so this covering index keeps that read to the confirmed ones (docs/performance.md); the
            // person is in it because contacts are counted as persons.
            e.HasIndex(x => new { x.Status, x.Grade, x.CaseId, x.DecidedAtUtc, x.ReleasedAtUtc, x.PersonId });
        });
        b.Entity<PersonMarker>(e => { e.ToTable("person_markers"); e.HasKey(x => new { x.PersonId, x.Kind }); });
        b.Entity<ZoneControl>(e => { e.ToTable("zone_controls"); e.HasKey(x => x.CompoundId); e.Property(x => x.Reason).HasMaxLength(500); });
        b.Entity<Exports.ExportJob>(e =>
        {
            e.ToTable("export_jobs");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.List).HasMaxLength(32);
            e.Property(x => x.Format).HasMaxLength(8);
            e.Property(x => x.FilterJson).HasMaxLength(2000);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.Error).HasMaxLength(500);
            e.Property(x => x.FileName).HasMaxLength(100);
            e.HasIndex(x => new { x.State, x.Id });
            e.HasIndex(x => new { x.RequestedByUserId, x.Id });
        });
        b.Entity<Command.Bulletin>(e =>
        {
            e.ToTable("bulletins");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.AreaCode).HasMaxLength(6);
            e.Property(x => x.TextZh).HasMaxLength(Command.Bulletins.MaxText);
            e.Property(x => x.TextEn).HasMaxLength(Command.Bulletins.MaxText);
            e.Property(x => x.FiguresJson).HasMaxLength(8_000);
            e.HasIndex(x => new { x.Day, x.Level, x.AreaCode });
            // One published bulletin per area and day; drafts may be many.
            e.HasIndex(x => new { x.Day, x.Level, x.AreaCode }, "IX_bulletins_published").IsUnique().HasFilter("\"State\" = 2");
        });
        b.Entity<Exports.ExportFile>(e => { e.ToTable("export_files"); e.HasKey(x => x.JobId); e.Property(x => x.JobId).ValueGeneratedNever(); });
    }
}
