using Fangkong.Domain.Command;
using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Command;

/// <summary>Counting a day from hand-built cases: conversions, same-day confirmation, endings, cumulative totals, contacts.</summary>
public sealed class BulletinCounterTests
{
    private static readonly DateOnly Day = new(2022, 3, 14);
    private static readonly PlaceCount City = new("辽源市", "Liaoyuan", 0);
    private static readonly Dictionary<string, PlaceCount> Places = new()
    {
        // The office lists 西安区 before 龙山区: places follow that order, not their counts.
        ["220402"] = new("龙山区", "Longshan District", 0, 2),
        ["220403"] = new("西安区", "Xi'an District", 0, 1),
    };

    [Fact]
    public void A_day_counts_new_confirmed_conversions_asymptomatic_and_endings_by_their_own_dates()
    {
        CaseFact[] cases =
        [
            new("220402", ClinicalType.Mild, Day, null, CaseOutcome.None, null),                              // confirmed today
            new("220402", ClinicalType.Common, Day.AddDays(-3), Day, CaseOutcome.None, null),                 // asymptomatic on the 11th, converted today
            new("220403", ClinicalType.Severe, Day, Day, CaseOutcome.None, null),                            // reported and confirmed today: no conversion
            new("220403", null, Day, null, CaseOutcome.None, null),                                          // asymptomatic today
            new("220403", ClinicalType.Mild, Day, Day.AddDays(2), CaseOutcome.None, null),                   // asymptomatic today, converted later: asymptomatic in today's bulletin
            new("220402", ClinicalType.Mild, Day.AddDays(-10), null, CaseOutcome.Discharged, Day),            // discharged today
            new("220402", null, Day.AddDays(-8), null, CaseOutcome.Released, Day),                            // released from observation today
            new("220403", ClinicalType.Critical, Day.AddDays(-9), null, CaseOutcome.Died, Day.AddDays(-1)),   // died yesterday
            new("220403", ClinicalType.Mild, Day.AddDays(1), null, CaseOutcome.None, null),                   // tomorrow: not yet
        ];
        ContactFact[] contacts =
        [
            new(1, false, Day, null), new(2, false, Day.AddDays(-5), Day), new(3, true, Day, null), new(4, true, Day.AddDays(-2), null), new(5, false, Day.AddDays(1), null),
        ];
        var f = BulletinCounter.Count(Day, BulletinLevel.City, City, Places, cases, contacts);

        Assert.Equal(new ClinicalTypes(1, 1, 1, 0), f.NewConfirmed);
        Assert.Equal([("西安区", 1), ("龙山区", 2)], f.ConfirmedByPlace.Select(p => (p.Name, p.Count)));
        Assert.Equal((1, "龙山区"), (f.Conversions, f.ConversionsByPlace.Single().Name));
        Assert.Equal(2, f.NewAsymptomatic);
        Assert.Equal((1, 1), (f.Discharged, f.ReleasedAsymptomatic));
        Assert.Equal(("龙山区", 1, "龙山区", 1), (f.DischargedByPlace.Single().Name, f.DischargedByPlace.Single().Count, f.ReleasedAsymptomaticByPlace.Single().Name, f.ReleasedAsymptomaticByPlace.Single().Count));
        // Confirmed by the end of the day: the three of today, the discharged one, the one who died.
        Assert.Equal((5, 1, 1, 3), (f.CumulativeConfirmed, f.CumulativeDischarged, f.CumulativeDeaths, f.CurrentConfirmed));
        // Ever reported asymptomatic by then: converted today, two of today, the released one; still observed: today's two.
        Assert.Equal((4, 2), (f.CumulativeAsymptomatic, f.AsymptomaticUnderObservation));
        Assert.Equal((1, 1, 1), (f.NewCloseContacts, f.NewSecondaryContacts, f.ReleasedContacts));
        Assert.Equal((1, 2), (f.CloseContactsUnderObservation, f.SecondaryContactsUnderObservation));
        // Traced by the end of the day (not tomorrow's), and released by then.
        Assert.Equal((2, 1, 2, 0), (f.CumulativeCloseContacts, f.CumulativeCloseContactsReleased, f.CumulativeSecondaryContacts, f.CumulativeSecondaryContactsReleased));
    }

    [Fact]
    public void A_contact_who_became_a_case_is_counted_as_a_case_from_that_day_not_as_under_observation_nor_released()
    {
        ContactFact[] contacts =
        [
            new(1, false, Day.AddDays(-3), null, BecameCase: Day),                      // tested positive in quarantine today
            new(1, false, Day.AddDays(-2), null, BecameCase: Day),                      // and a contact of a second case
            new(2, false, Day.AddDays(-3), null, BecameCase: Day.AddDays(-1)),         // a case since yesterday
            new(3, false, Day.AddDays(-3), null),                                       // still observed
        ];
        var f = BulletinCounter.Count(Day, BulletinLevel.City, City, Places, [], contacts);
        Assert.Equal((1, 0), (f.CloseContactsUnderObservation, f.ReleasedContacts));
        var yesterday = BulletinCounter.Count(Day.AddDays(-1), BulletinLevel.City, City, Places, [], contacts);
        Assert.Equal(2, yesterday.CloseContactsUnderObservation); // persons 1 and 3: person 2 was reported that day
    }

    [Fact]
    public void Contacts_count_persons_not_designations_in_each_grade()
    {
        ContactFact[] contacts =
        [
            new(1, false, Day, null), new(1, false, Day, null),                           // close to two cases, both today: one person
            new(2, false, Day.AddDays(-3), null), new(2, true, Day, null),                // close to one case, secondary to another: once in each grade
            new(3, false, Day.AddDays(-6), Day), new(3, false, Day.AddDays(-1), null),    // one designation released today, another still open
            new(4, true, Day.AddDays(-4), Day), new(4, true, Day.AddDays(-2), Day),      // released from two designations today: one person
            new(5, false, Day.AddDays(-8), Day.AddDays(-1)),                              // released yesterday
        ];
        var f = BulletinCounter.Count(Day, BulletinLevel.City, City, Places, [], contacts);

        Assert.Equal((1, 1), (f.NewCloseContacts, f.NewSecondaryContacts));
        // Close: 1, 2 and 3 (3 is still observed for the open designation); secondary: 2 only (4 was released).
        Assert.Equal((3, 1), (f.CloseContactsUnderObservation, f.SecondaryContactsUnderObservation));
        Assert.Equal(2, f.ReleasedContacts); // person 3 (close) and person 4 (secondary), once each
        var yesterday = BulletinCounter.Count(Day.AddDays(-1), BulletinLevel.City, City, Places, [], contacts);
        Assert.Equal((2, 1, 1, 1), (yesterday.CloseContactsUnderObservation, yesterday.SecondaryContactsUnderObservation, yesterday.ReleasedContacts, yesterday.NewCloseContacts));
    }

    [Fact]
    public void Counts_agree_with_brute_force_over_random_cases_on_every_day()
    {
        var random = new Random(20220314);
        var cases = Enumerable.Range(0, 2_000).Select(_ =>
        {
            var reported = Day.AddDays(-random.Next(30));
            ClinicalType? type = random.Next(3) == 0 ? null : (ClinicalType)random.Next(2, 6);
            DateOnly? converted = type is not null && random.Next(4) == 0 ? reported.AddDays(random.Next(0, 5)) : null;
            var outcome = (CaseOutcome)random.Next(4);
            DateOnly? ended = outcome == CaseOutcome.None ? null : reported.AddDays(random.Next(5, 20));
            return new CaseFact(random.Next(2) == 0 ? "220402" : "220403", type, reported, converted, outcome, ended);
        }).ToList();
        for (var d = Day.AddDays(-30); d <= Day; d = d.AddDays(1))
        {
            var f = BulletinCounter.Count(d, BulletinLevel.City, City, Places, cases, []);
            var day = d;
            // Brute force, case by case, from the definitions.
            int newConfirmed = 0, newAsym = 0, conversions = 0, cumulative = 0;
            foreach (var c in cases)
            {
                var confirmedOn = c.Type is null ? (DateOnly?)null : c.Converted is { } cv && cv > c.Reported ? cv : c.Reported;
                if (confirmedOn == day) newConfirmed++;
                if (confirmedOn == day && c.Converted == day && c.Reported < day) conversions++;
                if (c.Reported == day && (c.Type is null || c.Converted > c.Reported)) newAsym++;
                if (confirmedOn <= day) cumulative++;
            }
            Assert.Equal((newConfirmed, newAsym, conversions, cumulative), (f.NewConfirmed.Total, f.NewAsymptomatic, f.Conversions, f.CumulativeConfirmed));
            Assert.Equal(f.NewConfirmed.Total, f.ConfirmedByPlace.Sum(p => p.Count));
            Assert.Equal(f.NewAsymptomatic, f.AsymptomaticByPlace.Sum(p => p.Count));
        }
    }

    [Fact]
    public void Suspected_cases_are_counted_new_cumulative_excluded_converted_and_current_by_their_own_dates()
    {
        SuspectedFact[] suspected =
        [
            new("220402", Day, null, null),                          // new today, still suspected
            new("220402", Day.AddDays(-2), Day, null),               // excluded today
            new("220403", Day.AddDays(-3), Day.AddDays(-1), null),   // excluded yesterday
            new("220403", Day.AddDays(-1), null, Day),               // confirmed today
            new("220403", Day.AddDays(-1), null, Day.AddDays(1)),    // confirmed tomorrow: still suspected today
            new("220402", Day.AddDays(1), null, null),               // tomorrow: not yet
        ];
        var f = BulletinCounter.Count(Day, BulletinLevel.City, City, Places, [], [], suspected);
        Assert.Equal((1, 5, 2, 1, 2), (f.NewSuspected, f.CumulativeSuspected, f.SuspectedExcluded, f.SuspectedConverted, f.CurrentSuspected));
        var before = BulletinCounter.Count(Day.AddDays(-1), BulletinLevel.City, City, Places, [], [], suspected);
        Assert.Equal((2, 4, 1, 0, 3), (before.NewSuspected, before.CumulativeSuspected, before.SuspectedExcluded, before.SuspectedConverted, before.CurrentSuspected));
    }
}
