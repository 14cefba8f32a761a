using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Places;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Core.Simulation;

/// <summary>One infection as the simulation tracks it: the truth the platform does not see, and what it has found so far.</summary>
internal sealed class Infected(long personId, long? infectorId, DateOnly day, DateTime atUtc, InfectionSetting setting, long? venueId, InfectionCourse course)
{
    public long PersonId { get; } = personId;
    public long? InfectorId { get; } = infectorId;
    public DateOnly Day { get; } = day;
    public DateTime AtUtc { get; } = atUtc;
    public InfectionSetting Setting { get; } = setting;
    public long? VenueId { get; } = venueId;
    public InfectionCourse Course { get; } = course;
    public long? CaseId { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public bool Confirmed { get; set; }
    /// <summary>Reported as a suspected case at a fever clinic, its test result not yet in.</summary>
    public bool Suspected { get; set; }
    public bool Closed { get; set; }

    /// <summary>Days since infection (0 on the day of infection).</summary>
    public int DayOf(DateOnly d) => d.DayNumber - Day.DayNumber;

    public OutbreakInfection ToRecord() => new(PersonId, InfectorId, Day, AtUtc, Setting, VenueId, Course, CaseId);
}

/// <summary>
/// Everything one run shares: the use cases built over the simulation's clock, the demo accounts that act, the venues'
/// types, the infections, and the city day being simulated with its clock times.
/// </summary>
internal sealed class OutbreakWorld(IServiceProvider services, SimulationClock time, OutbreakOptions options, TransmissionPolicy policy)
{
    public IServiceProvider Services { get; } = services;
    public SimulationClock Time { get; } = time;
    public OutbreakOptions Options { get; } = options;
    public TransmissionPolicy Policy { get; } = policy;
    public CityClock City { get; } = services.GetRequiredService<CityClock>();
    public IDbContextFactory<FangkongDb> Dbs { get; } = services.GetRequiredService<IDbContextFactory<FangkongDb>>();
    public Random Rng { get; } = new(options.Seed);
    public Dictionary<long, Infected> Infections { get; } = [];
    public Dictionary<long, VenueType> VenueTypes { get; set; } = [];
    /// <summary>Cases already isolated and traced.</summary>
    public HashSet<long> Admitted { get; } = [];
    /// <summary>Cases admitted late in the evening: their zones are confirmed the next morning.</summary>
    public List<CaseRecord> LateCases { get; set; } = [];
    public long Epidemiologist { get; set; }
    /// <summary>The administrator who runs the afternoon's zone review.</summary>
    public long Administrator { get; set; }
    /// <summary>The second officer who approves a zone's downgrade or lift the epidemiologist asked for.</summary>
    public long Approver { get; set; }
    public long Sampler { get; set; }
    public long LabTechnician { get; set; }
    /// <summary>The deployed teams whose members do the day's work (ADR 0029).</summary>
    public OutbreakCrew Crew { get; set; } = null!;

    /// <summary>The lab technician on duty now: a member of the lab team, or the demo lab account.</summary>
    public (long Id, string UserName) Lab() =>
        Crew.Pick(Accounts.Roles.LabTechnician, null, City.LocalNow, 0) is { } m ? (m.UserId, m.UserName) : (LabTechnician, "lab");
    /// <summary>The designated hospital and the Fangcang the cases are admitted to (null when the city has none).</summary>
    public long? Designated { get; set; }
    public long? Fangcang { get; set; }
    /// <summary>Cases admitted today with no free bed in either hospital (recorded by the hospital's name only).</summary>
    public int WithoutBed { get; set; }
    /// <summary>Residents with a home, in id order: those a fever clinic may see.</summary>
    public IReadOnlyList<long> Residents { get; set; } = [];
    /// <summary>Suspected cases who are not infected, by case id, with the day they were reported: excluded in time.</summary>
    public Dictionary<long, (long PersonId, DateOnly Reported)> Suspects { get; } = [];
    /// <summary>Everyone ever reported as an uninfected suspected case (a person is a case once).</summary>
    public HashSet<long> SuspectedPersons { get; } = [];
    public TraceReader Reader => new(Epidemiologist, "epi", "simulated outbreak");
    public DateOnly Today { get; set; }
    public long Serial { get => Interlocked.Read(ref _serial); set => _serial = value; }

    private long _serial;

    /// <summary>
    /// Teams and tables working at once: four on PostgreSQL; one on SQLite, whose single writer makes parallel sampling,
    /// each swab a transaction, slower than one table at a time.
    /// </summary>
    public int Parallel { get; } = services.GetRequiredService<StorageOptions>().Provider == StorageProvider.Postgres ? 4 : 1;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<FangkongDb> DbAsync(CancellationToken ct) => await Dbs.CreateDbContextAsync(ct);

    /// <summary>Moves the clock to a time of the simulated day (city time).</summary>
    public void At(int hour, int minute = 0) => Time.Set(City.ToUtc(Today.ToDateTime(new TimeOnly(hour, minute))));

    public DateTime DayStartUtc => City.StartOfDayUtc(Today);
    public DateTime DayEndUtc => City.StartOfDayUtc(Today.AddDays(1));

    public long NextSerial() => Interlocked.Increment(ref _serial);

    /// <summary>
    /// Where each person in quarantine is today: at a site (isolated from everyone) or at home (still with the household).
    /// Persons found as cases are in hospital and not listed here.
    /// </summary>
    public async Task<Dictionary<long, Domain.Quarantine.QuarantinePlace>> QuarantinedAsync(CancellationToken ct)
    {
        await using var db = await DbAsync(ct);
        var stays = await db.QuarantineStays.AsNoTracking().Where(s => s.State == QuarantineState.InQuarantine && s.Day1 <= Today)
            .Select(s => new { s.PersonId, s.Edition, s.Role, s.Day1, s.Place }).ToListAsync(ct);
        var result = new Dictionary<long, Domain.Quarantine.QuarantinePlace>();
        foreach (var s in stays)
        {
            var place = PlaceOn(s.Edition, s.Role, s.Day1, s.Place, Today);
            // Two stays (contact of two cases): the stricter place holds.
            if (!result.TryGetValue(s.PersonId, out var had) || place == Domain.Quarantine.QuarantinePlace.Centralized) result[s.PersonId] = place;
            else result[s.PersonId] = had;
        }
        return result;
    }

    /// <summary>Where a stay keeps its person on a day: by its preset's schedule (a site, then home), else where it was placed.</summary>
    public static Domain.Quarantine.QuarantinePlace PlaceOn(Domain.Tracing.PolicyEdition edition, ContactRole role, DateOnly day1, Domain.Quarantine.QuarantinePlace placed, DateOnly day) =>
        Domain.Quarantine.QuarantinePresets.For(edition, role) is { } plan
            ? Domain.Quarantine.QuarantineSchedule.Generate(plan, day1).PlaceOn(day) ?? Domain.Quarantine.QuarantinePlace.Home
            : placed;
}
