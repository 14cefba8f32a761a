using Fangkong.Core.Common;
using Fangkong.Core.Zones;
using Fangkong.Domain.Simulation;

namespace Fangkong.Core.Simulation;

/// <summary>
/// A simulated outbreak: <see cref="Days"/> days ending yesterday (city time), <see cref="Seeds"/> index infections drawn
/// with <see cref="Seed"/>. <see cref="Attack"/> scales every chance of transmission; <see cref="Cap"/> (0: one resident in
/// 200) is where spreading stops. <see cref="Secondary"/> also traces and isolates secondary contacts (many more people to
/// test). <see cref="Reset"/> clears a previous outbreak's records first instead of refusing. <see cref="Zones"/> false
/// leaves zones to the officers: the platform still proposes them on each case's report, but nobody confirms, tests,
/// lowers or lifts them (an outbreak as before zones, as the dashboard benchmark's set-up runs it).
/// </summary>
public sealed record OutbreakOptions
{
    public int Days { get; init; } = 14;
    public int Seeds { get; init; } = 5;
    public int Seed { get; init; } = 20220311;
    public double Attack { get; init; } = 1.0;
    public int Cap { get; init; }
    public bool Secondary { get; init; }
    public bool Reset { get; init; }
    public bool Zones { get; init; } = true;

    public void Validate()
    {
        if (Days is < 1 or > 30) throw new InputException("days", "--days must be 1–30");
        if (Seeds is < 1 or > 1000) throw new InputException("seeds", "--seeds must be 1–1,000");
        if (Attack is < 0 or > 20) throw new InputException("attack", "--attack must be 0–20");
        if (Cap < 0) throw new InputException("cap", "--cap cannot be negative");
    }
}

/// <summary>The store cannot hold this outbreak: it has cases already, or too few days of visits. Nothing was written.</summary>
public sealed class OutbreakRefusedException(string message) : Exception(message);

/// <summary>One simulated infection: who, by whom, where and when, its course, and the case it became (if found).</summary>
public sealed record OutbreakInfection(long PersonId, long? InfectorId, DateOnly Day, DateTime AtUtc, InfectionSetting Setting, long? VenueId,
    InfectionCourse Course, long? CaseId);

/// <summary>
/// One simulated day, as the progress line prints it. <see cref="ZoneTests"/> are the swabs of the zones' rounds;
/// <see cref="Zones"/> holds the zones in force at the day's end and those put in force and lifted that day, as the
/// bulletin names them; <see cref="ZonesDowngraded"/> counts the zones lowered a level. <see cref="Suspected"/> counts the
/// day's new suspected cases, of whom the infected (<see cref="SuspectedConfirmed"/>) are confirmed the same afternoon;
/// <see cref="SuspectedExcluded"/> those excluded; <see cref="WithoutBed"/> the cases admitted when neither hospital had a
/// free bed.
/// </summary>
public sealed record OutbreakDay(DateOnly Date, int NewInfections, int FeverClinic, int Checkpoint, int InQuarantineFound, int Conversions,
    int ContactsConfirmed, int InQuarantine, int Released, int CasesClosed, int CheckIns, int Alerts, int Tests, int ZoneTests, ZoneDay Zones,
    int ZonesDowngraded, int Suspected, int SuspectedExcluded, int SuspectedConfirmed, int WithoutBed, TimeSpan Elapsed);

public sealed record OutbreakPhase(string Name, long Items, TimeSpan Elapsed)
{
    public double PerSecond => Items / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>
/// What the outbreak did, day by day, with every infection (for checks and benchmarks) and the time each phase took;
/// <see cref="ZonesSet"/> zones were put in force over the days, <see cref="ZonesLifted"/> of them lifted.
/// </summary>
public sealed record OutbreakReport(DateOnly From, DateOnly To, int Residents, IReadOnlyList<OutbreakDay> Days, IReadOnlyList<OutbreakInfection> Infections,
    int Cases, int ContactsConfirmed, int ContactsReleased, int QuarantineSites, int ZonesSet, int ZonesLifted, IReadOnlyList<OutbreakPhase> Phases, TimeSpan Elapsed);
