using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Simulation;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fangkong.Core;

public static class CoreRegistration
{
    /// <summary>Registers storage and every use case. Policies come from configuration; a TimeProvider may be pre-registered (tests).</summary>
    public static IServiceCollection AddFangkongCore(this IServiceCollection services, StorageOptions storage,
        GatePolicy? gatePolicy = null, CodePolicy? codePolicy = null, int instance = 0)
    {
        services.AddFangkongStorage(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(gatePolicy ?? new GatePolicy());
        services.AddSingleton(codePolicy ?? new CodePolicy());
        services.AddSingleton(sp => new TimeOrderedIds(sp.GetRequiredService<TimeProvider>(), instance));
        services.AddSingleton(sp => new CityClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CodeSigner>();
        services.AddSingleton<HealthCodeService>();
        services.AddSingleton<ManualCodes>();
        services.AddSingleton<GateDirectory>();
        services.AddSingleton<GateBatch>();
        services.AddSingleton<GateWriter>();
        services.AddSingleton<GateService>();
        services.AddSingleton<Occupancy>();
        services.AddSingleton<VisitCloser>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<VenueAdmin>();
        services.AddSingleton<TraceService>();
        services.AddSingleton(ContactThresholds.Default);
        services.AddSingleton<ContactSearch>();
        services.AddSingleton<CaseRegistry>();
        services.AddSingleton<ContactRelease>();
        services.AddSingleton<Quarantine.QuarantineSites>();
        services.AddSingleton<Quarantine.QuarantinePlacement>();
        services.AddSingleton<Quarantine.StayRestart>();
        services.AddSingleton<Quarantine.QuarantineTesting>();
        services.AddSingleton<Quarantine.Transfers>();
        services.AddSingleton<Tracing.SecondaryFollowUp>();
        services.AddSingleton<Tracing.Companions>();
        services.AddSingleton<Tracing.Investigation>();
        services.AddSingleton<Quarantine.CheckIns>();
        services.AddSingleton<Quarantine.StayLookup>();
        services.AddSingleton<Quarantine.SiteRooms>();
        services.AddSingleton<ContactDecisions>();
        services.AddSingleton<Exports.ExportJobs>();
        services.AddSingleton<Command.Bulletins>();
        services.AddSingleton<Command.DashboardBuilder>();
        services.AddSingleton<Command.DashboardCache>();
        services.AddSingleton<Exports.ExportRunner>();
        services.AddSingleton<PersonDirectory>();
        services.AddSingleton<PersonRegistry>();
        services.AddSingleton<VenueDirectory>();
        services.AddSingleton<RoundPlanner>();
        services.AddSingleton<SamplingService>();
        services.AddSingleton<DoorTasks>();
        services.AddSingleton<BoxCustody>();
        services.AddSingleton<ResultFanOut>();
        services.AddSingleton<TubeResults>();
        services.AddSingleton<RoundClosing>();
        services.AddSingleton<RoundQuality>();
        services.AddSingleton<Certificates>();
        services.AddSingleton<RoundViews>();
        services.AddSingleton<SamplerSetups>();
        services.AddSingleton<LiveCoverage>();
        services.AddSingleton<Districts>();
        services.AddSingleton<RoundSimulation>();
        services.AddSingleton<Simulation.OutbreakSimulation>();
        return services;
    }
}
