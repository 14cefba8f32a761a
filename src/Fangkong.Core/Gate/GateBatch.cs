using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.People;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// One request's outcome in a group: an answer and its note, or the refusal that request alone earned. Neither is worded
/// here: a group is decided on the queue's loop for callers reading in different languages, so the note is a message and
/// the refusal is made by <see cref="GateQueue"/> in the caller's own context (ADR 0020).
/// </summary>
internal readonly record struct GateResult(GateAnswer? Answer, Message? Note = null, Func<Exception>? Refusal = null);

/// <summary>
/// Decides and writes one group of gate requests in a single transaction. Everything a decision needs is
/// read once per group with set queries — visitors, colours, tests, occupancy, open visits, earlier
/// attempts — so the cost per request is a share of a few round trips, not a few round trips of its own.
/// </summary>
public sealed class GateBatch(IDbContextFactory<FangkongDb> dbs, ICodeRecompute codes, TimeOrderedIds ids, GatePolicy policy, CityClock clock, IVisitWrites visitWrites, IVenueClosures closures)
{
    /// <summary>
    /// Synchronous on purpose: it runs on a lane's own thread (<see cref="GateQueue"/>), so the group's chain of round trips
    /// never waits in the thread pool's queue behind the HTTP requests that fill it at a peak (ADR 0032).
    /// </summary>
    internal GateResult[] Commit(IReadOnlyList<PendingGate> items)
    {
        var ct = CancellationToken.None;
        using var db = dbs.CreateDbContext();
        using var tx = db.Database.BeginTransaction();
        var now = clock.UtcNow;

        var deviceIds = items.Select(i => i.Device.Id).Distinct().ToList();
        var keys = items.Select(i => i.Request.IdempotencyKey!).Distinct().ToList();
        var earlierByKey = db.GateEvents.AsNoTracking()
            .Where(e => deviceIds.Contains(e.DeviceId) && keys.Contains(e.IdempotencyKey)).ToList()
            .ToDictionary(e => (e.DeviceId, e.IdempotencyKey));

        // Capped venues locked before their occupancy is counted, so instances deciding for one venue take turns (ADR 0044).
        VenueLock.ForEntries(db, items);
        // Open visits at the group's venues, in one read: their count is the occupancy, and they are the
        // visits an exit closes or a double swipe finds. Bounded by how many people are inside.
        var venueIds = items.Select(i => i.Venue.Id).Distinct().ToList();
        var openRows = db.Visits.AsNoTracking().Where(v => venueIds.Contains(v.VenueId) && v.ExitedAtUtc == null)
            .Select(v => new { v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc }).ToList();
        var occupancy = openRows.GroupBy(v => v.VenueId).ToDictionary(g => g.Key, g => g.Count());
        var open = openRows.GroupBy(v => (v.PersonId, v.VenueId))
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.EnteredAtUtc).Select(v => (v.Id, v.EnteredAtUtc)).Last());

        // A request whose key was seen before (stored, or earlier in this group) is a retry to answer or a reuse to refuse:
        // either way it writes nothing, so it must not register a first-time visitor either.
        var retry = new bool[items.Count];
        var seen = new HashSet<(long, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var key = (items[i].Device.Id, items[i].Request.IdempotencyKey!);
            retry[i] = earlierByKey.ContainsKey(key) || !seen.Add(key);
        }
        // A reading no body could have (a typo, °F) is answered "measure again": nothing is written, nobody registered.
        var remeasure = items.Select(i => i.Request.Direction == GateDirection.In && i.Request.Temperature is { } t
            && Temperature.Classify(t, policy) == TemperatureReading.Implausible).ToArray();
        var visitors = ResolveVisitors(db, items, retry.Select((r, i) => r || remeasure[i]).ToArray(), now);
        var negatives = LatestNegatives(db, items, visitors);
        var zones = ZoneStandings(db, items, visitors);
        var closed = closures.Closed(db, [.. items.Select(i => i.Venue).DistinctBy(v => v.Id)], now);

        var results = new GateResult[items.Count];
        var firstInGroup = new Dictionary<(long, string), int>();
        var fevers = new HashSet<long>();
        var added = new Dictionary<long, Visit>();
        var events = new List<GateEvent>(items.Count);
        var exits = new List<(long VisitId, DateTime ExitedAtUtc)>();
        var writes = new GroupWrites(db);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var r = item.Request;
            var venue = item.Venue;
            var key = (item.Device.Id, r.IdempotencyKey!);
            // A retry is the same request again and gets the first answer; the same key with another request is refused,
            // or a second visitor's denial (or entry) would be answered with the first visitor's result and never recorded.
            var fingerprint = GateFingerprint.Of(r, item.Visitor.Method, visitors[i].PersonId);
            if (earlierByKey.TryGetValue(key, out var prior))
            {
                results[i] = GateFingerprint.Of(r, item.Visitor.Method, visitors[i].PersonId, prior.Direction) == GateFingerprint.Of(prior)
                    ? new GateResult(Replay(prior, item.Venue, visitors[i], occupancy.GetValueOrDefault(item.Venue.Id)), new Message("Gate.Note.Retry"))
                    : new GateResult(null, Refusal: GateFingerprint.Reused);
                continue;
            }
            if (firstInGroup.TryGetValue(key, out var j))
            {
                results[i] = fingerprint != GateFingerprint.Of(items[j].Request, items[j].Visitor.Method, visitors[j].PersonId)
                    ? new GateResult(null, Refusal: GateFingerprint.Reused)
                    : results[j] with { Answer = results[j].Answer is { } first ? first with { Replayed = true } : null };
                continue;
            }
            var (personId, name, colour) = visitors[i];
            if (remeasure[i])
            {
                results[i] = new GateResult(new GateAnswer(null, GateOutcome.Remeasure, [DenyReason.ImplausibleTemperature],
                    Masking.Name(personId > 0 ? name : item.Visitor.Name), colour, null, 0, venue.Capacity, false, now, null), new Message("Gate.Note.Remeasure"));
                continue;
            }
            firstInGroup[key] = i;
            if (personId == 0)
            {
                results[i] = new GateResult(null, Refusal: static () => new InputException("qr", Messages.Get("Gate.UnknownCodePerson")));
                continue;
            }

            var at = r.DeviceTimeUtc ?? now;
            var occ = occupancy.GetValueOrDefault(venue.Id);
            (long Id, DateTime EnteredAtUtc)? inside = open.TryGetValue((personId, venue.Id), out var o) ? o : null;
            // A venue-code scan is an entry, or the exit of someone already inside (ADR 0038).
            var direction = r.Direction != GateDirection.NextScan ? r.Direction : inside is null ? GateDirection.In : GateDirection.Out;
            var ev = new GateEvent
            {
                Id = ids.Next(),
                DeviceId = item.Device.Id,
                IdempotencyKey = r.IdempotencyKey!,
                VenueId = venue.Id,
                PersonId = personId,
                Direction = direction,
                Method = item.Visitor.Method,
                AtUtc = now,
                DeviceTimeUtc = r.DeviceTimeUtc,
                Temperature = r.Temperature,
                OperatorUserId = r.OperatorUserId,
                PolicyVersion = policy.Version,
            };
            Message? note = null;
            if (direction == GateDirection.In)
            {
                // A double swipe by someone already inside is not a second entry and does not count against the cap.
                var decision = GateRules.Decide(new EntryFacts(r.Temperature, colour, inside is null ? occ : 0, venue.Capacity,
                    venue.AllowsYellow, venue.RequiredNegativeTestHours, negatives.GetValueOrDefault(personId), now, zones[i],
                    closed.ContainsKey(venue.Id)), policy);
                ev.Outcome = decision.Outcome;
                // A closed venue's answer names the order that closed it (issue 24).
                if (closed.TryGetValue(venue.Id, out var order)) note = new Message("Gate.Note.ClosedByOrder", order.Number, order.Authority);
                ev.Reasons = FormatReasons(decision.Reasons);
                if (decision.Reasons.Contains(DenyReason.Fever)) fevers.Add(personId);
                if (decision.Admitted && inside is { } already)
                {
                    ev.VisitId = already.Id;
                    note = new Message("Gate.Note.AlreadyInside");
                }
                else if (decision.Admitted)
                {
                    var visit = new Visit
                    {
                        Id = ids.Next(),
                        PersonId = personId,
                        VenueId = venue.Id,
                        EntryDeviceId = item.Device.Id,
                        EnteredAtUtc = at,
                        Method = item.Visitor.Method,
                        Temperature = r.Temperature,
                    };
                    added[visit.Id] = visit;
                    open[(personId, venue.Id)] = (visit.Id, visit.EnteredAtUtc);
                    ev.VisitId = visit.Id;
                    occupancy[venue.Id] = ++occ;
                }
            }
            else if (GateRules.ExitBars(zones[i]) is { Count: > 0 } barred)
            {
                // A sealed compound's gate lets none of its residents out: the visit stays open.
                ev.Outcome = GateOutcome.Deny;
                ev.Reasons = FormatReasons(barred);
                ev.VisitId = inside?.Id;
            }
            else
            {
                ev.Outcome = GateOutcome.Admit;
                if (inside is { } stay)
                {
                    var exit = at < stay.EnteredAtUtc ? stay.EnteredAtUtc : at;
                    if (added.TryGetValue(stay.Id, out var fresh)) fresh.ExitedAtUtc = exit; // entered and left within one group
                    else
                    {
                        writes.Set<Visit, DateTime?>(stay.Id, v => v.ExitedAtUtc, exit);
                        exits.Add((stay.Id, exit));
                    }
                    ev.VisitId = stay.Id;
                    open.Remove((personId, venue.Id));
                    occupancy[venue.Id] = occ = Math.Max(0, occ - 1);
                }
                else
                {
                    note = new Message("Gate.Note.NoOpenEntry");
                }
            }
            events.Add(ev);
            results[i] = new GateResult(new GateAnswer(ev.Id, ev.Outcome, ParseReasons(ev.Reasons), Masking.Name(name), colour,
                ev.VisitId, occ, venue.Capacity, false, now, null, direction), note);
        }

        // The group's new visits, events and exits written without change tracking, in one round trip on PostgreSQL;
        // first-time visitors through the context, first (ADR 0032).
        writes.Insert(added.Values);
        writes.Insert(events);
        writes.Execute();
        if (fevers.Count > 0)
        {
            // A fever turns the code yellow at once (domain.md §2): the group's fevers are recomputed together.
            // Rare (fevers only), and async all the way down: waited for here, on the lane's own thread.
            var decisions = codes.RecomputeEachAsync(db, fevers, ct).GetAwaiter().GetResult();
            for (var i = 0; i < items.Count; i++)
                if (decisions.TryGetValue(visitors[i].PersonId, out var d) && results[i].Answer is { } a) results[i] = results[i] with { Answer = a with { Colour = d.Colour } };
            db.SaveChanges();
        }
        tx.Commit();
        visitWrites.Committed(added.Values.Select(v => new VisitWrite(v.Id, v.PersonId, v.VenueId, v.EnteredAtUtc, v.ExitedAtUtc)), exits); // durable now: the contact index takes the group's visits (ADR 0033)
        return results;
    }

    /// <summary>The first answer again, for a retry (its note says so): everything it shows was read for the group already.</summary>
    private static GateAnswer Replay(GateEvent first, Venue venue, (long PersonId, string Name, CodeColour Colour) visitor, int occupancy) =>
        new(first.Id, first.Outcome, ParseReasons(first.Reasons), Masking.Name(visitor.Name), visitor.Colour, first.VisitId, occupancy,
            venue.Capacity, true, first.AtUtc, null, first.Direction);

    /// <summary>
    /// Person id, name and current colour for each request (id 0 for a code whose person is unknown) — the gate's one
    /// visitor lookup. A first-time visitor with a valid document is registered once per group, unless the request writes
    /// nothing (a retry or a re-measure: id -1, no such person).
    /// </summary>
    private (long PersonId, string Name, CodeColour Colour)[] ResolveVisitors(FangkongDb db, IReadOnlyList<PendingGate> items,
        bool[] writesNothing, DateTime now)
    {
        var tokens = items.Where(i => i.Visitor.Token is not null).Select(i => i.Visitor.Token!).Distinct().ToList();
        var numbers = items.Where(i => i.Visitor.DocumentNumber is not null).Select(i => i.Visitor.DocumentNumber!).Distinct().ToList();
        var byPerson = items.Where(i => i.Visitor.PersonId is not null).Select(i => i.Visitor.PersonId!.Value).Distinct().ToList();
        // Each person with their current colour (absent state = green), in one round trip per kind of key.
        var byToken = tokens.Count == 0 ? [] : (db.Persons.AsNoTracking().Where(p => tokens.Contains(p.Token))
            .Select(p => new { p.Token, p.Id, p.Name, Colour = db.Colours.Where(h => h.PersonId == p.Id).Select(h => (CodeColour?)h.Colour).FirstOrDefault() })
            .ToList()).ToDictionary(p => p.Token, p => (p.Id, p.Name, p.Colour ?? CodeColour.Green));
        var byDocument = numbers.Count == 0 ? [] : (db.Persons.AsNoTracking().Where(p => numbers.Contains(p.DocumentNumber))
            .Select(p => new { p.DocumentType, p.DocumentNumber, p.Id, p.Name, Colour = db.Colours.Where(h => h.PersonId == p.Id).Select(h => (CodeColour?)h.Colour).FirstOrDefault() })
            .ToList()).ToDictionary(p => (p.DocumentType, p.DocumentNumber), p => (p.Id, p.Name, p.Colour ?? CodeColour.Green));

        var byId = byPerson.Count == 0 ? [] : (db.Persons.AsNoTracking().Where(p => byPerson.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Colour = db.Colours.Where(h => h.PersonId == p.Id).Select(h => (CodeColour?)h.Colour).FirstOrDefault() })
            .ToList()).ToDictionary(p => p.Id, p => (p.Id, p.Name, p.Colour ?? CodeColour.Green));

        var result = new (long, string, CodeColour)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var v = items[i].Visitor;
            if (v.PersonId is { } personId)
            {
                result[i] = byId.TryGetValue(personId, out var knownPerson) ? knownPerson : (0, "", CodeColour.Green);
                continue;
            }
            if (v.Token is { } token)
            {
                result[i] = byToken.TryGetValue(token, out var known) ? known : (0, "", CodeColour.Green);
                continue;
            }
            var docKey = (v.DocumentType!.Value, v.DocumentNumber!);
            var registered = byDocument.TryGetValue(docKey, out var person);
            if (!registered && writesNothing[i])
            {
                result[i] = (-1, "", CodeColour.Green); // nobody with this document, and nothing to register
                continue;
            }
            if (!registered)
            {
                person = (ids.Next(), v.Name, CodeColour.Green);
                var parsed = v.DocumentType == DocumentType.ResidentIdCard && ResidentIdNumber.TryParse(v.DocumentNumber, clock.Today, out var rid) ? rid : (ResidentIdNumber?)null;
                db.Persons.Add(new Person
                {
                    Id = person.Item1,
                    DocumentType = docKey.Item1,
                    DocumentNumber = docKey.Item2,
                    Name = v.Name,
                    Sex = parsed?.Sex ?? Sex.Male,
                    BirthDate = parsed?.BirthDate,
                    Token = PersonTokens.New(),
                    CreatedAtUtc = now,
                });
                byDocument[docKey] = person;
            }
            result[i] = person;
        }
        return result;
    }

    /// <summary>
    /// Where each visitor who lives in a zone in force stands at this gate (null for everyone else): the highest level over
    /// their household, and whether the gate is their own compound's, another inside that zone, or outside it. Read through
    /// <see cref="FangkongDb.ZonedHouseholds"/> in two queries for the whole group.
    /// </summary>
    private static ZoneStanding?[] ZoneStandings(FangkongDb db, IReadOnlyList<PendingGate> items,
        (long PersonId, string Name, CodeColour Colour)[] visitors)
    {
        var result = new ZoneStanding?[items.Count];
        var persons = visitors.Where(v => v.PersonId > 0).Select(v => v.PersonId).Distinct().ToList();
        if (persons.Count == 0) return result;
        var homes = (from p in db.Persons
                     where persons.Contains(p.Id)
                     join z in db.ZonedHouseholds on p.HouseholdId equals (long?)z.HouseholdId
                     select new { PersonId = p.Id, z.ZoneId, z.CompoundId, z.Level }).ToList();
        if (homes.Count == 0) return result;
        var zoneIds = homes.Select(h => h.ZoneId).Distinct().ToList();
        var venueCompounds = items.Where(i => i.Venue.CompoundId is not null).Select(i => i.Venue.CompoundId!.Value).Distinct().ToList();
        var zoneCompounds = venueCompounds.Count == 0 ? [] : (db.ZonedHouseholds
            .Where(z => zoneIds.Contains(z.ZoneId) && venueCompounds.Contains(z.CompoundId))
            .Select(z => new { z.ZoneId, z.CompoundId }).Distinct().ToList()).Select(x => (x.ZoneId, x.CompoundId)).ToHashSet();
        for (var i = 0; i < items.Count; i++)
        {
            var mine = homes.Where(h => h.PersonId == visitors[i].PersonId).ToList();
            if (mine.Count == 0) continue;
            var level = mine.Max(h => h.Level);
            var at = items[i].Venue.CompoundId;
            var place = at is { } c && mine.Any(h => h.CompoundId == c) ? GatePlace.Home
                : at is { } d && mine.Any(h => zoneCompounds.Contains((h.ZoneId, d))) ? GatePlace.InsideZone
                : GatePlace.OutsideZone;
            result[i] = new ZoneStanding(level, place);
        }
        return result;
    }

    /// <summary>The latest negative sampling time per person, only for requests at venues that require a test.</summary>
    private static Dictionary<long, DateTime?> LatestNegatives(FangkongDb db, IReadOnlyList<PendingGate> items,
        (long PersonId, string Name, CodeColour Colour)[] visitors)
    {
        var needed = items.Select((item, i) => (item, i)).Where(x => x.item.Venue.RequiredNegativeTestHours is not null && visitors[x.i].PersonId > 0)
            .Select(x => visitors[x.i].PersonId).Distinct().ToList();
        if (needed.Count == 0) return [];
        return (db.TestResults.Where(t => needed.Contains(t.PersonId) && t.Outcome == TestOutcome.Negative)
            .GroupBy(t => t.PersonId).Select(g => new { g.Key, Latest = g.Max(t => t.SampledAtUtc) }).ToList())
            .ToDictionary(x => x.Key, x => (DateTime?)x.Latest);
    }

    internal static string FormatReasons(IEnumerable<DenyReason> reasons) => string.Join(",", reasons);

    internal static IReadOnlyList<DenyReason> ParseReasons(string s) =>
        string.IsNullOrEmpty(s) ? [] : s.Split(',').Select(Enum.Parse<DenyReason>).ToList();
}
