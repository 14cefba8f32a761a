using System.Runtime.InteropServices;
using Fangkong.Domain.Places;

namespace Fangkong.Domain.Tracing;

/// <summary>Why someone is proposed as a contact: the shared visit, where, when and how long the stays overlapped.</summary>
public sealed record ContactEvidence(long PersonId, long VenueId, DateTime SourceInUtc, DateTime SourceOutUtc,
    DateTime ContactInUtc, DateTime ContactOutUtc, TimeSpan Overlap)
{
    /// <summary>When the two first shared the venue: the start of a secondary contact's window for this contact.</summary>
    public DateTime FirstTogetherUtc => SourceInUtc > ContactInUtc ? SourceInUtc : ContactInUtc;
}

/// <summary>A pair of persons together at a venue, for risk-venue co-presence lists.</summary>
public readonly record struct CoPresence(long PersonA, long PersonB, long VenueId, long FromTicks, long ToTicks);

/// <summary>
/// Finds, over an in-memory <see cref="PresenceIndex"/>, the persons whose stays overlapped a source person's stays inside
/// a window at close-contact-grade venues by at least the venue type's threshold. Each contact is reported once, with
/// the earliest qualifying shared visit as evidence (the start of their own exposure).
/// </summary>
public static class ContactFinder
{
    /// <param name="sourceStays">The case's (or close contact's) own stays, from its visit records.</param>
    /// <param name="venueType">The type of a venue; null for an unknown venue, which is skipped.</param>
    /// <param name="exclude">Persons never proposed (the source itself, household members found another way, known cases).</param>
    public static IReadOnlyList<ContactEvidence> Find(PresenceIndex index, IEnumerable<Presence> sourceStays, ExposureWindow window,
        Func<long, VenueType?> venueType, ContactThresholds thresholds, IReadOnlySet<long> exclude)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(sourceStays);
        ArgumentNullException.ThrowIfNull(venueType);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(exclude);
        var found = new Dictionary<long, ContactEvidence>();
        var hits = new List<int>();
        foreach (var s in sourceStays)
        {
            // Only the part of the stay inside the window exposes anyone.
            var from = Math.Max(s.InTicks, window.StartUtc.Ticks);
            var to = Math.Min(s.OutTicks, window.EndUtc.Ticks);
            if (to <= from || venueType(s.VenueId) is not { } type || thresholds.MinimumOverlap(type) is not { } min) continue;
            hits.Clear();
            index.Overlapping(s.VenueId, from, to, hits);
            foreach (var h in hits)
            {
                ref readonly var other = ref index[h];
                if (other.PersonId == s.PersonId || exclude.Contains(other.PersonId)) continue;
                var overlap = new TimeSpan(Math.Min(to, other.OutTicks) - Math.Max(from, other.InTicks));
                if (overlap <= TimeSpan.Zero || overlap < min) continue;
                // Colleagues and fellow passengers meet day after day: evidence is built only when it is the earliest yet.
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(found, other.PersonId, out var seen);
                if (seen && known!.FirstTogetherUtc.Ticks <= Math.Max(s.InTicks, other.InTicks)) continue;
                known = new ContactEvidence(other.PersonId, s.VenueId, Utc(s.InTicks), Utc(s.OutTicks), Utc(other.InTicks), Utc(other.OutTicks), overlap);
            }
        }
        // (first together, person) is unique, so an unstable sort gives the one order; cheaper than OrderBy().ThenBy()
        // with hundreds of contacts a case.
        var result = found.Values.ToArray();
        Array.Sort(result, static (x, y) => x.FirstTogetherUtc != y.FirstTogetherUtc ? x.FirstTogetherUtc.CompareTo(y.FirstTogetherUtc) : x.PersonId.CompareTo(y.PersonId));
        return result;
    }

    /// <summary>
    /// Every pair of persons together at a venue within [from, to) for at least <paramref name="minimum"/>: a sweep over
    /// the venue's stays in entry order, keeping those still inside.
    /// </summary>
    public static void Pairs(PresenceIndex index, long venueId, long fromTicks, long toTicks, TimeSpan minimum, List<CoPresence> into)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(into);
        // The stays still inside: (person, exit clipped to `to`). Dropping those gone is an in-place compaction, not
        // RemoveAll with a closure per stay: at a school or a workplace this loop is the whole cost.
        var active = new List<(long PersonId, long To)>();
        foreach (var s in index.AtVenue(venueId))
        {
            if (s.InTicks >= toTicks) break;
            var sFrom = Math.Max(s.InTicks, fromTicks);
            var sTo = Math.Min(s.OutTicks, toTicks);
            if (sTo <= sFrom) continue;
            var still = CollectionsMarshal.AsSpan(active);
            var kept = 0;
            foreach (ref readonly var a in still)
            {
                if (a.To <= sFrom) continue;
                still[kept++] = a;
                if (a.PersonId == s.PersonId) continue;
                // Entered in order, so the overlap starts at this stay's (clipped) entry.
                var overlapTo = Math.Min(sTo, a.To);
                if (overlapTo - sFrom >= minimum.Ticks && overlapTo > sFrom)
                    into.Add(new CoPresence(Math.Min(a.PersonId, s.PersonId), Math.Max(a.PersonId, s.PersonId), venueId, sFrom, overlapTo));
            }
            CollectionsMarshal.SetCount(active, kept);
            active.Add((s.PersonId, sTo));
        }
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
