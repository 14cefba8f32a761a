using System.Security.Cryptography;
using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.Gate;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>Decides and writes one group of gate requests in a single transaction.</summary>
public sealed class GateBatch(IDbContextFactory<FangkongDb> dbs, HealthCodeService codes, TimeOrderedIds ids, GatePolicy policy, CityClock clock)
{
    internal async Task<GateAnswer[]> CommitAsync(IReadOnlyList<PendingGate> items, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;

        var deviceIds = items.Select(i => i.Device.Id).Distinct().ToList();
        var keys = items.Select(i => i.Request.IdempotencyKey!).Distinct().ToList();
        var earlier = await db.GateEvents.AsNoTracking()
            .Where(e => deviceIds.Contains(e.DeviceId) && keys.Contains(e.IdempotencyKey)).ToListAsync(ct);
        var earlierByKey = earlier.ToDictionary(e => (e.DeviceId, e.IdempotencyKey));

        var venueIds = items.Select(i => i.Venue.Id).Distinct().ToList();
        var occupancy = (await db.Visits.Where(v => venueIds.Contains(v.VenueId) && v.ExitedAtUtc == null)
            .GroupBy(v => v.VenueId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);

        var persons = await ResolvePersonsAsync(db, items, now, ct);
        var personIds = persons.Distinct().ToList();
        var open = (await db.Visits.Where(v => personIds.Contains(v.PersonId) && venueIds.Contains(v.VenueId) && v.ExitedAtUtc == null)
            .ToListAsync(ct)).GroupBy(v => (v.PersonId, v.VenueId)).ToDictionary(g => g.Key, g => g.OrderBy(v => v.EnteredAtUtc).Last());

        var answers = new GateAnswer[items.Count];
        var firstInGroup = new Dictionary<(long, string), int>();
        var fevers = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var r = item.Request;
            var venue = item.Venue;
            var key = (item.Device.Id, r.IdempotencyKey!);
            if (earlierByKey.TryGetValue(key, out var prior))
            {
                answers[i] = await GateWriter.ReplayAnswerAsync(db, prior, ct);
                continue;
            }
            if (firstInGroup.TryGetValue(key, out var j))
            {
                answers[i] = answers[j] with { Replayed = true };
                continue;
            }
            firstInGroup[key] = i;

            var personId = persons[i];
            var at = r.DeviceTimeUtc ?? now;
            var occ = occupancy.GetValueOrDefault(venue.Id);
            var ev = new GateEvent
            {
                Id = ids.Next(),
                DeviceId = item.Device.Id,
                IdempotencyKey = r.IdempotencyKey!,
                VenueId = venue.Id,
                PersonId = personId,
                Direction = r.Direction,
                Method = item.Identity.Method,
                AtUtc = now,
                DeviceTimeUtc = r.DeviceTimeUtc,
                Temperature = r.Temperature,
                OperatorUserId = r.OperatorUserId,
                PolicyVersion = policy.Version,
            };
            string? note = null;
            open.TryGetValue((personId, venue.Id), out var inside);
            if (r.Direction == GateDirection.In)
            {
                var decision = GateRules.Decide(new EntryFacts(r.Temperature!.Value, item.Colour, occ, venue.Capacity,
                    venue.AllowsYellow, venue.RequiredNegativeTestHours, item.LatestNegativeUtc, now), policy);
                // A double swipe by someone already inside is not a second entry and must not count twice.
                if (inside is not null && decision.Admitted)
                    decision = GateRules.Decide(new EntryFacts(r.Temperature.Value, item.Colour, 0, venue.Capacity,
                        venue.AllowsYellow, venue.RequiredNegativeTestHours, item.LatestNegativeUtc, now), policy);
                ev.Outcome = decision.Outcome;
                ev.Reasons = FormatReasons(decision.Reasons);
                if (decision.Reasons.Contains(DenyReason.Fever)) fevers.Add(personId);
                if (decision.Admitted && inside is not null)
                {
                    ev.VisitId = inside.Id;
                    note = "已在场内 / already inside";
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
                        Method = item.Identity.Method,
                        Temperature = r.Temperature,
                    };
                    db.Visits.Add(visit);
                    open[(personId, venue.Id)] = visit;
                    ev.VisitId = visit.Id;
                    occupancy[venue.Id] = ++occ;
                }
            }
            else
            {
                ev.Outcome = GateOutcome.Admit;
                if (inside is not null)
                {
                    inside.ExitedAtUtc = at < inside.EnteredAtUtc ? inside.EnteredAtUtc : at;
                    ev.VisitId = inside.Id;
                    open.Remove((personId, venue.Id));
                    occupancy[venue.Id] = occ = Math.Max(0, occ - 1);
                }
                else
                {
                    note = "未找到入场记录 / no open entry at this venue";
                }
            }
            db.GateEvents.Add(ev);
            answers[i] = new GateAnswer(ev.Id, ev.Outcome, ParseReasons(ev.Reasons), Masking.Name(item.Identity.Name), item.Colour,
                ev.VisitId, occ, venue.Capacity, false, now, note);
        }

        await db.SaveChangesAsync(ct);
        foreach (var pid in fevers)
        {
            var decision = await codes.RecomputeAsync(db, pid, ct);
            for (var i = 0; i < items.Count; i++)
                if (persons[i] == pid) answers[i] = answers[i] with { Colour = decision.Colour };
        }
        if (fevers.Count > 0) await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return answers;
    }

    /// <summary>Known visitors keep their id; a first-time visitor with a valid document is registered once per group.</summary>
    private async Task<long[]> ResolvePersonsAsync(FangkongDb db, IReadOnlyList<PendingGate> items, DateTime now, CancellationToken ct)
    {
        var result = new long[items.Count];
        var unknown = items.Where(i => i.Identity.PersonId is null).Select(i => i.Identity.DocumentNumber!).Distinct().ToList();
        var found = unknown.Count == 0
            ? []
            : (await db.Persons.Where(p => unknown.Contains(p.DocumentNumber)).Select(p => new { p.DocumentType, p.DocumentNumber, p.Id }).ToListAsync(ct))
                .ToDictionary(p => (p.DocumentType, p.DocumentNumber), p => p.Id);
        for (var i = 0; i < items.Count; i++)
        {
            var id = items[i].Identity;
            if (id.PersonId is { } known) { result[i] = known; continue; }
            var docKey = (id.DocumentType!.Value, id.DocumentNumber!);
            if (!found.TryGetValue(docKey, out var pid))
            {
                pid = ids.Next();
                var parsed = id.DocumentType == DocumentType.ResidentIdCard && ResidentIdNumber.TryParse(id.DocumentNumber, clock.Today, out var rid) ? rid : (ResidentIdNumber?)null;
                db.Persons.Add(new Person
                {
                    Id = pid,
                    DocumentType = docKey.Item1,
                    DocumentNumber = docKey.Item2,
                    Name = id.Name,
                    Sex = parsed?.Sex ?? Sex.Male,
                    BirthDate = parsed?.BirthDate,
                    Token = NewToken(),
                    CreatedAtUtc = now,
                });
                found[docKey] = pid;
            }
            result[i] = pid;
        }
        return result;
    }

    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static string FormatReasons(IEnumerable<DenyReason> reasons) => string.Join(",", reasons);

    internal static IReadOnlyList<DenyReason> ParseReasons(string s) =>
        string.IsNullOrEmpty(s) ? [] : s.Split(',').Select(Enum.Parse<DenyReason>).ToList();
}
