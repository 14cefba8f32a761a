using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Simulation;

/// <summary>One transmission drawn on a day: who infected whom, where, and when the two were first together.</summary>
public sealed record Exposure(long InfectorId, long PersonId, InfectionSetting Setting, long? VenueId, DateTime AtUtc, TimeSpan Overlap);

/// <summary>An infectious person on a day: their household members, and whether they move about (their stays count) or stay home.</summary>
public sealed record Spreader(long PersonId, IReadOnlyList<long> Housemates, bool AtLarge);

/// <summary>
/// One day's spread along real co-presence: household members of every infectious person, and — for those at large —
/// everyone whose stored stay overlapped theirs at the same venue (found by <see cref="PresenceIndex.Overlapping"/>). Draws are
/// made in a fixed order (spreaders by id, their stays by entry, others in index order), so a seed gives one outcome.
/// Each person is infected at most once: the first successful draw names the infector.
/// </summary>
public static class OutbreakSpread
{
    /// <param name="stays">Stays of the day at the spreaders' venues, the spreaders' own among them.</param>
    /// <param name="susceptible">Whether a person can still be infected in this setting (never infected; at a venue, not isolated either).</param>
    /// <param name="homeAtUtc">The time recorded for infections at home (the evening of the day).</param>
    public static IReadOnlyList<Exposure> Day(IEnumerable<Spreader> spreaders, PresenceIndex stays, Func<long, VenueType?> venueType, Func<long, InfectionSetting, bool> susceptible,
        TransmissionPolicy policy, double damping, DateTime dayStartUtc, DateTime dayEndUtc, DateTime homeAtUtc, Random rng)
    {
        ArgumentNullException.ThrowIfNull(spreaders);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(venueType);
        ArgumentNullException.ThrowIfNull(susceptible);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rng);
        var infected = new HashSet<long>();
        var result = new List<Exposure>();
        var own = new List<int>();
        var hits = new List<int>();
        var home = policy.AtHome(damping);
        foreach (var s in spreaders.OrderBy(x => x.PersonId))
        {
            foreach (var mate in s.Housemates.Order())
                if (mate != s.PersonId && susceptible(mate, InfectionSetting.Household) && !infected.Contains(mate) && rng.NextDouble() < home && infected.Add(mate))
                    result.Add(new Exposure(s.PersonId, mate, InfectionSetting.Household, null, homeAtUtc, dayEndUtc - dayStartUtc));
            if (!s.AtLarge) continue;
            own.Clear();
            stays.ForPerson(s.PersonId, dayStartUtc.Ticks, dayEndUtc.Ticks, own);
            foreach (var i in own)
            {
                var mine = stays[i];
                if (venueType(mine.VenueId) is not { } type || policy.RateAt(type) == 0) continue;
                var from = Math.Max(mine.InTicks, dayStartUtc.Ticks);
                var to = Math.Min(mine.OutTicks, dayEndUtc.Ticks);
                hits.Clear();
                stays.Overlapping(mine.VenueId, from, to, hits);
                foreach (var h in hits)
                {
                    var other = stays[h];
                    if (other.PersonId == s.PersonId || infected.Contains(other.PersonId) || !susceptible(other.PersonId, InfectionSetting.Venue)) continue;
                    var start = Math.Max(from, other.InTicks);
                    var overlap = new TimeSpan(Math.Min(to, other.OutTicks) - start);
                    if (rng.NextDouble() < policy.AtVenue(type, overlap, damping) && infected.Add(other.PersonId))
                        result.Add(new Exposure(s.PersonId, other.PersonId, InfectionSetting.Venue, mine.VenueId, new DateTime(start, DateTimeKind.Utc), overlap));
                }
            }
        }
        return result;
    }
}
