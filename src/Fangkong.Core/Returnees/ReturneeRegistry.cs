using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>
/// Registers returnees (外返人员, issue 21): the origin matched to other regions' risk areas, the traveller rule decides
/// under the zone preset in force and records its policy version, and what it orders is set in motion at once —
/// centralized isolation at a site, home observation with daily check-ins (both Quarantine's stays, reason "returnee")
/// or the tests alone in the standing round — and the grid's worker is named for the daily follow-up. One registration per
/// person and arrival day: the phone's retry, the checkpoint and the community registering the same arrival make one.
/// </summary>
public sealed partial class ReturneeRegistry(TimeOrderedIds ids, CityClock clock, ZonePolicy zones, TravellerPolicy policy, ReturneeStays stays,
    QuarantineTesting testing, PersonRegistry persons, ICodeRecompute codes)
{
    public const int MaxOrigin = 120, MaxTravelNumber = 20, DaysBack = 14, DaysAhead = 7;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// The one entry every way in uses, and the one a road checkpoint calls for each passenger bound for the city: checks
    /// everything before writing anything, then registers, decides and orders; the same person and arrival day again
    /// answers with the registration made first.
    /// </summary>
    public async Task<ReturneeView> RegisterAsync(FangkongDb db, ReturneeRegistration r, CancellationToken ct)
    {
        if (r.IdempotencyKey is not null && !KeyPattern().IsMatch(r.IdempotencyKey)) throw new InputException("idempotencyKey", Messages.Get("Returnees.Key"));
        if (!Enum.IsDefined(r.Source)) throw new InputException("source", Messages.Get("Returnees.Source"));
        var sourceKey = r.IdempotencyKey is null ? null : $"k:{r.ByUserId ?? 0}:{r.IdempotencyKey}";
        var today = clock.Today;
        var arrived = r.ArrivedOn ?? today;
        if (arrived < today.AddDays(-DaysBack) || arrived > today.AddDays(DaysAhead))
            throw new InputException("arrivedOn", Messages.Get("Returnees.ArrivedOn", DaysBack, DaysAhead));
        if (sourceKey is not null && await db.Returnees.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.SourceKey == sourceKey, ct) is { } keyed)
        {
            if (keyed.PersonId != r.PersonId || keyed.ArrivedOn != arrived) throw new KeyReusedException("idempotencyKey", Messages.Get("Returnees.KeyReused"));
            return await ReturneeViews.OneAsync(db, keyed.Id, clock, ct) ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
        }
        long? household;
        using (db.WholeCity())
        {
            var person = await db.Persons.AsNoTracking().Where(p => p.Id == r.PersonId).Select(p => new { p.HouseholdId }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("personId", Messages.Get("Returnees.NoSuchPerson"));
            household = r.HouseholdId ?? person.HouseholdId;
        }
        if (await Existing(db, r.PersonId, arrived, ct) is { } same) return same;

        var place = await ReturneePlaces.OfAsync(db, household ?? throw new InputException("householdId", Messages.Get("Returnees.HouseholdRequired")), ct)
            ?? throw new NotFoundException("householdId", Messages.Get("Returnees.NoSuchHousehold"));
        var left = r.LeftOn ?? throw new InputException("leftOn", Messages.Get("Returnees.LeftOnRequired"));
        PlausibleDates.Check(left, "leftOn");
        if (left > arrived) throw new InputException("leftOn", Messages.Get("Returnees.LeftAfterArrival"));
        if (r.Travel is not { } travel || !Enum.IsDefined(travel)) throw new InputException("travel", Messages.Get("Returnees.Travel"));
        var number = string.IsNullOrWhiteSpace(r.TravelNumber) ? null : r.TravelNumber.Trim();
        if (number is { Length: > MaxTravelNumber }) throw new InputException("travelNumber", Messages.Get("Returnees.TravelNumberTooLong", MaxTravelNumber));
        ControlCharacters.Check(number, "travelNumber");
        if (r.Origin is { Length: > MaxOrigin }) throw new InputException("origin", Messages.Get("Returnees.OriginTooLong", MaxOrigin));
        ControlCharacters.Check(r.Origin, "origin");
        var origin = await RiskAreas.MatchAsync(db, r.RiskAreaId, r.Origin, left, ct);
        if (r.Observed is { } seen && (origin.Level is null || seen.Level > origin.Level))
            origin = origin with { Level = seen.Level, CountyHasOutbreak = seen.CountyHasOutbreak || origin.CountyHasOutbreak };

        var decision = TravellerRules.Decide(new TravelOrigin(origin.Level, origin.CountyHasOutbreak, left), arrived, zones.Preset, policy);
        var returnee = new Returnee
        {
            Id = ids.Next(),
            PersonId = r.PersonId,
            HouseholdId = place.HouseholdId,
            DistrictCode = place.DistrictCode,
            StreetId = place.StreetId,
            CommunityId = place.CommunityId,
            GridId = place.GridId,
            WorkerName = place.WorkerName,
            RiskAreaId = origin.RiskAreaId,
            Origin = origin.Origin.Length > MaxOrigin ? origin.Origin[..MaxOrigin] : origin.Origin,
            OriginLevel = origin.Level,
            CountyHasOutbreak = origin.CountyHasOutbreak,
            LeftOn = left,
            ArrivedOn = arrived,
            Travel = travel,
            TravelNumber = number,
            Source = r.Source,
            CheckpointId = r.CheckpointId,
            SourceKey = sourceKey,
            Measure = decision.Measure,
            Preset = zones.Preset,
            Days = decision.Days,
            Tests = decision.Tests,
            TestWithinDays = decision.TestWithinDays,
            EndsOn = decision.Measure == TravellerMeasure.Tests ? decision.StartsOn.AddDays(decision.TestWithinDays - 1) : decision.EndsOn,
            PolicyVersion = decision.PolicyVersion,
            State = decision.Measure == TravellerMeasure.None ? ReturneeState.NoMeasure : ReturneeState.UnderMeasure,
            RegisteredAtUtc = clock.UtcNow,
            RegisteredByUserId = r.ByUserId,
        };

        // The registration and what it orders commit together: a failure leaves neither.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.Returnees.Add(returnee);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (own is not null)
            {
                // Another registration of the same arrival (or key) won the unique index at the same moment: answer with it.
                await own.RollbackAsync(ct);
                await own.DisposeAsync();
                own = null;
                db.ChangeTracker.Clear();
                return await Existing(db, r.PersonId, arrived, ct) ?? throw new ConflictException(Messages.Get("Returnees.Raced"));
            }
            await OrderAsync(db, returnee, decision, null, ct);
            await ColourAsync(db, returnee, ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return await ReturneeViews.OneAsync(db, returnee.Id, clock, ct) ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
    }

    /// <summary>A resident registers themselves from the phone (before arrival, or at a checkpoint's QR).</summary>
    public Task<ReturneeView> ForResidentAsync(FangkongDb db, long userId, long personId, ReturneeForm f, CancellationToken ct)
    {
        if (f.IdempotencyKey is null) throw new InputException("idempotencyKey", Messages.Get("Returnees.Key"));
        return RegisterAsync(db, new ReturneeRegistration(personId, f.HouseholdId, f.RiskAreaId, f.Origin, f.LeftOn, f.ArrivedOn, f.Travel, f.TravelNumber,
            ReturneeSource.Phone, f.CheckpointId, f.IdempotencyKey, userId), ct);
    }

    /// <summary>
    /// A community worker registers someone: a known person by id, else by ID number (found if registered, else created
    /// with the name and phone given, living at the household named).
    /// </summary>
    public async Task<ReturneeView> ForCommunityAsync(FangkongDb db, long userId, ReturneeForm f, CancellationToken ct)
    {
        if (f.IdempotencyKey is null) throw new InputException("idempotencyKey", Messages.Get("Returnees.Key"));
        if (f.HouseholdId is not { } household) throw new InputException("householdId", Messages.Get("Returnees.HouseholdRequired"));
        // The worker registers for their own area: the household must be one they can see.
        if (await ReturneePlaces.OfAsync(db, household, ct) is not { } place || !InArea(db.Area, place))
            throw new NotFoundException("householdId", Messages.Get("Returnees.NoSuchHousehold"));
        ReturneeRegistration For(long personId) => new(personId, household, f.RiskAreaId, f.Origin, f.LeftOn, f.ArrivedOn, f.Travel, f.TravelNumber,
            ReturneeSource.Community, f.CheckpointId, f.IdempotencyKey, userId);
        if (f.PersonId is { } id) return await RegisterAsync(db, For(id), ct);
        var (number, _) = IdentityDocument.Normalise(DocumentType.ResidentIdCard, f.DocumentNumber, clock.Today);
        if (number is null) throw new InputException("documentNumber", Messages.Get("Returnees.DocumentNumber"));
        long? known;
        using (db.WholeCity())
            known = await db.Persons.IgnoreQueryFilters().Where(p => p.DocumentNumber == number && p.DocumentType == DocumentType.ResidentIdCard)
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (known is { } found) return await RegisterAsync(db, For(found), ct);
        // Someone not known yet: the person and the registration commit together, so a registration refused leaves no person behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await persons.RegisterAsync(db, new PersonInput(DocumentType.ResidentIdCard, number, f.Name, f.Phone, household, null, null), ct);
        var view = await RegisterAsync(db, For(person.Id), ct);
        await tx.CommitAsync(ct);
        return view;
    }

    /// <summary>Whether a confined caller's area holds the household (households carry no filter of their own).</summary>
    private static bool InArea(AreaReach? area, ReturneePlace p) => area is null
        || (area.DistrictCode is { } d && p.DistrictCode == d) || (area.StreetId is { } s && p.StreetId == s)
        || (area.CommunityId is { } c && p.CommunityId == c) || (area.GridId is { } g && p.GridId == g)
        || (area.DistrictCode is null && area.StreetId is null && area.CommunityId is null && area.GridId is null);

    /// <summary>Places a returnee whose centralized isolation found no free room, at the site named (or any with a room).</summary>
    public async Task<ReturneeView> PlaceAsync(FangkongDb db, long id, long? siteId, CancellationToken ct)
    {
        var returnee = await db.Returnees.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
        if (!returnee.PlacementPending) throw new ConflictException(Messages.Get("Returnees.NotPending"));
        if (siteId is { } s && !await db.QuarantineSites.AnyAsync(x => x.Id == s, ct)) throw new NotFoundException("siteId", Messages.Get("Returnees.NoSuchSite"));
        await OrderAsync(db, returnee, returnee.Decision, siteId, ct);
        if (returnee.PlacementPending) throw new ConflictException(Messages.Get("Returnees.NoRoom"));
        return await ReturneeViews.OneAsync(db, id, clock, ct) ?? throw new NotFoundException("id", Messages.Get("Returnees.NotFound"));
    }

    /// <summary>
    /// Isolation or observation ordered: the colour follows at once through Codes' rules (ADR 0042), in the registration's
    /// transaction, so the returnee's code and the measure are never out of step.
    /// </summary>
    private async Task ColourAsync(FangkongDb db, Returnee returnee, CancellationToken ct)
    {
        if (returnee.Measure is not (TravellerMeasure.CentralizedIsolation or TravellerMeasure.HomeObservation)) return;
        await codes.RecomputeAsync(db, returnee.PersonId, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets the measure in motion: a stay (with its tests and transfers) or the tests alone.</summary>
    private async Task OrderAsync(FangkongDb db, Returnee returnee, TravellerDecision decision, long? siteId, CancellationToken ct)
    {
        var tests = TravellerRules.TestDays(decision);
        switch (decision.Measure)
        {
            case TravellerMeasure.CentralizedIsolation or TravellerMeasure.HomeObservation:
                var place = decision.Measure == TravellerMeasure.CentralizedIsolation ? QuarantinePlace.Centralized : QuarantinePlace.Home;
                var stay = await stays.PlaceAsync(db, returnee.PersonId, returnee.Id, place, returnee.DistrictCode, decision.StartsOn, decision.EndsOn!.Value, tests, siteId, ct);
                returnee.StayId = stay?.StayId;
                returnee.PlacementPending = stay is null && place == QuarantinePlace.Centralized;
                await db.SaveChangesAsync(ct);
                break;
            case TravellerMeasure.Tests:
                var round = await testing.StandingRoundAsync(db, ct);
                var now = clock.UtcNow;
                foreach (var day in tests)
                    db.ResampleTasks.Add(new ResampleTask
                    {
                        Id = ids.Next(),
                        RoundId = round.Id,
                        PersonId = returnee.PersonId,
                        Reason = SingleTubeReason.ReturneeSchedule,
                        DueDate = day,
                        CreatedAtUtc = now,
                    });
                await db.SaveChangesAsync(ct);
                break;
        }
    }

    private async Task<ReturneeView?> Existing(FangkongDb db, long personId, DateOnly arrived, CancellationToken ct)
    {
        var id = await db.Returnees.IgnoreQueryFilters().AsNoTracking().Where(x => x.PersonId == personId && x.ArrivedOn == arrived).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        // Registered by another area's worker: still the same arrival, shown as this caller may see it.
        using (db.WholeCity())
            return await ReturneeViews.OneAsync(db, id.Value, clock, ct);
    }
}
