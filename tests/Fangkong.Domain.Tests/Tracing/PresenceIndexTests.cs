using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Tracing;

public sealed class PresenceIndexTests
{
    private const long Bus = 1, Hall = 2, Market = 3;
    private static readonly DateTime T0 = new(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static long At(int minute) => T0.AddMinutes(minute).Ticks;
    private static Presence S(long person, long venue, int fromMinute, int toMinute) => new(person, venue, At(fromMinute), At(toMinute));

    private static List<Presence> ForPerson(PresenceIndex index, long person, int fromMinute, int toMinute)
    {
        var positions = new List<int>();
        index.ForPerson(person, At(fromMinute), At(toMinute), positions);
        return positions.Select(i => index[i]).ToList();
    }

    [Fact]
    public void A_persons_presences_come_in_entry_order_across_venues_and_no_one_elses()
    {
        var index = new PresenceIndex([S(1, Market, 300, 360), S(2, Hall, 0, 30), S(1, Bus, 10, 40), S(1, Hall, 100, 160), S(3, Bus, 10, 40)]);
        Assert.Equal([S(1, Bus, 10, 40), S(1, Hall, 100, 160), S(1, Market, 300, 360)], ForPerson(index, 1, 0, 1000));
        Assert.Equal([S(2, Hall, 0, 30)], ForPerson(index, 2, 0, 1000));
        Assert.Equal(3, index.PersonCount);
    }

    [Fact]
    public void Range_edges_are_those_of_Overlapping_the_end_exclusive_and_touching_presences_left_out()
    {
        var presences = new[] { S(1, Hall, 60, 120), S(1, Hall, 200, 260) };
        var index = new PresenceIndex(presences);
        Assert.Empty(ForPerson(index, 1, 120, 200));              // one left as the range began, the other entered as it ended
        Assert.Equal([presences[0]], ForPerson(index, 1, 119, 200));   // a minute of the first
        Assert.Equal([presences[1]], ForPerson(index, 1, 120, 201));   // a minute of the second
        Assert.Equal(presences, ForPerson(index, 1, 90, 230));
        Assert.Empty(ForPerson(index, 1, 100, 100));              // an empty range
        Assert.Empty(ForPerson(index, 1, 100, 90));               // a reversed one
        foreach (var (from, to) in new[] { (120, 200), (119, 200), (120, 201), (90, 230), (0, 60), (260, 300), (100, 100) })
        {
            var atVenue = new List<int>();
            index.Overlapping(Hall, At(from), At(to), atVenue);
            Assert.Equal(atVenue.Select(i => index[i]), ForPerson(index, 1, from, to));
        }
    }

    [Fact]
    public void A_long_stay_begun_well_before_the_range_is_found()
    {
        // Entered two days before the range, after many short presences of the same person: the scan starts early enough.
        var index = new PresenceIndex(Enumerable.Range(0, 50).Select(i => S(1, Bus, i * 20, i * 20 + 10)).Append(S(1, Hall, 1000, 4000)));
        Assert.Equal([S(1, Hall, 1000, 4000)], ForPerson(index, 1, 3900, 3910));
    }

    [Fact]
    public void An_unknown_person_and_zero_length_presences_give_nothing()
    {
        var index = new PresenceIndex([S(1, Hall, 60, 60), S(2, Hall, 60, 60), S(2, Bus, 70, 80), S(3, Hall, 90, 80)]);
        Assert.Empty(ForPerson(index, 1, 0, 1000)); // only a zero-length presence, dropped as the constructor drops it
        Assert.Equal([S(2, Bus, 70, 80)], ForPerson(index, 2, 0, 1000));
        Assert.Empty(ForPerson(index, 3, 0, 1000)); // exit before entry: dropped too
        Assert.Empty(ForPerson(index, 42, 0, 1000));
        Assert.Equal(1, index.PersonCount);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void The_by_person_view_finds_exactly_what_filtering_every_stay_finds()
    {
        var random = new Random(20220302);
        var presences = Enumerable.Range(0, 4000).Select(_ =>
        {
            var start = random.Next(0, 60 * 24 * 3);
            // Overlapping presences of one person too (data as recorded can have them), and some of zero length.
            return S(random.Next(1, 200), random.Next(1, 4), start, start + random.Next(0, random.Next(2) == 0 ? 30 : 900));
        }).ToList();
        var index = new PresenceIndex(presences);
        for (var k = 0; k < 500; k++)
        {
            var person = random.Next(0, 202);
            var from = random.Next(-60, 60 * 24 * 3);
            var to = from + random.Next(-10, 600);
            var expected = presences.Where(s => s.PersonId == person && s.OutTicks > s.InTicks && from < to && s.InTicks < At(to) && s.OutTicks > At(from))
                .OrderBy(s => s.InTicks).ToList();
            var found = ForPerson(index, person, from, to);
            Assert.Equal(expected.Select(s => s.InTicks), found.Select(s => s.InTicks));
            Assert.Equal(expected.OrderBy(s => (s.InTicks, s.VenueId, s.OutTicks)), found.OrderBy(s => (s.InTicks, s.VenueId, s.OutTicks)));
        }
    }
}
