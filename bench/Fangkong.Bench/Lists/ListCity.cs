using System.Diagnostics;
using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Seeding;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Common;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Lists;

/// <summary>How big the outbreak on top of the demo city is: Jilin's spring of 2022 had ~200,000 contacts under management.</summary>
internal sealed record ListScale(int Residents, int Cases, int Contacts, int Stays);

/// <summary>
/// A demo city (no visits) with an outbreak written straight into the store in bulk: cases reported over the last
/// 40 days (each with its district), ten contact proposals per case (six close, four secondary; most confirmed, older
/// ones released) and quarantine stays of the first contacts of distinct persons, 70 % at 40 centralised sites.
/// Ids are time-ordered like the product's, so "newest first" is the id order. Deterministic from a fixed seed.
/// </summary>
internal static class ListCity
{
    private const int Sites = 40;
    private const int RoomsPerSite = 300;
    private static readonly TimeSpan Span = TimeSpan.FromDays(40);

    public static async Task PrepareAsync(StorageOptions storage, ListScale scale)
    {
        var watch = Stopwatch.StartNew();
        await DemoCitySeeder.SeedAsync(storage, new SeedOptions { Residents = scale.Residents, Days = 0 }, null, TimeProvider.System, CancellationToken.None);
        var city = watch.Elapsed;
        var rng = new Random(20220312);
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(now.AddHours(8));

        await using var db = new FangkongDb(storage.BuildOptions());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var venues = await db.Venues.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
        db.QuarantineSites.AddRange(Enumerable.Range(1, Sites).Select(s => new QuarantineSite
        {
            Id = s,
            Name = $"集中隔离点{s}号",
            DistrictCode = Regions.Liaoyuan[s % Regions.Liaoyuan.Count].Code,
            CreatedAtUtc = now - Span,
        }));
        db.QuarantineRooms.AddRange(Enumerable.Range(0, Sites * RoomsPerSite).Select(r => new QuarantineRoom
        {
            Id = r + 1,
            SiteId = r / RoomsPerSite + 1,
            Number = (r % RoomsPerSite + 101).ToString(CultureInfo.InvariantCulture),
            Beds = 1,
        }));
        await db.SaveChangesAsync();

        // Cases: distinct residents, one every Span / Cases, the last reported just now.
        var casePersons = Distinct(rng, scale.Residents, scale.Cases);
        var districts = new Dictionary<long, string>();
        foreach (var chunk in casePersons.Chunk(2_000))
            foreach (var (k, v) in await PersonDirectory.DistrictsAsync(db, chunk, default)) districts[k] = v;
        var step = Span / scale.Cases;
        var cases = new List<object?[]>(scale.Cases);
        var contacts = new List<object?[]>(scale.Contacts);
        var stays = new List<object?[]>(scale.Stays);
        var quarantined = new HashSet<long>();
        var perCase = Math.Max(1, scale.Contacts / scale.Cases);
        var closePerCase = Math.Max(1, perCase * 6 / 10);
        for (var i = 0; i < scale.Cases; i++)
        {
            var reported = now - Span + step * (i + 1);
            var id = TimeOrderedIds.Compose(reported, TimeOrderedIds.SeedInstance, 0);
            var person = casePersons[i];
            cases.Add(Case(rng, id, person, reported, districts.GetValueOrDefault(person), now, i + 1));
            var closes = new List<long>();
            var contactPersons = Distinct(rng, scale.Residents, perCase, except: person);
            for (var k = 0; k < perCase && contacts.Count < scale.Contacts; k++)
            {
                var close = k < closePerCase;
                var proposed = reported.AddMinutes(10);
                var contactId = TimeOrderedIds.Compose(proposed, TimeOrderedIds.SeedInstance, k);
                var p = contactPersons[k];
                if (close) closes.Add(p);
                var status = rng.Next(10) switch { < 7 => ProposalStatus.Confirmed, < 9 => ProposalStatus.Proposed, _ => ProposalStatus.Dismissed };
                var exposed = reported.AddHours(-rng.Next(12, 96));
                var atVenue = !close || rng.Next(10) >= 3;
                DateTime? decided = status == ProposalStatus.Proposed ? null : proposed.AddHours(2);
                DateTime? released = status == ProposalStatus.Confirmed && exposed.AddDays(14) < now ? exposed.AddDays(14) : null;
                contacts.Add([contactId, id, p, close ? null : closes[k % closes.Count], close ? ContactGrade.Close : ContactGrade.Secondary,
                    atVenue ? ContactKind.SharedVisit : ContactKind.Household, atVenue ? venues[rng.Next(venues.Count)] : null,
                    rng.Next(15, 240), exposed, status, proposed, decided is null ? null : 3L, decided, released]);
                if (status != ProposalStatus.Confirmed || stays.Count >= scale.Stays || !quarantined.Add(p)) continue;
                var day1 = DateOnly.FromDateTime(proposed.AddHours(8));
                var release = day1.AddDays(7);
                var centralised = rng.Next(10) < 7;
                var room = rng.Next(Sites * RoomsPerSite);
                var done = release < today;
                stays.Add([TimeOrderedIds.Compose(proposed.AddHours(1), TimeOrderedIds.SeedInstance, k), p, id, contactId,
                    close ? ContactRole.CloseContact : ContactRole.SecondaryContact, PolicyEdition.Edition9,
                    centralised ? QuarantinePlace.Centralized : QuarantinePlace.Home, centralised ? (long)(room / RoomsPerSite + 1) : null,
                    centralised ? (long)(room + 1) : null, day1, release, done ? QuarantineState.Released : QuarantineState.InQuarantine,
                    proposed.AddHours(1), done ? DateTime.SpecifyKind(release.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc) : null,
                    new RecordNumber(RecordKind.QuarantineStay, proposed.Year, stays.Count + 1).ToString()]);
            }
        }

        await using (var loader = await BulkLoader.OpenAsync(storage, default))
        {
            var (kt, kc) = BulkLoader.Mapping<CaseRecord>(db, CaseColumns);
            await loader.WriteAsync(kt, kc, cases, null, default);
            var (pt, pc) = BulkLoader.Mapping<ContactProposal>(db, ContactColumns);
            await loader.WriteAsync(pt, pc, contacts, null, default);
            var (st, sc) = BulkLoader.Mapping<QuarantineStay>(db, StayColumns);
            await loader.WriteAsync(st, sc, stays, null, default);
        }
        // The product stamps a contact's and a stay's person's district on save (ADR 0028); bulk rows get it as the migration backfills it.
        await db.Database.ExecuteSqlRawAsync("UPDATE contact_proposals SET \"DistrictCode\" = (SELECT p.\"DistrictCode\" FROM persons p WHERE p.\"Id\" = contact_proposals.\"PersonId\")");
        await db.Database.ExecuteSqlRawAsync("UPDATE quarantine_stays SET \"DistrictCode\" = (SELECT p.\"DistrictCode\" FROM persons p WHERE p.\"Id\" = quarantine_stays.\"PersonId\")");
        // PostgreSQL's autovacuum would analyse tables this size within a minute; do it now so every run sees the same
        // plans. SQLite is left as the product leaves it: nothing in Fangkong runs ANALYZE there.
        if (storage.Provider == StorageProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  city of {scale.Residents:N0} residents in {city.TotalSeconds:F1} s; {cases.Count:N0} cases, {contacts.Count:N0} contacts, {stays.Count:N0} quarantine stays in {(watch.Elapsed - city).TotalSeconds:F1} s"));
    }

    private static readonly string[] CaseColumns =
        [nameof(CaseRecord.Id), nameof(CaseRecord.PersonId), nameof(CaseRecord.FoundBy), nameof(CaseRecord.FirstPositiveSampledAtUtc), nameof(CaseRecord.ReportedAtUtc),
         nameof(CaseRecord.Class), nameof(CaseRecord.OnsetDate), nameof(CaseRecord.IsolatedAtUtc), nameof(CaseRecord.Edition), nameof(CaseRecord.Status),
         nameof(CaseRecord.StatusAtUtc), nameof(CaseRecord.TreatedAt), nameof(CaseRecord.ConvertedAtUtc), nameof(CaseRecord.DistrictCode),
         nameof(CaseRecord.ReportedOn), nameof(CaseRecord.ConfirmedOn), nameof(CaseRecord.EndedOn), nameof(CaseRecord.Number)];

    private static readonly string[] ContactColumns =
        [nameof(ContactProposal.Id), nameof(ContactProposal.CaseId), nameof(ContactProposal.PersonId), nameof(ContactProposal.ViaPersonId), nameof(ContactProposal.Grade),
         nameof(ContactProposal.Kind), nameof(ContactProposal.VenueId), nameof(ContactProposal.OverlapMinutes), nameof(ContactProposal.FirstExposureUtc),
         nameof(ContactProposal.Status), nameof(ContactProposal.ProposedAtUtc), nameof(ContactProposal.DecidedByUserId), nameof(ContactProposal.DecidedAtUtc),
         nameof(ContactProposal.ReleasedAtUtc)];

    private static readonly string[] StayColumns =
        [nameof(QuarantineStay.Id), nameof(QuarantineStay.PersonId), nameof(QuarantineStay.CaseId), nameof(QuarantineStay.ContactId), nameof(QuarantineStay.Role),
         nameof(QuarantineStay.Edition), nameof(QuarantineStay.Place), nameof(QuarantineStay.SiteId), nameof(QuarantineStay.RoomId), nameof(QuarantineStay.Day1),
         nameof(QuarantineStay.ReleaseDate), nameof(QuarantineStay.State), nameof(QuarantineStay.CreatedAtUtc), nameof(QuarantineStay.ReleasedAtUtc),
         nameof(QuarantineStay.Number)];

    /// <summary>One case row: half asymptomatic, older ones discharged, a few asymptomatic ones later converted.</summary>
    private static object?[] Case(Random rng, long id, long person, DateTime reported, string? district, DateTime now, int sequence)
    {
        var cls = rng.Next(100) switch { < 50 => CaseClass.Asymptomatic, < 85 => CaseClass.Mild, < 97 => CaseClass.Common, < 99 => CaseClass.Severe, _ => CaseClass.Critical };
        var status = (now - reported).TotalDays switch { > 14 => CaseStatus.Discharged, > 1 => CaseStatus.InHospital, _ => CaseStatus.Reported };
        DateOnly? onset = cls == CaseClass.Asymptomatic ? null : DateOnly.FromDateTime(reported.AddHours(8 - 24 * rng.Next(0, 3)));
        DateTime? converted = cls != CaseClass.Asymptomatic && rng.Next(10) == 0 ? reported.AddDays(2) : null;
        DateTime? statusAt = status == CaseStatus.Reported ? null : reported.AddDays(1);
        // The city dates SaveChanges stamps on every case (a bulk load bypasses it), and a human number unique per year.
        var days = new CaseRecord { ReportedAtUtc = reported, Class = cls, Status = status, StatusAtUtc = statusAt, ConvertedAtUtc = converted };
        days.StampDays(CityClock.ChinaOffset);
        return [id, person, (CaseFoundBy)rng.Next(1, 7), reported.AddHours(-6), reported, cls, onset, reported, PolicyEdition.Edition9, status,
            statusAt, status == CaseStatus.Reported ? null : "市传染病医院", converted, district,
            days.ReportedOn, days.ConfirmedOn, days.EndedOn, new RecordNumber(RecordKind.Case, reported.Year, sequence).ToString()];
    }

    /// <summary><paramref name="count"/> distinct person ids in 1..<paramref name="residents"/>, in drawing order.</summary>
    private static long[] Distinct(Random rng, int residents, int count, long except = 0)
    {
        var seen = new HashSet<long> { except };
        var picked = new long[count];
        for (var n = 0; n < count;)
        {
            var p = rng.NextInt64(1, residents + 1);
            if (seen.Add(p)) picked[n++] = p;
        }
        return picked;
    }
}
