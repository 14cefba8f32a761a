using Fangkong.Domain.Tracing;
namespace Fangkong.Domain.Command;

/// <summary>
/// What the bulletin needs of one case, in city dates: where it counts, its type now (null while asymptomatic), when it
/// was reported, when an asymptomatic infection was confirmed, and how and when it ended; the symptom onset, if any, for
/// the epidemic curve. Suspected cases are not facts.
/// </summary>
public sealed record CaseFact(string Place, ClinicalType? Type, DateOnly Reported, DateOnly? Converted, CaseOutcome Outcome, DateOnly? OutcomeDate, DateOnly? Onset = null)
{
    /// <summary>The day it became a confirmed case: its report, or its conversion; null while asymptomatic.</summary>
    public DateOnly? ConfirmedOn => Type is null ? null : Converted is { } c && c > Reported ? c : Reported;

    /// <summary>Reported as an asymptomatic infection (a case confirmed on its report day never was).</summary>
    public bool ReportedAsymptomatic => Type is null || (Converted is { } c && c > Reported);

    public bool EndedBy(DateOnly day) => Outcome != CaseOutcome.None && OutcomeDate is { } d && d <= day;
}

/// <summary>
/// One designation of a person as a confirmed close or secondary contact of one case: the person, the day confirmed
/// (traced), the day released, if any, and the day the person was reported a case, if they were. A person near several
/// cases has several designations but counts once; a contact who became a case is counted as a case from that day, no
/// longer as a contact under medical observation (nor as released).
/// </summary>
public sealed record ContactFact(long Person, bool Secondary, DateOnly Traced, DateOnly? Released, DateOnly? BecameCase = null)
{
    public bool UnderObservationAt(DateOnly day) => Traced <= day && (Released is not { } r || r > day) && (BecameCase is not { } c || c > day);
}

/// <summary>
/// A suspected case (疑似病例), in city dates: where it counts, the day reported suspected, and how its course ended — the
/// day excluded, or the day confirmed (from then on it is a confirmed case, counted as a <see cref="CaseFact"/>).
/// </summary>
public sealed record SuspectedFact(string Place, DateOnly Suspected, DateOnly? Excluded, DateOnly? Confirmed);

/// <summary>Counts one day's bulletin figures from case and contact facts, by the rules of domain.md §9.</summary>
public static class BulletinCounter
{
    public static BulletinFigures Count(DateOnly day, BulletinLevel level, PlaceCount area, IReadOnlyDictionary<string, PlaceCount> places,
        IReadOnlyCollection<CaseFact> cases, IReadOnlyCollection<ContactFact> contacts, IReadOnlyCollection<SuspectedFact>? suspected = null)
    {
        var ever = (suspected ?? []).Where(s => s.Suspected <= day).ToList();
        var confirmedToday = cases.Where(c => c.ConfirmedOn == day).ToList();
        var asymptomaticToday = cases.Where(c => c.Reported == day && c.ReportedAsymptomatic).ToList();
        var conversions = confirmedToday.Where(c => c.Converted == day && c.Reported < day).ToList();
        var endedToday = cases.Where(c => c.Outcome is CaseOutcome.Discharged or CaseOutcome.Released && c.OutcomeDate == day).ToList();
        // Ended that day: a confirmed case is discharged; an infection still asymptomatic is released from observation.
        var discharged = endedToday.Where(c => c.ConfirmedOn is { } d && d <= day).ToList();
        var released = endedToday.Where(c => c.ConfirmedOn is not { } d || d > day).ToList();
        var confirmed = cases.Where(c => c.ConfirmedOn is { } d && d <= day).ToList();
        var asymptomatic = cases.Where(c => c.ReportedAsymptomatic && c.Reported <= day).ToList();
        return new BulletinFigures
        {
            Day = day,
            Level = level,
            AreaName = area.Name,
            AreaEnglishName = area.EnglishName,
            NewConfirmed = new ClinicalTypes(
                confirmedToday.Count(c => c.Type == ClinicalType.Mild), confirmedToday.Count(c => c.Type == ClinicalType.Common),
                confirmedToday.Count(c => c.Type == ClinicalType.Severe), confirmedToday.Count(c => c.Type == ClinicalType.Critical)),
            ConfirmedByPlace = ByPlace(confirmedToday, places),
            NewAsymptomatic = asymptomaticToday.Count,
            AsymptomaticByPlace = ByPlace(asymptomaticToday, places),
            Conversions = conversions.Count,
            ConversionsByPlace = ByPlace(conversions, places),
            Discharged = discharged.Count,
            DischargedByPlace = ByPlace(discharged, places),
            ReleasedAsymptomatic = released.Count,
            ReleasedAsymptomaticByPlace = ByPlace(released, places),
            CumulativeConfirmed = confirmed.Count,
            CumulativeDischarged = confirmed.Count(c => c.Outcome is CaseOutcome.Discharged or CaseOutcome.Released && c.EndedBy(day)),
            CumulativeDeaths = confirmed.Count(c => c.Outcome == CaseOutcome.Died && c.EndedBy(day)),
            CumulativeAsymptomatic = asymptomatic.Count,
            AsymptomaticUnderObservation = asymptomatic.Count(c => (c.ConfirmedOn is not { } d || d > day) && !c.EndedBy(day)),
            // Persons, not designations (a person close to four cases is one close contact), per grade: released ones are
            // counted per grade too, so the figure is the sum of the two grades' line lists.
            NewSuspected = ever.Count(s => s.Suspected == day),
            CumulativeSuspected = ever.Count,
            SuspectedExcluded = ever.Count(s => s.Excluded is { } x && x <= day),
            SuspectedConverted = ever.Count(s => s.Confirmed is { } c && c <= day),
            NewCloseContacts = Persons(contacts, c => !c.Secondary && c.Traced == day),
            NewSecondaryContacts = Persons(contacts, c => c.Secondary && c.Traced == day),
            ReleasedContacts = Persons(contacts, c => !c.Secondary && c.Released == day) + Persons(contacts, c => c.Secondary && c.Released == day),
            CloseContactsUnderObservation = Persons(contacts, c => !c.Secondary && c.UnderObservationAt(day)),
            SecondaryContactsUnderObservation = Persons(contacts, c => c.Secondary && c.UnderObservationAt(day)),
            CumulativeCloseContacts = Persons(contacts, c => !c.Secondary && c.Traced <= day),
            CumulativeCloseContactsReleased = Persons(contacts, c => !c.Secondary && c.Released is { } r && r <= day),
            CumulativeSecondaryContacts = Persons(contacts, c => c.Secondary && c.Traced <= day),
            CumulativeSecondaryContactsReleased = Persons(contacts, c => c.Secondary && c.Released is { } r && r <= day),
        };
    }

    /// <summary>How many distinct persons have at least one designation that satisfies <paramref name="predicate"/>.</summary>
    public static int Persons(IEnumerable<ContactFact> contacts, Func<ContactFact, bool> predicate) =>
        contacts.Where(predicate).Select(c => c.Person).Distinct().Count();

    private static List<PlaceCount> ByPlace(IEnumerable<CaseFact> cases, IReadOnlyDictionary<string, PlaceCount> places) =>
        BulletinOrder.Listed(cases.GroupBy(c => c.Place).Select(g =>
            (places.TryGetValue(g.Key, out var p) ? p : new PlaceCount(g.Key, g.Key, 0)) with { Count = g.Count() })).ToList();
}
