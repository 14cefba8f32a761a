using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>
/// Reads, decides and writes one group of sampling calls — tubes opened and swabs, from every table at once — in a single
/// transaction, the way the gate's group does (ADR 0004, 0032, 0035). What the decisions need is read with a few set
/// queries per group (earlier calls under the same keys, the tubes with their rounds, the scanned persons with their
/// roster rows, sites and open door tasks); the group's swabs, tube counts and roster stamps are written without change
/// tracking in one batch. The calls are decided in order, so a tube opened or a person swabbed earlier in the group is
/// seen by the calls after it. Nothing is answered before the commit.
/// </summary>
public sealed class SampleBatch(TimeOrderedIds ids, CityClock clock, ICodeRecompute codes)
{
    private sealed record RoundFacts(long Id, RoundStatus Status, RoundScope Scope, bool SingleTubeForKeyGroups, SamplingPolicy? Policy);

    private sealed record Scanned(long Id, string Name, string Token, DocumentType DocumentType, string DocumentNumber, bool NotGreen);

    private sealed record Stored(Sample Sample, Tube Tube, string? Name);

    private sealed record Rostered(long RoundId, long PersonId, long HouseholdId, bool KeyGroup, DateTime? SampledAtUtc, long? SiteId, bool OpenDoorTask);

    /// <summary>
    /// Synchronous on purpose: the queue runs it on a thread of its own, so the group's round trips never wait in the
    /// thread pool's queue behind the HTTP requests that fill it at a peak (ADR 0032).
    /// </summary>
    internal ScanResult[] Commit(FangkongDb db, IReadOnlyList<PendingScan> items, Func<FangkongDb>? sideContexts = null)
    {
        using var tx = db.Database.BeginTransaction();
        var swabs = items.OfType<PendingSwab>().ToList();
        var opens = items.OfType<PendingOpen>().ToList();
        var users = items.Select(i => i.UserId).Distinct().ToList();
        var swabKeys = swabs.Select(s => s.Key).Distinct().ToList();
        var barcodes = items.Select(i => i.Barcode).Distinct().ToList();
        var openKeys = opens.Select(o => o.Key).Distinct().ToList();
        var openRoundIds = opens.Where(o => o.RoundId is not null).Select(o => o.RoundId!.Value).Distinct().ToList();
        // The earlier swabs under the group's keys and the scanned persons do not depend on the tubes' read: on PostgreSQL,
        // from the queue, they are read at the same time on connections of their own, so the group waits for one round trip
        // instead of three. Nothing of this group is written yet, so they see what the transaction would see.
        var side = db.Database.IsNpgsql() ? sideContexts : null;

        // Swabs stored under the group's keys: a retry answered as it was first, or a key reused and refused.
        var storedRead = Beside(db, side, other => swabKeys.Count == 0 ? [] : (from s in other.Samples.AsNoTracking()
                                                                               where swabKeys.Contains(s.IdempotencyKey) && users.Contains(s.SamplerUserId)
                                                                               join t in other.Tubes.AsNoTracking() on s.TubeId equals t.Id
                                                                               select new Stored(s, t, other.Persons.Where(p => p.Id == s.PersonId).Select(p => p.Name).FirstOrDefault()))
            .ToList().ToDictionary(x => (x.Sample.SamplerUserId, x.Sample.IdempotencyKey)));
        // The scanned persons, with their roster rows in the rounds of the group's tubes (site, key group, open door task).
        var personsRead = Beside(db, side, other => Persons(other, swabs, barcodes, openRoundIds));

        // The group's tubes with their rounds' facts (and, when tubes are opened, the keys that opened tubes before).
        var wanted = openKeys.Count == 0 ? db.Tubes.AsNoTracking().Where(t => barcodes.Contains(t.Barcode))
            : db.Tubes.AsNoTracking().Where(t => barcodes.Contains(t.Barcode) || (openKeys.Contains(t.OpenKey) && users.Contains(t.OpenedByUserId)));
        var tubeRows = (from t in wanted
                        join r in db.TestingRounds on t.RoundId equals r.Id
                        select new { Tube = t, Round = new RoundFacts(r.Id, r.Status, r.Scope, r.SingleTubeForKeyGroups, null) }).ToList();
        var tubes = tubeRows.Where(x => barcodes.Contains(x.Tube.Barcode)).ToDictionary(x => x.Tube.Barcode, x => x.Tube);
        var readCounts = tubes.Values.ToDictionary(t => t.Id, t => t.Count);
        var usedOpenKeys = tubeRows.Select(x => (x.Tube.OpenedByUserId, x.Tube.OpenKey)).ToHashSet();
        var rounds = tubeRows.Select(x => x.Round).DistinctBy(r => r.Id).ToDictionary(r => r.Id);

        // Rounds and sites named by the group's opens.
        var openSiteIds = opens.Where(o => o.SiteId is not null).Select(o => o.SiteId!.Value).Distinct().ToList();
        var sitesInRound = new HashSet<(long Round, long Site)>();
        if (openRoundIds.Count > 0)
        {
            var named = (from r in db.TestingRounds.AsNoTracking()
                         where openRoundIds.Contains(r.Id)
                         select new { Round = r, Sites = db.SamplingSites.Where(s => s.RoundId == r.Id && openSiteIds.Contains(s.Id)).Select(s => s.Id).ToList() }).ToList();
            foreach (var n in named)
            {
                rounds[n.Round.Id] = new RoundFacts(n.Round.Id, n.Round.Status, n.Round.Scope, n.Round.SingleTubeForKeyGroups, n.Round.Policy);
                foreach (var s in n.Sites) sitesInRound.Add((n.Round.Id, s));
            }
        }
        var taskIds = opens.Select(o => o.DoorTaskId).Concat(tubes.Values.Select(t => t.DoorTaskId)).OfType<long>().Distinct().ToList();
        var doorTasks = taskIds.Count == 0 ? [] : db.DoorTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.RoundId, t.HouseholdId }).ToList().ToDictionary(t => t.Id, t => (t.RoundId, t.HouseholdId));

        var stored = storedRead();
        var (persons, roster) = personsRead();
        var visitorsSampled = VisitorsSampled(db, swabs, persons, roster, rounds.Keys.ToList());
        var tasksOf = ResampleTasks(db, swabs, tubes, opens, persons);

        var results = new ScanResult[items.Count];
        var writes = new GroupWrites(db);
        var newTubes = new List<Tube>();
        var samples = new List<Sample>();
        var firstSwab = new Dictionary<(long, string), (PendingSwab Swab, long PersonId, int Index)>();
        var sampledNow = new HashSet<(long Round, long Person)>();
        var takenTasks = new HashSet<long>();
        var doorHouseholds = new Dictionary<(long Round, long Household), DateTime>();
        var recolour = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is PendingOpen open)
            {
                results[i] = Open(open, tubes, rounds, sitesInRound, doorTasks, usedOpenKeys, newTubes);
                continue;
            }
            var swab = (PendingSwab)items[i];
            var scanned = Find(persons, swab);
            var key = (swab.UserId, swab.Key);
            if (stored.TryGetValue(key, out var prior))
            {
                results[i] = prior.Tube.Barcode == swab.Barcode && SameTime(swab.At, prior.Sample.AtUtc) && scanned?.Id == prior.Sample.PersonId
                    ? new ScanResult(null, new SampleDraft(prior.Sample.Id, Masking.Name(prior.Name ?? ""), [], SamplingService.View(prior.Tube), true), null)
                    : ScanResult.Refused(KeyReused);
                continue;
            }
            if (firstSwab.TryGetValue(key, out var first))
            {
                // The same key earlier in this group (a retry sent twice at once): its answer again, or a reuse refused.
                results[i] = first.Swab.Barcode == swab.Barcode && SameTime(swab.At, first.Swab.Time ?? default) && scanned?.Id == first.PersonId
                    ? results[first.Index] is { Sample: { } d } ? new ScanResult(null, d with { Replayed = true }, null) : results[first.Index]
                    : ScanResult.Refused(KeyReused);
                continue;
            }
            results[i] = Swab(swab, scanned, tubes, rounds, roster, visitorsSampled, tasksOf, doorTasks, sampledNow, takenTasks, out var written);
            if (written is null) continue;
            firstSwab[key] = (swab, written.PersonId, i);
            samples.Add(written);
            var tube = tubes[swab.Barcode];
            if (readCounts.TryGetValue(tube.Id, out var count))
            {
                // Guarded by the count the group read: a tube another instance filled meanwhile fails the group.
                writes.Update<Tube>(
                    [(nameof(Tube.Count), tube.Count), (nameof(Tube.FirstSampledAtUtc), tube.FirstSampledAtUtc), (nameof(Tube.ClosedAtUtc), tube.ClosedAtUtc)],
                    [(nameof(Tube.Id), tube.Id), (nameof(Tube.Count), count), (nameof(Tube.ClosedAtUtc), null)]);
                readCounts[tube.Id] = tube.Count;
            }
            if (roster.TryGetValue((tube.RoundId, written.PersonId), out var row))
            {
                if (!written.Resample)
                    writes.Update<RoundResident>([(nameof(RoundResident.SampledAtUtc), written.AtUtc)],
                        [(nameof(RoundResident.RoundId), row.RoundId), (nameof(RoundResident.PersonId), row.PersonId), (nameof(RoundResident.SampledAtUtc), null)]);
                if (row.OpenDoorTask) doorHouseholds[(row.RoundId, row.HouseholdId)] = written.AtUtc;
            }
            foreach (var task in tasksOf.GetValueOrDefault(written.PersonId, []).Where(t => takenTasks.Contains(t.Id) && t.SampleId is null))
            {
                task.SampleId = written.Id;
                writes.Update<ResampleTask>([(nameof(ResampleTask.SampleId), written.Id), (nameof(ResampleTask.DoneAtUtc), written.AtUtc)],
                    [(nameof(ResampleTask.Id), task.Id), (nameof(ResampleTask.DoneAtUtc), null)]);
            }
            if (persons.Values.First(p => p.Id == written.PersonId).NotGreen) recolour.Add(written.PersonId);
        }

        // Tubes first: a swab in this group may be in a tube opened in it.
        writes.Insert(newTubes);
        writes.Insert(samples);
        writes.Execute();
        // A door task is done when its household's last member is swabbed, however it happened (rare: households with one).
        foreach (var ((round, household), at) in doorHouseholds)
            DoorTasks.CompleteIfDoneAsync(db, round, household, at, CancellationToken.None).GetAwaiter().GetResult();
        if (recolour.Count > 0)
        {
            // A swab clears "missed a round" at once; other colours wait for the result. Rare, and async all the way down.
            codes.RecomputeEachAsync(db, recolour, CancellationToken.None).GetAwaiter().GetResult();
            db.SaveChanges();
        }
        tx.Commit();
        return results;
    }

    private ScanResult Open(PendingOpen o, Dictionary<string, Tube> tubes, Dictionary<long, RoundFacts> rounds, HashSet<(long, long)> sitesInRound,
        Dictionary<long, (long RoundId, long HouseholdId)> doorTasks, HashSet<(long, string)> usedOpenKeys, List<Tube> newTubes)
    {
        if (tubes.TryGetValue(o.Barcode, out var existing))
        {
            // The same device replaying its open (the same request again), or the same sampler rescanning a tube still open at the table.
            if (existing.OpenedByUserId == o.UserId && existing.OpenKey == o.Key)
                return SameOpen(existing, o) ? new ScanResult(SamplingService.View(existing), null, null) : ScanResult.Refused(KeyReused);
            if (existing.OpenedByUserId == o.UserId && existing.ClosedAtUtc is null) return new ScanResult(SamplingService.View(existing), null, null);
            var used = o.Barcode;
            return ScanResult.Refused(() => new ConflictException(Messages.Get("Testing.TubeUsed", used), SampleRefusals.TubeReused));
        }
        if (o.RoundId is not { } roundId) return ScanResult.Refused(static () => new InputException("roundId", Messages.Get("Testing.RoundRequired")));
        if (!rounds.TryGetValue(roundId, out var round) || round.Policy is null)
            return ScanResult.Refused(static () => new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound")));
        if (round.Status != RoundStatus.Open)
            return ScanResult.Refused(static () => new ConflictException(Messages.Get("Testing.RoundNotOpenForSampling"), SampleRefusals.RoundNotOpen));
        if (o.SiteId is not { } siteId) return ScanResult.Refused(static () => new InputException("siteId", Messages.Get("Testing.SiteRequired")));
        if (!sitesInRound.Contains((roundId, siteId)))
            return ScanResult.Refused(static () => new NotFoundException("siteId", Messages.Get("Testing.NoSuchSiteInRound")));
        if (!Enum.IsDefined(o.Kind)) return ScanResult.Refused(static () => new InputException("kind", Messages.Get("Testing.UnknownTubeKind")));
        if (o.DoorTaskId is { } taskId && !(doorTasks.TryGetValue(taskId, out var task) && task.RoundId == roundId))
            return ScanResult.Refused(static () => new NotFoundException("doorTaskId", Messages.Get("Testing.NoSuchDoorTaskInRound")));
        // This key already opened another tube (any round, any site): the device reused it.
        if (!usedOpenKeys.Add((o.UserId, o.Key))) return ScanResult.Refused(KeyReused);
        if (o.Time is not { } at) return ScanResult.Refused(DeviceTimeRefused);
        var tube = new Tube
        {
            Id = ids.Next(),
            RoundId = roundId,
            SiteId = siteId,
            Barcode = o.Barcode,
            Kind = o.Kind,
            Capacity = FanOut.Capacity(o.Kind, round.Policy),
            OpenedByUserId = o.UserId,
            OpenedAtUtc = at,
            OpenKey = o.Key,
            DoorTaskId = o.DoorTaskId,
        };
        tubes[o.Barcode] = tube;
        newTubes.Add(tube);
        return new ScanResult(SamplingService.View(tube), null, null);
    }

    private ScanResult Swab(PendingSwab s, Scanned? person, Dictionary<string, Tube> tubes, Dictionary<long, RoundFacts> rounds,
        Dictionary<(long, long), Rostered> roster, HashSet<(long, long)> visitorsSampled, Dictionary<long, List<ResampleTask>> tasksOf,
        Dictionary<long, (long RoundId, long HouseholdId)> doorTasks, HashSet<(long, long)> sampledNow, HashSet<long> takenTasks, out Sample? written)
    {
        written = null;
        if (!tubes.TryGetValue(s.Barcode, out var tube))
        {
            var code = s.Barcode;
            return ScanResult.Refused(() => new NotFoundException("barcode", Messages.Get("Testing.TubeNotOpened", code)));
        }
        if (tube.OpenedByUserId != s.UserId) return ScanResult.Refused(static () => new ForbiddenException(Messages.Get("Testing.AnotherSamplersTube")));
        if (tube.ClosedAtUtc is not null || tube.Count >= tube.Capacity) return ScanResult.Refused(TubeClosed);
        if (s.ScanError is { } bad) return ScanResult.Refused(bad);
        if (person is null)
            return ScanResult.Refused(s.Token is not null
                ? static () => new NotFoundException("scan", Messages.Get("Testing.CodeNamesNobody"))
                : static () => new NotFoundException("scan", Messages.Get("Testing.IdNotRegistered")));
        var round = rounds[tube.RoundId];
        if (round.Status != RoundStatus.Open)
            return ScanResult.Refused(static () => new ConflictException(Messages.Get("Testing.RoundNoLongerOpen"), SampleRefusals.RoundNotOpen));
        var masked = Masking.Name(person.Name);
        var row = roster.GetValueOrDefault((tube.RoundId, person.Id));
        var resample = tube.Kind == TubeKind.Resample;
        var warnings = new List<string>();
        if (!resample)
        {
            // The roster row answers for rostered persons, the samples table for visitors from outside the area, and this
            // group's own swabs for both; the unique index guards all of them under races with another instance.
            var sampled = sampledNow.Contains((tube.RoundId, person.Id))
                || (row is not null ? row.SampledAtUtc is not null : visitorsSampled.Contains((tube.RoundId, person.Id)));
            if (sampled) return ScanResult.Refused(() => new ConflictException(Messages.Get("Testing.AlreadySampled", masked), SampleRefusals.AlreadySampled));
            if (row is { KeyGroup: true } && round.SingleTubeForKeyGroups && tube.Kind is TubeKind.Pool or TubeKind.Household)
                return ScanResult.Refused(() => new ConflictException(Messages.Get("Testing.SingleTubeRequired", masked), SampleRefusals.SingleTubeRequired));
        }
        // The standing quarantine round has no area: its persons come by their schedule, not by where they live.
        if (round.Scope == RoundScope.Quarantine) { }
        else if (row is null) warnings.Add(SampleWarnings.OutsideArea);
        else
        {
            if (row.SiteId != tube.SiteId) warnings.Add(SampleWarnings.OtherSite);
            if (tube.DoorTaskId is { } taskId && !(doorTasks.TryGetValue(taskId, out var task) && task.HouseholdId == row.HouseholdId))
                warnings.Add(SampleWarnings.OtherHousehold);
        }
        if (s.Time is not { } at) return ScanResult.Refused(DeviceTimeRefused);
        if (resample)
        {
            // One single-tube swab answers every task it can: a positive pool's re-sampling and the quarantine test due
            // today. A quarantine test of an earlier day stays missed: its day is what the release rule counts.
            var today = DateOnly.FromDateTime(clock.ToLocal(at));
            var due = tasksOf.GetValueOrDefault(person.Id, []).Where(t => !takenTasks.Contains(t.Id) && (t.DueDate == null || t.DueDate == today)).ToList();
            if (due.Count == 0) warnings.Add(SampleWarnings.NoResampleTask);
            foreach (var t in due) takenTasks.Add(t.Id);
        }
        else sampledNow.Add((tube.RoundId, person.Id));

        written = new Sample
        {
            Id = ids.Next(),
            RoundId = tube.RoundId,
            TubeId = tube.Id,
            PersonId = person.Id,
            AtUtc = at,
            SamplerUserId = s.UserId,
            Resample = resample,
            AtHome = tube.DoorTaskId is not null,
            IdempotencyKey = s.Key,
        };
        // Counts the swab, stamps the tube's first sampling time and closes it when this swab fills it.
        tube.Count++;
        tube.FirstSampledAtUtc ??= at;
        if (tube.Count >= tube.Capacity) tube.ClosedAtUtc = at;
        return new ScanResult(null, new SampleDraft(written.Id, masked, warnings, SamplingService.View(tube), false), null);
    }

    /// <summary>Whom each scan names, with their roster rows in the group's rounds: one query per kind of scan in the group.</summary>
    private static (Dictionary<string, Scanned> Persons, Dictionary<(long, long), Rostered> Roster) Persons(FangkongDb db, List<PendingSwab> swabs,
        List<string> barcodes, List<long> openRoundIds)
    {
        var tubeRounds = db.Tubes.Where(t => barcodes.Contains(t.Barcode)).Select(t => t.RoundId);
        var persons = new Dictionary<string, Scanned>();
        var roster = new Dictionary<(long, long), Rostered>();
        var numbers = swabs.Where(s => s.Document is not null).Select(s => s.Document!).Distinct().ToList();
        var tokens = swabs.Where(s => s.Token is not null).Select(s => s.Token!).Distinct().ToList();
        void Read(IQueryable<People.Person> matching)
        {
            var rows = (from p in matching
                        from x in db.RoundResidents.Where(x => x.PersonId == p.Id && (tubeRounds.Contains(x.RoundId) || openRoundIds.Contains(x.RoundId))).DefaultIfEmpty()
                        select new
                        {
                            Person = new Scanned(p.Id, p.Name, p.Token, p.DocumentType, p.DocumentNumber,
                                db.Colours.Any(h => h.PersonId == p.Id && h.Colour != CodeColour.Green)),
                            RoundId = (long?)x!.RoundId,
                            HouseholdId = (long?)x.HouseholdId,
                            KeyGroup = (bool?)x.KeyGroup,
                            x.SampledAtUtc,
                            SiteId = db.SiteCompounds.Where(s => s.RoundId == x.RoundId && s.CompoundId == x.CompoundId).Select(s => (long?)s.SiteId).FirstOrDefault(),
                            OpenDoorTask = db.DoorTasks.Any(t => t.RoundId == x.RoundId && t.HouseholdId == x.HouseholdId && t.DoneAtUtc == null),
                        }).ToList();
            foreach (var r in rows)
            {
                persons[r.Person.Token] = r.Person;
                if (r.Person.DocumentType == DocumentType.ResidentIdCard) persons["#" + r.Person.DocumentNumber] = r.Person;
                if (r.RoundId is { } round)
                    roster[(round, r.Person.Id)] = new Rostered(round, r.Person.Id, r.HouseholdId!.Value, r.KeyGroup!.Value, r.SampledAtUtc, r.SiteId, r.OpenDoorTask);
            }
        }
        if (numbers.Count > 0) Read(db.Persons.AsNoTracking().Where(p => p.DocumentType == DocumentType.ResidentIdCard && numbers.Contains(p.DocumentNumber)));
        if (tokens.Count > 0) Read(db.Persons.AsNoTracking().Where(p => tokens.Contains(p.Token)));
        return (persons, roster);
    }

    /// <summary>
    /// A read made now on <paramref name="db"/>, or — given other contexts — on one of them on a thread of its own while the
    /// caller goes on (not the thread pool's: at a peak its queue is full of HTTP requests, ADR 0032). The result is waited for.
    /// </summary>
    private static Func<T> Beside<T>(FangkongDb db, Func<FangkongDb>? side, Func<FangkongDb, T> read)
    {
        if (side is null)
        {
            var now = read(db);
            return () => now;
        }
        var task = Task.Factory.StartNew(() =>
        {
            using var other = side();
            return read(other);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return () => task.GetAwaiter().GetResult();
    }

    private static Scanned? Find(Dictionary<string, Scanned> persons, PendingSwab s) =>
        s.Token is { } token ? persons.GetValueOrDefault(token) : s.Document is { } number ? persons.GetValueOrDefault("#" + number) : null;

    /// <summary>Regular swabs already stored for scanned persons outside a round's roster (visitors): read only when the group has such.</summary>
    private static HashSet<(long, long)> VisitorsSampled(FangkongDb db, List<PendingSwab> swabs, Dictionary<string, Scanned> persons,
        Dictionary<(long, long), Rostered> roster, List<long> roundIds)
    {
        var outside = swabs.Select(s => Find(persons, s)).OfType<Scanned>().Select(p => p.Id)
            .Where(p => roundIds.Any(r => !roster.ContainsKey((r, p)))).Distinct().ToList();
        if (outside.Count == 0) return [];
        return db.Samples.AsNoTracking().Where(s => roundIds.Contains(s.RoundId) && outside.Contains(s.PersonId) && !s.Resample)
            .Select(s => new { s.RoundId, s.PersonId }).AsEnumerable().Select(s => (s.RoundId, s.PersonId)).ToHashSet();
    }

    /// <summary>Open re-sampling tasks of the persons scanned into single tubes for re-sampling: read only when the group has such.</summary>
    private static Dictionary<long, List<ResampleTask>> ResampleTasks(FangkongDb db, List<PendingSwab> swabs, Dictionary<string, Tube> tubes,
        List<PendingOpen> opens, Dictionary<string, Scanned> persons)
    {
        var resampling = swabs.Where(s => (tubes.TryGetValue(s.Barcode, out var t) ? t.Kind : opens.FirstOrDefault(o => o.Barcode == s.Barcode)?.Kind) == TubeKind.Resample)
            .Select(s => Find(persons, s)).OfType<Scanned>().Select(p => p.Id).Distinct().ToList();
        if (resampling.Count == 0) return [];
        return db.ResampleTasks.AsNoTracking().Where(t => resampling.Contains(t.PersonId) && t.DoneAtUtc == null).OrderBy(t => t.Id).ToList()
            .GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>A retry's device time against the stored one (to the microsecond PostgreSQL keeps); none given cannot differ.</summary>
    private bool SameTime(DateTime? at, DateTime storedUtc) => at is null || clock.AsUtc(at.Value).Ticks / 10 == storedUtc.Ticks / 10;

    private bool SameOpen(Tube t, PendingOpen o) =>
        o.RoundId == t.RoundId && o.SiteId == t.SiteId && o.Kind == t.Kind && o.DoorTaskId == t.DoorTaskId && SameTime(o.At, t.OpenedAtUtc);

    /// <summary>A write refused by the store's guards (unique indexes, a guarded count): another writer got there first.</summary>
    internal static bool LostRace(Exception e) => e is DbUpdateException or System.Data.Common.DbException;

    internal static Exception KeyReused() => new KeyReusedException("key", Messages.Get("Testing.KeyReused"));

    private static Exception TubeClosed() => new ConflictException(Messages.Get("Testing.TubeClosed"), SampleRefusals.TubeClosed);

    private static Exception DeviceTimeRefused() => new InputException("at", Messages.Get("Testing.DeviceTime"));
}
