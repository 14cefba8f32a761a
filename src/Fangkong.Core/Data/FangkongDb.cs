using Fangkong.Core.Accounts;
using Fangkong.Core.Codes;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fangkong.Core.Data;

/// <summary>The one DbContext, used directly by the use cases (no repository layer).</summary>
public sealed partial class FangkongDb(DbContextOptions<FangkongDb> options) : DbContext(options)
{
    public DbSet<DistrictRow> Districts => Set<DistrictRow>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<People.Community> Communities => Set<People.Community>();
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<BuildingUnit> Units => Set<BuildingUnit>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<GateDevice> GateDevices => Set<GateDevice>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VenueCodes.VenueCode> VenueCodes => Set<VenueCodes.VenueCode>();
    public DbSet<GateEvent> GateEvents => Set<GateEvent>();
    public DbSet<HealthCodeState> HealthCodes => Set<HealthCodeState>();
    /// <summary>
    /// Each person's current colour (no row: green), read-only, for the gate, the sampler and the person directory:
    /// they sit below Codes and read its table only through this view (ADR 0018). Inside a query it becomes the same
    /// subquery on health_codes.
    /// </summary>
    public IQueryable<PersonColour> Colours => HealthCodes.Select(h => new PersonColour { PersonId = h.PersonId, Colour = h.Colour });
    public DbSet<HealthCodeChange> HealthCodeChanges => Set<HealthCodeChange>();
    public DbSet<ManualCodeRequest> ManualCodeRequests => Set<ManualCodeRequest>();
    public DbSet<Signing.SigningKey> SigningKeys => Set<Signing.SigningKey>();
    public DbSet<TestResult> TestResults => Set<TestResult>();
    public DbSet<TraceAccess> TraceAccesses => Set<TraceAccess>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Audit.AuditChainHead> AuditChainHeads => Set<Audit.AuditChainHead>();
    public DbSet<Audit.AuditAlarm> AuditAlarms => Set<Audit.AuditAlarm>();
    public DbSet<User> Users => Set<User>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<AccountChange> AccountChanges => Set<AccountChange>();
    public DbSet<TestingRound> TestingRounds => Set<TestingRound>();
    public DbSet<SamplingSite> SamplingSites => Set<SamplingSite>();
    public DbSet<RoundResident> RoundResidents => Set<RoundResident>();
    public DbSet<SiteCompound> SiteCompounds => Set<SiteCompound>();
    public DbSet<RoundWave> RoundWaves => Set<RoundWave>();
    public DbSet<Tube> Tubes => Set<Tube>();
    public DbSet<Sample> Samples => Set<Sample>();
    public DbSet<Box> Boxes => Set<Box>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<ResampleTask> ResampleTasks => Set<ResampleTask>();
    public DbSet<DoorTask> DoorTasks => Set<DoorTask>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<ContactProposal> ContactProposals => Set<ContactProposal>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<InvestigationPlace> InvestigationPlaces => Set<InvestigationPlace>();
    public DbSet<RiskWindow> RiskWindows => Set<RiskWindow>();
    public DbSet<Quarantine.QuarantineSite> QuarantineSites => Set<Quarantine.QuarantineSite>();
    public DbSet<Quarantine.QuarantineRoom> QuarantineRooms => Set<Quarantine.QuarantineRoom>();
    public DbSet<Quarantine.QuarantineStay> QuarantineStays => Set<Quarantine.QuarantineStay>();
    public DbSet<Quarantine.QuarantineCheckIn> QuarantineCheckIns => Set<Quarantine.QuarantineCheckIn>();
    public DbSet<Quarantine.QuarantineTransfer> QuarantineTransfers => Set<Quarantine.QuarantineTransfer>();
    public DbSet<Hospitals.Hospital> Hospitals => Set<Hospitals.Hospital>();
    public DbSet<Hospitals.HospitalWard> HospitalWards => Set<Hospitals.HospitalWard>();
    public DbSet<Hospitals.HospitalBed> HospitalBeds => Set<Hospitals.HospitalBed>();
    public DbSet<Hospitals.BedStay> BedStays => Set<Hospitals.BedStay>();
    public DbSet<Hospitals.CaseTransferBatch> CaseTransferBatches => Set<Hospitals.CaseTransferBatch>();
    public DbSet<Hospitals.CaseTransfer> CaseTransfers => Set<Hospitals.CaseTransfer>();
    public DbSet<PersonMarker> PersonMarkers => Set<PersonMarker>();
    public DbSet<Zones.Zone> Zones => Set<Zones.Zone>();
    public DbSet<Zones.ZoneMember> ZoneMembers => Set<Zones.ZoneMember>();
    public DbSet<Zones.ZoneHousehold> ZoneHouseholds => Set<Zones.ZoneHousehold>();
    public DbSet<Zones.ZoneCase> ZoneCases => Set<Zones.ZoneCase>();
    public DbSet<Zones.ZoneChange> ZoneChanges => Set<Zones.ZoneChange>();
    /// <summary>
    /// The households of zones in force, with each zone's level, read-only, for the gate and testing: they sit below
    /// Zones and read its tables only through this view (ADR 0018, ADR 0021). Inside a query it becomes a join.
    /// </summary>
    public IQueryable<HouseholdZone> ZonedHouseholds =>
        from h in ZoneHouseholds
        join z in Zones on h.ZoneId equals z.Id
        where z.State == Core.Zones.ZoneState.Active
        select new HouseholdZone { ZoneId = h.ZoneId, HouseholdId = h.HouseholdId, CompoundId = h.CompoundId, Level = z.Level };
    public DbSet<Exports.ExportJob> ExportJobs => Set<Exports.ExportJob>();
    public DbSet<Exports.ExportFile> ExportFiles => Set<Exports.ExportFile>();
    public DbSet<ClusterLease> ClusterLeases => Set<ClusterLease>();
    public DbSet<Command.Bulletin> Bulletins => Set<Command.Bulletin>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<Seeding.DemoCityMark> DemoCityMarks => Set<Seeding.DemoCityMark>();
    public DbSet<Community.Grid> Grids => Set<Community.Grid>();
    public DbSet<Community.JointUnit> JointUnits => Set<Community.JointUnit>();
    public DbSet<Community.GridHousehold> GridHouseholds => Set<Community.GridHousehold>();
    public DbSet<Community.Screening> Screenings => Set<Community.Screening>();
    public DbSet<Community.ScreeningMember> ScreeningMembers => Set<Community.ScreeningMember>();
    public DbSet<Community.CommunityProblem> CommunityProblems => Set<Community.CommunityProblem>();
    public DbSet<Community.SpecialGroupMember> SpecialGroupMembers => Set<Community.SpecialGroupMember>();
    public DbSet<Appeals.Appeal> Appeals => Set<Appeals.Appeal>();
    public DbSet<Appeals.AppealFile> AppealFiles => Set<Appeals.AppealFile>();
    public DbSet<Appeals.BulkUnlock> BulkUnlocks => Set<Appeals.BulkUnlock>();
    public DbSet<Appeals.BulkUnlockLine> BulkUnlockLines => Set<Appeals.BulkUnlockLine>();
    public DbSet<Requests.Ticket> Tickets => Set<Requests.Ticket>();
    public DbSet<Requests.TicketEvent> TicketEvents => Set<Requests.TicketEvent>();
    public DbSet<Checkpoints.Checkpoint> Checkpoints => Set<Checkpoints.Checkpoint>();
    public DbSet<Checkpoints.CheckpointDuty> CheckpointDuties => Set<Checkpoints.CheckpointDuty>();
    public DbSet<Checkpoints.VehicleCheck> VehicleChecks => Set<Checkpoints.VehicleCheck>();
    public DbSet<Checkpoints.PassengerCheck> PassengerChecks => Set<Checkpoints.PassengerCheck>();
    public DbSet<Passes.Pass> Passes => Set<Passes.Pass>();
    public DbSet<Passes.PassUse> PassUses => Set<Passes.PassUse>();
    public DbSet<Institutions.Institution> Institutions => Set<Institutions.Institution>();
    public DbSet<Institutions.InstitutionMember> InstitutionMembers => Set<Institutions.InstitutionMember>();
    public DbSet<Institutions.InstitutionReport> InstitutionReports => Set<Institutions.InstitutionReport>();
    public DbSet<Institutions.MemberReading> MemberReadings => Set<Institutions.MemberReading>();
    public DbSet<Institutions.FeverReferral> FeverReferrals => Set<Institutions.FeverReferral>();
    public DbSet<Institutions.StaffShift> StaffShifts => Set<Institutions.StaffShift>();
    public DbSet<Institutions.ShiftTest> ShiftTests => Set<Institutions.ShiftTest>();
    public DbSet<Teams.Team> Teams => Set<Teams.Team>();
    public DbSet<Teams.TeamMember> TeamMembers => Set<Teams.TeamMember>();
    public DbSet<Teams.TeamShift> TeamShifts => Set<Teams.TeamShift>();
    public DbSet<Supplies.Supplier> Suppliers => Set<Supplies.Supplier>();
    public DbSet<Supplies.SupplierArea> SupplierAreas => Set<Supplies.SupplierArea>();
    public DbSet<Supplies.SupplierAccount> SupplierAccounts => Set<Supplies.SupplierAccount>();
    public DbSet<Supplies.SupplyPack> SupplyPacks => Set<Supplies.SupplyPack>();
    public DbSet<Supplies.SupplyOrder> SupplyOrders => Set<Supplies.SupplyOrder>();
    public DbSet<Supplies.SupplyOrderLine> SupplyOrderLines => Set<Supplies.SupplyOrderLine>();
    public DbSet<Supplies.SupplyProofPhoto> SupplyProofPhotos => Set<Supplies.SupplyProofPhoto>();
    public DbSet<Supplies.SupplyDistribution> SupplyDistributions => Set<Supplies.SupplyDistribution>();
    public DbSet<Returnees.OtherRiskArea> OtherRiskAreas => Set<Returnees.OtherRiskArea>();
    public DbSet<Returnees.Returnee> Returnees => Set<Returnees.Returnee>();
    public DbSet<Returnees.ReturneeFollowUp> ReturneeFollowUps => Set<Returnees.ReturneeFollowUp>();
    public DbSet<Supervision.GateAlert> GateAlerts => Set<Supervision.GateAlert>();
    public DbSet<Supervision.ClosureOrder> ClosureOrders => Set<Supervision.ClosureOrder>();
    public DbSet<Supervision.ClosureOrderVenue> ClosureOrderVenues => Set<Supervision.ClosureOrderVenue>();
    public DbSet<Supervision.InspectionPlan> InspectionPlans => Set<Supervision.InspectionPlan>();
    public DbSet<Supervision.Inspection> Inspections => Set<Supervision.Inspection>();
    public DbSet<Supervision.Finding> Findings => Set<Supervision.Finding>();
    public DbSet<Supervision.FindingPhoto> FindingPhotos => Set<Supervision.FindingPhoto>();
    public DbSet<Supervision.DisinfectionRecord> DisinfectionRecords => Set<Supervision.DisinfectionRecord>();
    /// <summary>
    /// The persons served first — registered in a special group now (domain.md §8) — read-only, for the lists below
    /// Community that put them first (door-to-door sampling): they read Community's register only through this view
    /// (ADR 0018), as they read colours through <see cref="Colours"/>.
    /// </summary>
    public IQueryable<long> ServedFirst => SpecialGroupMembers.Where(m => m.EndedAtUtc == null).Select(m => m.PersonId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampCaseDays();
        DistrictStamps.FillAsync(this, ChangeTracker, async: false, default).GetAwaiter().GetResult();
        var numbered = RecordNumbers.Pending(ChangeTracker);
        var audited = Audit.AuditChain.Pending(ChangeTracker);
        if (numbered.Count == 0 && audited.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        return SaveInTransactionAsync(numbered, audited, acceptAllChangesOnSuccess, async: false, default).GetAwaiter().GetResult();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampCaseDays();
        await DistrictStamps.FillAsync(this, ChangeTracker, async: true, cancellationToken);
        var numbered = RecordNumbers.Pending(ChangeTracker);
        var audited = Audit.AuditChain.Pending(ChangeTracker);
        if (numbered.Count == 0 && audited.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return await SaveInTransactionAsync(numbered, audited, acceptAllChangesOnSuccess, async: true, cancellationToken);
    }

    // New cases, stays and rounds get their human numbers in the transaction that saves them; a failed save takes the
    // numbers back, so a retry numbers them again instead of reusing one the rollback freed. Audit entries are linked
    // into the chain in the same transaction (ADR 0024) and their alarms raised there, so an act, its entry and its
    // alarm commit together or not at all.
    private async Task<int> SaveInTransactionAsync(List<INumberedRecord> numbered, List<Audit.AuditEntry> audited, bool acceptAll, bool async, CancellationToken ct)
    {
        var own = Database.CurrentTransaction is null
            ? async ? await Database.BeginTransactionAsync(ct) : Database.BeginTransaction()
            : null;
        try
        {
            if (numbered.Count > 0) await RecordNumbers.AssignAsync(this, numbered, async, ct);
            if (audited.Count > 0)
            {
                await AuditActors.FillAsync(this, audited, ct);
                await Audit.AuditChain.LinkAsync(this, audited, ct);
            }
            var saved = async ? await base.SaveChangesAsync(acceptAll, ct) : base.SaveChanges(acceptAll);
            if (audited.Count > 0)
            {
                if (await Audit.AuditAlarms.RaiseAsync(this, audited, AuditActors.Policy(this), ct))
                    saved += async ? await base.SaveChangesAsync(acceptAll, ct) : base.SaveChanges(acceptAll);
            }
            if (own is not null)
            {
                if (async) await own.CommitAsync(ct);
                else own.Commit();
            }
            return saved;
        }
        catch
        {
            foreach (var r in numbered) r.Number = "";
            Audit.AuditChain.Unlink(audited);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    // A case's city dates follow its instants whoever changed them (use cases, imports, tests), so they cannot drift.
    private void StampCaseDays()
    {
        foreach (var e in ChangeTracker.Entries<CaseRecord>())
            if (e.State is EntityState.Added or EntityState.Modified) e.Entity.StampDays(Common.CityClock.ChinaOffset);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All instants are UTC. SQLite hands DateTime back as Unspecified; restore the kind on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var b = modelBuilder;
        b.Entity<NumberSequence>(e => { e.ToTable("number_sequences"); e.HasKey(x => new { x.Kind, x.Year }); e.Property(x => x.Kind).HasMaxLength(1); });
        // Each feature maps its own tables (Core/<Feature>/<Feature>Model.cs).
        People.PeopleModel.Configure(b);
        Places.PlacesModel.Configure(b);
        Gate.GateModel.Configure(b);
        Codes.CodesModel.Configure(b);
        Signing.SigningModel.Configure(b);
        Accounts.AccountsModel.Configure(b);
        Testing.TestingModel.Configure(b);
        Tracing.TracingModel.Configure(b);
        Quarantine.QuarantineModel.Configure(b);
        Core.Hospitals.HospitalsModel.Configure(b);
        Exports.ExportsModel.Configure(b);
        ClusterModel.Configure(b);
        Command.CommandModel.Configure(b);
        Seeding.SeedingModel.Configure(b);
        Core.Zones.ZonesModel.Configure(b);
        Community.CommunityModel.Configure(b);
        Audit.AuditModel.Configure(b);
        Requests.RequestsModel.Configure(b);
        ConfigureAreaFilter(b);
        Core.Appeals.AppealsModel.Configure(b);
        Core.Teams.TeamsModel.Configure(b);
        Core.Supplies.SuppliesModel.Configure(b);
        Core.VenueCodes.VenueCodesModel.Configure(b);
        Core.Returnees.ReturneesModel.Configure(b);
        Core.Checkpoints.CheckpointsModel.Configure(b);
        Core.Passes.PassesModel.Configure(b);
        Core.Institutions.InstitutionsModel.Configure(b);
        Core.Supervision.SupervisionModel.Configure(b);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
