using Fangkong.Core.Checkpoints;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Retention;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Hosting;

public sealed class RetentionTestsSqlite() : RetentionTests(StorageProvider.Sqlite);
public sealed class RetentionTestsPostgres() : RetentionTests(StorageProvider.Postgres);

/// <summary>
/// The daily purge removes exactly what is due in every class — a record one second past its period goes, one a second short of it
/// stays — and records still in use stay whatever their age (ADR 0026). Batches of two prove the purge goes on to the end.
/// </summary>
public abstract class RetentionTests(StorageProvider provider)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_purge_removes_exactly_what_is_past_its_period_in_every_class()
    {
        await using var host = await ApiHost.StartAsync(provider, web: b => b.UseSetting("Policy:Retention:BatchSize", "2"));
        var now = host.Time.GetUtcNow().UtcDateTime;
        var entryCut = now.AddDays(-28);
        var contactCut = now.AddDays(-28);
        var readCut = now.AddDays(-365);
        var testCut = now.AddDays(-28);
        var alice = host.Scenario.Alice.Id;
        var bob = host.Scenario.Bob.Id;
        await using (var db = host.Db())
        {
            // Entries: closed visits and gate events either side of 28 days; an old visit still open stays for the inferred-exit pass.
            db.Visits.AddRange(
                Visit(TimeOrderedIds.Compose(entryCut - Second, 1, 1), alice, entryCut - Second, closed: true),
                Visit(TimeOrderedIds.Compose(entryCut - Second, 1, 2), bob, entryCut - Second, closed: true),
                Visit(TimeOrderedIds.Compose(entryCut - Second, 1, 3), bob, entryCut - Second, closed: true),
                Visit(TimeOrderedIds.Compose(entryCut + Second, 1, 4), alice, entryCut + Second, closed: true),
                Visit(TimeOrderedIds.Compose(entryCut.AddDays(-1), 1, 5), alice, entryCut.AddDays(-1), closed: false));
            db.GateEvents.AddRange(Event(TimeOrderedIds.Compose(entryCut - Second, 1, 6), entryCut - Second, "old"),
                Event(TimeOrderedIds.Compose(entryCut + Second, 1, 7), entryCut + Second, "new"));
            // Contacts: released or dismissed either side of the cut; one still managed and one undecided, both old, stay.
            db.ContactProposals.AddRange(
                Contact(1, 1, alice, ProposalStatus.Confirmed, released: contactCut - Second),
                Contact(2, 1, bob, ProposalStatus.Confirmed, released: contactCut + Second),
                Contact(3, 2, alice, ProposalStatus.Confirmed, released: null, decided: now.AddDays(-90)),
                Contact(4, 2, bob, ProposalStatus.Dismissed, released: null, decided: contactCut - Second),
                Contact(5, 3, alice, ProposalStatus.Dismissed, released: null, decided: contactCut + Second),
                Contact(6, 3, bob, ProposalStatus.Proposed, released: null, decided: null));
            // Quarantine: stays released either side of the cut, each with its check-in; one still served stays.
            db.QuarantineStays.AddRange(Stay(21, alice, QuarantineState.Released, contactCut - Second), Stay(22, bob, QuarantineState.Released, contactCut + Second),
                Stay(23, bob, QuarantineState.InQuarantine, null));
            db.QuarantineCheckIns.AddRange(CheckIn(31, 21, alice), CheckIn(32, 22, bob), CheckIn(33, 23, bob));
            // Trajectory reads: a year either side.
            db.TraceAccesses.AddRange(Read(41, readCut - Second), Read(42, readCut + Second));
            // Tests: swabs and results either side of 28 days; Alice is a case, so her old positive stays, Bob's goes, and her
            // old negative goes too.
            db.Cases.Add(new CaseRecord { Id = 81, Number = "C-81", PersonId = alice, FoundBy = CaseFoundBy.PoolResampling, FirstPositiveSampledAtUtc = testCut - Second, ReportedAtUtc = testCut, Status = CaseStatus.InHospital });
            db.Tubes.AddRange(Tube(51, TubeOutcome.Positive, testCut - Second), Tube(52, TubeOutcome.Negative, testCut - Second));
            db.Samples.AddRange(Swab(61, 51, alice, testCut - Second), Swab(62, 51, bob, testCut - Second), Swab(63, 52, bob, testCut + Second), Swab(64, 52, alice, testCut - Second));
            db.TestResults.AddRange(Result(71, alice, TestOutcome.Positive, testCut - Second), Result(72, bob, TestOutcome.Positive, testCut - Second),
                Result(73, bob, TestOutcome.Negative, testCut + Second), Result(74, alice, TestOutcome.Negative, testCut - Second));
            // Checkpoints: a car checked a second past 28 days with its two passengers (one a traveller from elsewhere, known by ID
            // number only) goes whole; a car a second short of it stays with its passenger.
            db.VehicleChecks.AddRange(Vehicle(TimeOrderedIds.Compose(entryCut - Second, 1, 8), entryCut - Second, "old"),
                Vehicle(TimeOrderedIds.Compose(entryCut + Second, 1, 11), entryCut + Second, "new"));
            db.PassengerChecks.AddRange(Passenger(TimeOrderedIds.Compose(entryCut - Second, 1, 9), TimeOrderedIds.Compose(entryCut - Second, 1, 8), alice, entryCut - Second),
                Passenger(TimeOrderedIds.Compose(entryCut - Second, 1, 10), TimeOrderedIds.Compose(entryCut - Second, 1, 8), null, entryCut - Second),
                Passenger(TimeOrderedIds.Compose(entryCut + Second, 1, 12), TimeOrderedIds.Compose(entryCut + Second, 1, 11), bob, entryCut + Second));
            await db.SaveChangesAsync();
        }

        var run = host.Services.GetRequiredService<RetentionRun>();
        var due = (await run.DueAsync(now, default)).ToDictionary(c => c.Class, c => c.Count);
        Assert.Equal(new Dictionary<string, long> { ["entries"] = 4, ["contacts"] = 2, ["quarantine"] = 1, ["trace-reads"] = 1, ["tests"] = 4, ["checkpoint-checks"] = 3, ["institution-readings"] = 0 }, due);
        // The dry run deleted nothing.
        await using (var db = host.Db()) Assert.Equal(5, await db.Visits.CountAsync());

        var purged = (await run.PurgeAsync(now, default)).ToDictionary(c => c.Class, c => c.Count);
        Assert.Equal(due, purged);
        await using (var db = host.Db())
        {
            Assert.Equal([TimeOrderedIds.Compose(entryCut.AddDays(-1), 1, 5), TimeOrderedIds.Compose(entryCut + Second, 1, 4)],
                (await db.Visits.Select(v => v.Id).ToListAsync()).Order());
            Assert.Equal(["new"], await db.GateEvents.Select(e => e.IdempotencyKey).ToListAsync());
            Assert.Equal([2L, 3, 5, 6], (await db.ContactProposals.Select(c => c.Id).ToListAsync()).Order());
            Assert.Equal([22L, 23], (await db.QuarantineStays.Select(q => q.Id).ToListAsync()).Order());
            Assert.Equal([32L, 33], (await db.QuarantineCheckIns.Select(c => c.Id).ToListAsync()).Order());
            Assert.Equal([42L], await db.TraceAccesses.Select(a => a.Id).ToListAsync());
            Assert.Equal([61L, 63], (await db.Samples.Select(x => x.Id).ToListAsync()).Order());
            Assert.Equal([71L, 73], (await db.TestResults.Select(x => x.Id).ToListAsync()).Order());
            Assert.Equal(["new"], await db.VehicleChecks.Select(v => v.SourceKey).ToListAsync());
            Assert.Equal([bob], await db.PassengerChecks.Select(p => p.PersonId).ToListAsync());
        }
        // Run again: nothing more is due.
        Assert.All(await run.DueAsync(now, default), c => Assert.Equal(0, c.Count));
    }

    private static Visit Visit(long id, long person, DateTime at, bool closed) => new()
    {
        Id = id,
        PersonId = person,
        VenueId = Scenario.HallId,
        EnteredAtUtc = at,
        ExitedAtUtc = closed ? at.AddHours(1) : null,
        Method = EntryMethod.IdCard,
    };

    private static VehicleCheck Vehicle(long id, DateTime at, string key) => new()
    {
        Id = id,
        CheckpointId = 1,
        DistrictCode = "220422",
        AtUtc = at,
        ShiftDay = DateOnly.FromDateTime(at),
        Shift = 1,
        Plate = "吉A12345",
        Kind = VehicleKind.Car,
        Origin = "长春市",
        Destination = "辽源市",
        People = 2,
        CheckedByUserId = 7,
        SourceKey = key,
    };

    private static PassengerCheck Passenger(long id, long vehicle, long? person, DateTime at) => new()
    {
        Id = id,
        VehicleCheckId = vehicle,
        CheckpointId = 1,
        DistrictCode = "220422",
        AtUtc = at,
        Seat = 1,
        Method = CheckMethod.IdCard,
        PersonId = person,
        IdNumber = "220102199001011234",
        OriginRisk = OriginRisk.None,
        BoundForCity = true,
        PolicyVersion = "test",
        Reasons = "",
    };

    private static GateEvent Event(long id, DateTime at, string key) => new()
    {
        Id = id,
        DeviceId = Scenario.DeviceId,
        IdempotencyKey = key,
        VenueId = Scenario.HallId,
        Direction = GateDirection.In,
        Method = EntryMethod.IdCard,
        AtUtc = at,
        Outcome = GateOutcome.Admit,
        PolicyVersion = "test",
    };

    private static ContactProposal Contact(long id, long caseId, long person, ProposalStatus status, DateTime? released, DateTime? decided = null) => new()
    {
        Id = id,
        CaseId = caseId,
        PersonId = person,
        Grade = ContactGrade.Close,
        Kind = ContactKind.Household,
        Status = status,
        FirstExposureUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ProposedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        DecidedAtUtc = decided ?? released?.AddDays(-14),
        ReleasedAtUtc = released,
    };

    private static QuarantineStay Stay(long id, long person, QuarantineState state, DateTime? released) => new()
    {
        Id = id,
        Number = "Q-" + id,
        PersonId = person,
        CaseId = 1,
        Role = ContactRole.CloseContact,
        Edition = PolicyEdition.Edition9,
        Place = QuarantinePlace.Centralized,
        Day1 = new DateOnly(2026, 9, 1),
        ReleaseDate = new DateOnly(2026, 9, 8),
        State = state,
        CreatedAtUtc = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc),
        ReleasedAtUtc = released,
    };

    private static QuarantineCheckIn CheckIn(long id, long stay, long person) => new()
    {
        Id = id,
        StayId = stay,
        PersonId = person,
        Day = new DateOnly(2026, 9, 2),
        AtUtc = new DateTime(2026, 9, 2, 0, 0, 0, DateTimeKind.Utc),
        Temperature = 36.5m,
        Symptoms = "",
    };

    private static Tube Tube(long id, TubeOutcome outcome, DateTime at) => new()
    {
        Id = id,
        RoundId = 1,
        Barcode = "T-" + id,
        SiteId = 1,
        Kind = TubeKind.Pool,
        Capacity = 10,
        Count = 2,
        OpenedByUserId = 7,
        OpenedAtUtc = at,
        Outcome = outcome,
        ResultAtUtc = at.AddHours(6),
        OpenKey = "k" + id,
    };

    private static Sample Swab(long id, long tube, long person, DateTime at) => new()
    {
        Id = id,
        RoundId = 1,
        TubeId = tube,
        PersonId = person,
        AtUtc = at,
        SamplerUserId = 7,
        Resample = true,
        IdempotencyKey = "s" + id,
    };

    private static TestResult Result(long id, long person, TestOutcome outcome, DateTime sampled) => new()
    {
        Id = id,
        PersonId = person,
        SampledAtUtc = sampled,
        ResultAtUtc = sampled.AddHours(6),
        Outcome = outcome,
        Source = "test",
    };

    private static TraceAccess Read(long id, DateTime at) => new()
    {
        Id = id,
        UserId = 3,
        UserName = "epi",
        PersonId = 101,
        Kind = "trajectory",
        Purpose = "case-1",
        FromUtc = at.AddDays(-14),
        ToUtc = at,
        AtUtc = at,
    };
}
