using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Signing;
using Fangkong.Core.Simulation;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fangkong.Core;

public static class CoreRegistration
{
    /// <summary>
    /// Registers storage and every use case under the operator's policies from configuration (<see cref="Policies"/>)
    /// and its <c>Instance</c> number: the web host and the command line both start the core this way.
    /// </summary>
    public static IServiceCollection AddFangkongCore(this IServiceCollection services, StorageOptions storage, IConfiguration config)
    {
        var policies = Policies.Read(config);
        services.AddFangkongCore(storage, policies.Gate, policies.Codes, config.GetValue("Instance", 0));
        // Registered after the core's defaults, so the operator's thresholds are the ones resolved.
        services.AddSingleton(policies.Contacts);
        services.AddSingleton(policies.Zones);
        services.AddSingleton(policies.Bulletin);
        services.AddSingleton(SigningPolicy.Read(config));
        services.AddSingleton(config.GetSection("Policy:Retention").Get<Domain.Common.RetentionPolicy>() ?? new Domain.Common.RetentionPolicy());
        services.AddSingleton(config.GetSection("Policy:Audit").Get<Domain.Audit.AuditPolicy>() ?? new Domain.Audit.AuditPolicy());
        services.AddSingleton(config.GetSection("Policy:Appeals").Get<Appeals.AppealPolicy>() ?? new Appeals.AppealPolicy());
        services.AddSingleton(config.GetSection("Policy:Supplies").Get<Supplies.SupplyPolicy>() ?? new Supplies.SupplyPolicy());
        services.AddSingleton(config.GetSection("Policy:VenueCodes").Get<VenueCodes.VenueCodePolicy>() ?? new VenueCodes.VenueCodePolicy());
        services.AddSingleton(Accounts.AccountPolicy.Read(config));
        services.AddSingleton(new StayIndexOptions(config.GetValue("Policy:Contacts:IndexDays", 14)));
        services.AddSingleton(config.GetSection("Policy:Supervision:GateWatch").Get<Domain.Supervision.GateWatchPolicy>() ?? new Domain.Supervision.GateWatchPolicy());
        services.AddSingleton(DisinfectionPolicyFrom(config));
        services.AddSingleton(config.GetSection("Policy:Travel").Get<Domain.Travel.TravellerPolicy>() ?? new Domain.Travel.TravellerPolicy());
        services.AddSingleton(config.GetSection("Policy:Institutions").Get<Domain.Institutions.InstitutionPolicy>() ?? new Domain.Institutions.InstitutionPolicy());
        return services;
    }

    /// <summary>Registers storage and every use case. Policies come from configuration; a TimeProvider may be pre-registered (tests).</summary>
    public static IServiceCollection AddFangkongCore(this IServiceCollection services, StorageOptions storage,
        GatePolicy? gatePolicy = null, CodePolicy? codePolicy = null, int instance = 0)
    {
        services.AddFangkongStorage(storage);
        // The grouped writers log their failures; a host adds its providers, a bare collection (the simulation, the bench) none.
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new Domain.Audit.AuditPolicy());
        services.AddSingleton(gatePolicy ?? new GatePolicy());
        services.AddSingleton(codePolicy ?? new CodePolicy());
        services.AddSingleton(sp => new TimeOrderedIds(sp.GetRequiredService<TimeProvider>(), instance));
        services.AddSingleton(sp => new CityClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(new SigningPolicy());
        services.AddSingleton<CodeSigner>();
        services.AddSingleton<HealthCodeService>();
        // The one way the chains below Codes ask for colours (ADR 0018).
        services.AddSingleton<ICodeRecompute>(sp => sp.GetRequiredService<HealthCodeService>());
        services.AddSingleton<ManualCodes>();
        services.AddSingleton<ManualCodeQueue>();
        services.AddSingleton<ResidentCodes>();
        services.AddSingleton<ScannedCodes>();
        services.AddSingleton<ColourHistory>();
        services.TryAddSingleton(new Accounts.AccountPolicy());
        services.AddSingleton<Accounts.SignIns>();
        services.AddSingleton<Accounts.AccountStamps>();
        // SecondFactor needs the host's ISecretProtector (the web app's Data Protection).
        services.AddSingleton<Accounts.SecondFactor>();
        services.AddSingleton<Accounts.PasswordChange>();
        services.AddSingleton<Accounts.ResidentAccounts>();
        services.AddSingleton<Staff.StaffAccounts>();
        services.AddSingleton<Staff.TeamImport>();
        services.AddSingleton<Teams.TeamRegistry>();
        services.AddSingleton<Teams.DutyRoster>();
        services.AddSingleton<Teams.TeamOutput>();
        services.AddSingleton<Teams.TeamDeployment>();
        services.AddSingleton<GateDirectory>();
        // The gate asks the closure orders above it which venues are closed through this one port (issue 24, ADR 0018).
        services.AddSingleton<IVenueClosures, Supervision.ClosureGate>();
        services.TryAddSingleton(new Domain.Supervision.GateWatchPolicy());
        services.TryAddSingleton(new Domain.Supervision.DisinfectionPolicy());
        services.AddSingleton<Supervision.GateWatchRun>();
        services.AddSingleton<Supervision.ClosureOrders>();
        services.AddSingleton<Supervision.Inspections>();
        services.AddSingleton<Supervision.DisinfectionRegister>();
        services.AddSingleton<GateBatch>();
        services.AddSingleton<GateQueue>();
        services.AddSingleton<GateService>();
        // Venue codes scanned by phones, through the gate's queue (ADR 0038).
        services.TryAddSingleton(new VenueCodes.VenueCodePolicy());
        services.AddSingleton<VenueCodes.VenueCodeDirectory>();
        services.AddSingleton<VenueCodes.VenueCodeIssuer>();
        services.AddSingleton<VenueCodes.VenueScans>();
        services.AddSingleton<Occupancy>();
        services.AddSingleton<VisitCloser>();
        services.AddSingleton<VenueAdmin>();
        services.AddSingleton<TraceService>();
        services.AddSingleton(ContactThresholds.Default);
        services.AddSingleton<ContactSearch>();
        services.TryAddSingleton(new StayIndexOptions());
        services.AddSingleton<StayIndex>();
        // The gate and the retention purge tell the contact index what they wrote through this one port (ADR 0033).
        services.AddSingleton<IVisitWrites>(sp => sp.GetRequiredService<StayIndex>());
        services.AddSingleton<CaseRegistry>();
        services.AddSingleton<ContactRelease>();
        services.AddSingleton<Quarantine.QuarantineSites>();
        services.AddSingleton<Quarantine.QuarantinePlacement>();
        services.AddSingleton<Quarantine.StayRestart>();
        services.AddSingleton<Quarantine.QuarantineTesting>();
        services.AddSingleton<Quarantine.Transfers>();
        services.AddSingleton<SecondaryFollowUp>();
        services.AddSingleton<Tracing.Companions>();
        services.AddSingleton<Tracing.Investigation>();
        services.AddSingleton<Quarantine.CheckIns>();
        services.AddSingleton<Quarantine.StayLookup>();
        services.AddSingleton<Quarantine.SiteRooms>();
        services.AddSingleton<Hospitals.HospitalRegistry>();
        services.AddSingleton<Hospitals.HospitalBeds>();
        services.AddSingleton<Hospitals.Admissions>();
        services.AddSingleton<Hospitals.CaseIntake>();
        // The one way the case registry (Tracing, below Hospitals) ends a case's bed stay with its course (ADR 0018).
        services.AddSingleton<ICaseBeds, Hospitals.CaseBedEnding>();
        services.AddSingleton<Hospitals.CaseTransfers>();
        services.AddSingleton<ContactDecisions>();
        services.AddSingleton<CaseViews>();
        services.AddSingleton<TraceAccessLog>();
        services.AddSingleton<Exports.LinePages>();
        services.AddSingleton<Exports.ExportProgress>();
        services.AddSingleton<Exports.ExportJobs>();
        services.TryAddSingleton(new Domain.Command.BulletinPolicy());
        services.AddSingleton<Command.Bulletins>();
        services.AddSingleton<Command.DashboardBuilder>();
        services.AddSingleton<Command.DashboardCache>();
        services.AddSingleton<Exports.ExportRunner>();
        services.AddSingleton<ClusterLeases>();
        services.AddSingleton<PersonDirectory>();
        services.AddSingleton<PersonRegistry>();
        services.AddSingleton<DistrictDirectory>();
        services.AddSingleton<VenueDirectory>();
        services.AddSingleton<RoundPlanner>();
        services.AddSingleton<SampleBatch>();
        services.AddSingleton<SamplingQueue>();
        services.AddSingleton<SamplingService>();
        services.AddSingleton<DoorTasks>();
        services.AddSingleton<BoxCustody>();
        services.AddSingleton<ResultFanOut>();
        services.AddSingleton<IResultFollowUp, Quarantine.ResultFollowUp>();
        services.AddSingleton<TubeResults>();
        services.AddSingleton<RoundClosing>();
        services.AddSingleton<RoundQuality>();
        services.AddSingleton<Certificates>();
        services.AddSingleton<RoundViews>();
        services.AddSingleton<SamplerSetups>();
        services.AddSingleton<Data.AreaContexts>();
        services.AddSingleton<LiveCoverage>();
        services.AddSingleton<RoundSimulation>();
        services.AddSingleton<Simulation.OutbreakSimulation>();
        services.AddSingleton(new Domain.Zones.ZonePolicy());
        services.AddSingleton<Zones.ZoneEffects>();
        services.AddSingleton<Zones.ZoneTestRounds>();
        services.AddSingleton<Zones.ZoneDecisions>();
        services.AddSingleton<Zones.ZoneProposals>();
        services.AddSingleton<Zones.ZoneFactsReader>();
        services.AddSingleton<Zones.ZoneSteps>();
        services.AddSingleton<Zones.ZoneReview>();
        services.AddSingleton<Zones.ZoneViews>();
        services.AddSingleton<Zones.ZoneMaps>();
        // The one way the chains below Zones report new cases to it (ADR 0018, ADR 0021).
        services.AddSingleton<ICaseZones, Zones.ZoneCaseFollowUp>();
        // A case's timeline: each feature tells its own part, in this order where two things share an instant (ADR 0018).
        services.AddSingleton<ICaseTimelinePart, TracingTimelinePart>();
        services.AddSingleton<ICaseTimelinePart, TestingTimelinePart>();
        services.AddSingleton<ICaseTimelinePart, Hospitals.HospitalsTimelinePart>();
        services.AddSingleton<ICaseTimelinePart, Quarantine.QuarantineTimelinePart>();
        services.AddSingleton<ICaseTimelinePart, Zones.ZonesTimelinePart>();
        services.AddSingleton<ICaseTimelinePart, AuditTimelinePart>();
        services.AddSingleton<CaseTimeline>();
        services.AddSingleton<Community.GridViews>();
        services.AddSingleton<Community.Screenings>();
        services.AddSingleton<Community.RaisedProblems>();
        services.AddSingleton<Community.SpecialGroupRegister>();
        // Every class of personal data with a retention period, purged daily by one run (ADR 0026); the audit log and appeals add theirs.
        services.TryAddSingleton(new Domain.Common.RetentionPolicy());
        services.AddSingleton<IRetentionClass, EntryRetention>();
        services.AddSingleton<IRetentionClass, ContactRetention>();
        services.AddSingleton<IRetentionClass, Quarantine.QuarantineRetention>();
        services.AddSingleton<IRetentionClass, TraceReadRetention>();
        services.AddSingleton<IRetentionClass, TestRetention>();
        services.AddSingleton<IRetentionClass, Checkpoints.CheckRetention>();
        services.AddSingleton<Retention.RetentionRun>();
        services.TryAddSingleton(new Appeals.AppealPolicy());
        services.AddSingleton<Appeals.AppealSubmissions>();
        services.AddSingleton<Appeals.AppealQueue>();
        services.AddSingleton<Appeals.AppealAnswers>();
        services.AddSingleton<Appeals.BulkUnlocks>();
        services.TryAddSingleton(new Supplies.SupplyPolicy());
        services.AddSingleton<Supplies.SupplyOrders>();
        services.AddSingleton<Supplies.OrderSteps>();
        services.AddSingleton<Supplies.SupplyQueues>();
        services.AddSingleton<Supplies.SupplyCatalogue>();
        services.AddSingleton<Supplies.BulkDistributions>();
        services.AddSingleton<Supplies.OrderLines>();
        services.AddSingleton<Supplies.SupplyFigures>();
        services.AddSingleton<Requests.TicketIntake>();
        services.AddSingleton<Requests.CallerLookup>();
        services.AddSingleton<Requests.TicketActions>();
        services.AddSingleton<Requests.TicketEscalation>();
        services.AddSingleton<Requests.TicketQueue>();
        services.AddSingleton<Requests.MyTickets>();
        services.AddSingleton<Requests.TicketImport>();
        services.TryAddSingleton(new Domain.Travel.TravellerPolicy());
        services.AddSingleton<Quarantine.ReturneeStays>();
        services.AddSingleton<Returnees.RiskAreas>();
        services.AddSingleton<Returnees.ReturneeRegistry>();
        services.AddSingleton<Returnees.ReturneeRelease>();
        services.AddSingleton<Returnees.ReturneeFollowUps>();
        services.AddSingleton<Returnees.MyReturns>();
        services.TryAddSingleton(new Domain.Institutions.InstitutionPolicy());
        services.AddSingleton<Institutions.InstitutionRegistry>();
        services.AddSingleton<Institutions.InstitutionImport>();
        services.AddSingleton<Institutions.MemberImport>();
        services.AddSingleton<Institutions.InstitutionReads>();
        services.AddSingleton<Institutions.DailyReports>();
        services.AddSingleton<Institutions.ClosedLoops>();
        services.AddSingleton<IRetentionClass, Institutions.ReadingRetention>();
        services.AddSingleton<Passes.PassApplications>();
        services.AddSingleton<Passes.PassDecisions>();
        services.AddSingleton<Passes.PassCodes>();
        services.AddSingleton<Passes.PassReads>();
        services.AddSingleton<Checkpoints.CheckpointRegistry>();
        services.AddSingleton<Checkpoints.VehicleChecks>();
        services.AddSingleton<Checkpoints.CheckLines>();
        return services;
    }

    /// <summary>The disinfection frequencies: the defaults, each overridden by <c>Policy:Supervision:Disinfection:TimesPerDay:&lt;VenueType&gt;</c>.</summary>
    private static Domain.Supervision.DisinfectionPolicy DisinfectionPolicyFrom(IConfiguration config)
    {
        var policy = new Domain.Supervision.DisinfectionPolicy();
        var section = config.GetSection("Policy:Supervision:Disinfection");
        foreach (var t in section.GetSection("TimesPerDay").GetChildren())
            if (Enum.TryParse<Domain.Places.VenueType>(t.Key, out var type) && int.TryParse(t.Value, out var n)) policy.TimesPerDay[type] = n;
        return section["Version"] is { Length: > 0 } v ? policy with { Version = v } : policy;
    }
}
