using Fangkong.Domain.Places;

namespace Fangkong.Domain.Simulation;

/// <summary>Where an infection happened: an index infection seeded into the city, at home, or at a shared venue.</summary>
public enum InfectionSetting { Seed = 0, Household = 1, Venue = 2 }

/// <summary>
/// The simulated outbreak's transmission model — a demo model, not an epidemiological estimate. An infectious person
/// infects each susceptible household member with a daily probability, and each person whose stay at a venue overlapped
/// theirs with a probability that grows with the overlap (per hour, higher in small enclosed venues than in open ones).
/// Every probability is scaled by <see cref="Attack"/> and damped as infections approach <see cref="Cap"/>, so a city of a
/// million ends a month with thousands of cases, not millions.
/// </summary>
public sealed record TransmissionPolicy
{
    /// <summary>Chance a day that an infectious person infects one household member (about 35 % over four days).</summary>
    public double HouseholdPerDay { get; init; } = 0.10;

    /// <summary>Hourly rate of infection between two people sharing a bus, a classroom, an office, a hall or a ward.</summary>
    public double EnclosedPerHour { get; init; } = 0.002;

    /// <summary>Hourly rate in open, busy places (markets, supermarkets): general contacts, rarely infected.</summary>
    public double OpenPerHour { get; init; } = 0.0005;

    /// <summary>Multiplies every probability: 1 is the default model; 2 doubles each chance.</summary>
    public double Attack { get; init; } = 1.0;

    /// <summary>Infections at which spreading stops; chances fall linearly towards it (crowds thin out, people mask up).</summary>
    public int Cap { get; init; } = 5_000;

    /// <summary>A default cap for a city: one resident in 400 (2,500 in a city of a million), at least 30.</summary>
    public static int DefaultCap(int residents) => Math.Max(30, residents / 400);

    /// <summary>The damping of every chance with <paramref name="infected"/> infections so far: 1 at the start, 0 at the cap.</summary>
    public double Damping(int infected) => Cap <= 0 ? 0 : Math.Clamp(1.0 - (double)infected / Cap, 0, 1);

    /// <summary>The chance a day of infecting one household member.</summary>
    public double AtHome(double damping) => Clamp(HouseholdPerDay * Attack * damping);

    /// <summary>
    /// The chance of infecting one person whose stay overlapped by <paramref name="overlap"/> at a venue of this type;
    /// zero at compound gates and road checkpoints, where people pass by in a minute.
    /// </summary>
    public double AtVenue(VenueType type, TimeSpan overlap, double damping)
    {
        if (overlap <= TimeSpan.Zero) return 0;
        var rate = RateAt(type);
        return rate == 0 ? 0 : Clamp((1 - Math.Exp(-rate * overlap.TotalHours)) * Attack * damping);
    }

    /// <summary>The hourly rate at a venue type; zero where nobody is infected in this model.</summary>
    public double RateAt(VenueType type) => type switch
    {
        VenueType.Bus or VenueType.ServiceHall or VenueType.School or VenueType.Enterprise or VenueType.ConstructionProject or VenueType.Hospital => EnclosedPerHour,
        VenueType.Market or VenueType.Supermarket => OpenPerHour,
        _ => 0,
    };

    private static double Clamp(double p) => Math.Clamp(p, 0, 1);
}
