using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Tracing;

public sealed class ContactFinderTests
{
    private const long Bus = 1, Hall = 2, Market = 3;
    private static readonly DateTime T0 = new(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ExposureWindow AllMarch = new(T0, T0.AddDays(31));
    private static VenueType? TypeOf(long venue) => venue switch { Bus => VenueType.Bus, Hall => VenueType.ServiceHall, Market => VenueType.Market, _ => null };
    private static Presence S(long person, long venue, int fromMinute, int toMinute) =>
        new(person, venue, T0.AddMinutes(fromMinute).Ticks, T0.AddMinutes(toMinute).Ticks);

    [Fact]
    public void Close_contacts_come_from_overlaps_long_enough_for_the_venue_type_with_their_evidence()
    {
        var caseStays = new[] { S(1, Hall, 600, 660), S(1, Bus, 700, 710), S(1, Market, 800, 900) };
        var index = new PresenceIndex(caseStays.Concat(
        [
            S(2, Hall, 640, 700),  // 20 min in the hall → close
            S(3, Hall, 655, 720),  // 5 min in the hall → not close
            S(4, Bus, 709, 730),   // 1 min on the bus → close
            S(5, Market, 800, 900),// an hour in the market → general contact only
            S(6, Hall, 100, 2000), // a long stay begun well before → close (found despite starting earlier)
            S(7, Hall, 660, 700),  // arrived as the case left → no overlap
        ]));
        var found = ContactFinder.Find(index, caseStays, AllMarch, TypeOf, ContactThresholds.Default, new HashSet<long> { 1 });
        Assert.Equal([6, 2, 4], found.Select(f => f.PersonId));
        var two = found.Single(f => f.PersonId == 2);
        Assert.Equal(Hall, two.VenueId);
        Assert.Equal(TimeSpan.FromMinutes(20), two.Overlap);
        Assert.Equal(T0.AddMinutes(640), two.FirstTogetherUtc);
        Assert.Equal(TimeSpan.FromMinutes(1), found.Single(f => f.PersonId == 4).Overlap);
    }

    [Fact]
    public void Only_the_part_of_a_stay_inside_the_window_counts_and_excluded_persons_are_skipped()
    {
        var caseStays = new[] { S(1, Hall, 0, 120) };
        var index = new PresenceIndex(caseStays.Concat([S(2, Hall, 0, 30), S(3, Hall, 60, 120), S(4, Hall, 90, 120)]));
        var window = new ExposureWindow(T0.AddMinutes(50), T0.AddMinutes(200));
        var found = ContactFinder.Find(index, caseStays, window, TypeOf, ContactThresholds.Default, new HashSet<long> { 1, 4 });
        Assert.Equal([3], found.Select(f => f.PersonId)); // 2 left before the window opened; 4 is excluded
    }

    [Fact]
    public void The_earliest_shared_visit_is_the_evidence_kept_for_a_person_met_twice()
    {
        var caseStays = new[] { S(1, Bus, 500, 520), S(1, Hall, 100, 200) };
        var index = new PresenceIndex(caseStays.Concat([S(2, Bus, 505, 515), S(2, Hall, 100, 200)]));
        var e = Assert.Single(ContactFinder.Find(index, caseStays, AllMarch, TypeOf, ContactThresholds.Default, new HashSet<long> { 1 }));
        Assert.Equal(Hall, e.VenueId);
    }

    [Fact]
    public void The_sweep_finds_exactly_what_a_brute_force_self_join_finds()
    {
        var random = new Random(20220301);
        var stays = Enumerable.Range(0, 3000).Select(_ =>
        {
            var start = random.Next(0, 60 * 24 * 3);
            return S(random.Next(1, 400), random.Next(1, 4), start, start + random.Next(1, random.Next(2) == 0 ? 30 : 600));
        }).ToList();
        var index = new PresenceIndex(stays);
        var window = new ExposureWindow(T0.AddHours(20), T0.AddHours(50));
        foreach (var source in new long[] { 7, 42, 199 })
        {
            var own = stays.Where(s => s.PersonId == source).ToList();
            var swept = ContactFinder.Find(index, own, window, TypeOf, ContactThresholds.Default, new HashSet<long> { source });
            var brute = new Dictionary<long, TimeSpan>();
            foreach (var a in own)
                foreach (var b in stays.Where(b => b.VenueId == a.VenueId && b.PersonId != source))
                {
                    var from = Math.Max(Math.Max(a.InTicks, b.InTicks), window.StartUtc.Ticks);
                    var to = Math.Min(Math.Min(a.OutTicks, b.OutTicks), window.EndUtc.Ticks);
                    if (to > from && ContactThresholds.Default.MakesCloseContact(TypeOf(a.VenueId)!.Value, new TimeSpan(to - from)))
                        brute[b.PersonId] = new TimeSpan(to - from);
                }
            Assert.Equal(brute.Keys.Order(), swept.Select(s => s.PersonId).Order());
        }
    }

    [Fact]
    public void Pairs_at_a_venue_list_everyone_together_long_enough_once_per_pair_of_stays()
    {
        var index = new PresenceIndex([S(1, Hall, 0, 60), S(2, Hall, 30, 90), S(3, Hall, 50, 55), S(4, Hall, 100, 120), S(5, Bus, 0, 60)]);
        var pairs = new List<CoPresence>();
        ContactFinder.Pairs(index, Hall, T0.Ticks, T0.AddDays(1).Ticks, TimeSpan.FromMinutes(5), pairs);
        Assert.Equal([(1L, 2L), (1L, 3L), (2L, 3L)], pairs.Select(p => (p.PersonA, p.PersonB)).Order());
        Assert.Equal(T0.AddMinutes(30).Ticks, pairs.Single(p => p.PersonA == 1 && p.PersonB == 2).FromTicks);
        pairs.Clear();
        ContactFinder.Pairs(index, Hall, T0.AddMinutes(52).Ticks, T0.AddDays(1).Ticks, TimeSpan.FromMinutes(5), pairs);
        Assert.Equal([(1L, 2L)], pairs.Select(p => (p.PersonA, p.PersonB)));
    }

    [Fact]
    public void The_pairs_sweep_finds_exactly_what_comparing_every_two_stays_finds()
    {
        var random = new Random(20220303);
        var stays = Enumerable.Range(0, 600).Select(_ =>
        {
            var start = random.Next(0, 60 * 24);
            return S(random.Next(1, 60), Hall, start, start + random.Next(0, random.Next(2) == 0 ? 30 : 400));
        }).ToList();
        var index = new PresenceIndex(stays);
        var (from, to, minimum) = (T0.AddHours(6).Ticks, T0.AddHours(18).Ticks, TimeSpan.FromMinutes(15));
        var swept = new List<CoPresence>();
        ContactFinder.Pairs(index, Hall, from, to, minimum, swept);
        var brute = new List<CoPresence>();
        var all = Enumerable.Range(0, index.Count).Select(i => index[i]).ToList();
        for (var i = 0; i < all.Count; i++)
            for (var j = i + 1; j < all.Count; j++)
            {
                var (a, b) = (all[i], all[j]);
                var overlapFrom = Math.Max(Math.Max(a.InTicks, b.InTicks), from);
                var overlapTo = Math.Min(Math.Min(a.OutTicks, b.OutTicks), to);
                if (a.PersonId != b.PersonId && overlapTo > overlapFrom && overlapTo - overlapFrom >= minimum.Ticks)
                    brute.Add(new CoPresence(Math.Min(a.PersonId, b.PersonId), Math.Max(a.PersonId, b.PersonId), Hall, overlapFrom, overlapTo));
            }
        Assert.NotEmpty(brute);
        static (long, long, long, long) Key(CoPresence p) => (p.PersonA, p.PersonB, p.FromTicks, p.ToTicks);
        Assert.Equal(brute.Select(Key).Order(), swept.Select(Key).Order());
    }
}
