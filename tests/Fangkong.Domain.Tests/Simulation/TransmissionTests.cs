using Fangkong.Domain.Places;
using Fangkong.Domain.Simulation;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Simulation;

/// <summary>The outbreak's transmission rules: chances by setting and overlap, damping to the cap, courses, and a day's spread.</summary>
public sealed class TransmissionTests
{
    private static readonly DateTime Day = new(2026, 11, 10, 16, 0, 0, DateTimeKind.Utc); // 00:00 on 11 November, city time
    private static readonly TransmissionPolicy Policy = new() { Cap = 100 };

    [Fact]
    public void Chances_grow_with_the_overlap_are_higher_in_enclosed_venues_and_nil_at_gates()
    {
        var hour = Policy.AtVenue(VenueType.Enterprise, TimeSpan.FromHours(1), 1);
        var eight = Policy.AtVenue(VenueType.Enterprise, TimeSpan.FromHours(8), 1);
        Assert.InRange(hour, 0.0019, 0.0021);
        Assert.True(eight > 7 * hour && eight < 8 * hour);
        Assert.True(Policy.AtVenue(VenueType.Bus, TimeSpan.FromHours(1), 1) > Policy.AtVenue(VenueType.Market, TimeSpan.FromHours(1), 1));
        Assert.Equal(0, Policy.AtVenue(VenueType.CompoundGate, TimeSpan.FromHours(1), 1));
        Assert.Equal(0, Policy.AtVenue(VenueType.RoadCheckpoint, TimeSpan.FromHours(1), 1));
        Assert.Equal(0, Policy.AtVenue(VenueType.Bus, TimeSpan.Zero, 1));
        Assert.Equal(0.10, Policy.AtHome(1), 6);
        Assert.Equal(0.20, (Policy with { Attack = 2 }).AtHome(1), 6);
        Assert.Equal(1, (Policy with { Attack = 100 }).AtHome(1));
    }

    [Fact]
    public void Damping_falls_linearly_to_nothing_at_the_cap()
    {
        Assert.Equal(1, Policy.Damping(0));
        Assert.Equal(0.5, Policy.Damping(50), 6);
        Assert.Equal(0, Policy.Damping(100));
        Assert.Equal(0, Policy.Damping(150));
        Assert.Equal(0.05, Policy.AtHome(Policy.Damping(50)), 6);
        Assert.Equal(2_500, TransmissionPolicy.DefaultCap(1_000_000));
        Assert.Equal(30, TransmissionPolicy.DefaultCap(2_000));
    }

    [Fact]
    public void A_course_is_latent_then_infectious_positive_and_symptomatic_in_order()
    {
        var rng = new Random(3);
        var courses = Enumerable.Range(0, 2000).Select(_ => InfectionCourse.Draw(rng)).ToList();
        Assert.All(courses, c =>
        {
            Assert.InRange(c.LatentDays, 2, 3);
            Assert.False(c.InfectiousOn(c.LatentDays - 1));
            Assert.True(c.InfectiousOn(c.LatentDays));
            Assert.False(c.InfectiousOn(c.LatentDays + c.InfectiousDays));
            Assert.True(c.PositiveOn(c.LatentDays));
            Assert.Equal(c.Symptomatic, c.Type is not null);
            if (c.Symptomatic) Assert.True(c.OnsetDay > c.LatentDays && c.SymptomsOn(c.OnsetDay) && !c.SymptomsOn(c.OnsetDay - 1));
            Assert.True(!c.Dies || c.Type == ClinicalType.Critical);
        });
        var share = courses.Count(c => c.Symptomatic) / 2000.0;
        Assert.InRange(share, 0.45, 0.55);
        var symptomatic = courses.Where(c => c.Symptomatic).ToList();
        Assert.True(symptomatic.Count(c => c.Type is ClinicalType.Mild or ClinicalType.Common) > 0.9 * symptomatic.Count);
        Assert.Contains(symptomatic, c => c.Type is ClinicalType.Severe or ClinicalType.Critical);
    }

    [Fact]
    public void A_day_infects_only_housemates_and_persons_whose_stays_overlapped_a_spreader_at_large()
    {
        const long bus = 1, gate = 2;
        Presence At(long person, long venue, int fromMinute, int toMinute) => new(person, venue, Day.AddMinutes(fromMinute).Ticks, Day.AddMinutes(toMinute).Ticks);
        var stays = new PresenceIndex([
            At(10, bus, 480, 540), At(11, bus, 500, 560), At(12, bus, 541, 600), // 12 boarded after 10 left
            At(10, gate, 470, 471), At(13, gate, 470, 471),                      // a gate: nobody is infected there
            At(20, bus, 700, 760), At(21, bus, 700, 760),                       // 20 is home-isolated: their stays do not count
        ]);
        var sure = new TransmissionPolicy { HouseholdPerDay = 1, EnclosedPerHour = 1000, Cap = 1000 };
        var spreaders = new[] { new Spreader(10, [10, 14, 15], true), new Spreader(20, [20, 22], false) };
        var exposures = OutbreakSpread.Day(spreaders, stays, v => v == bus ? VenueType.Bus : VenueType.CompoundGate, (p, _) => p is not (10 or 15 or 20),
            sure, 1, Day, Day.AddDays(1), Day.AddHours(20), new Random(1));

        var byPerson = exposures.ToDictionary(e => e.PersonId);
        Assert.Equal([11, 14, 22], byPerson.Keys.Order());
        Assert.Equal((10L, InfectionSetting.Venue, (long?)bus, Day.AddMinutes(500), TimeSpan.FromMinutes(40)),
            (byPerson[11].InfectorId, byPerson[11].Setting, byPerson[11].VenueId, byPerson[11].AtUtc, byPerson[11].Overlap));
        Assert.Equal((10L, InfectionSetting.Household), (byPerson[14].InfectorId, byPerson[14].Setting));
        Assert.Equal((20L, InfectionSetting.Household), (byPerson[22].InfectorId, byPerson[22].Setting));
    }

    [Fact]
    public void The_same_seed_draws_the_same_day_and_nothing_spreads_at_the_cap()
    {
        var stays = new PresenceIndex(Enumerable.Range(0, 200).Select(p => new Presence(p, 1, Day.AddHours(1).Ticks, Day.AddHours(9).Ticks)));
        var spreaders = new[] { new Spreader(0, [], true), new Spreader(1, [], true) };
        IReadOnlyList<Exposure> Run(double damping, int seed) =>
            OutbreakSpread.Day(spreaders, stays, _ => VenueType.Enterprise, (p, _) => p > 1, Policy with { Attack = 5 }, damping, Day, Day.AddDays(1), Day.AddHours(20), new Random(seed));
        var first = Run(1, 42);
        Assert.NotEmpty(first);
        Assert.Equal(first, Run(1, 42));
        Assert.Equal(first.Count, first.Select(e => e.PersonId).Distinct().Count());
        Assert.Empty(Run(0, 42));
    }
}
