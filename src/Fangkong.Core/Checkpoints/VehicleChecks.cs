using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Passes;
using Fangkong.Core.Returnees;
using Fangkong.Core.Signing;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Passes;
using Fangkong.Domain.People;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Checkpoints;

/// <summary>
/// A vehicle stops at a checkpoint (ADR 0040): each person identified by ID card or by their health code (the code's
/// signature checked by the platform's <see cref="CodeSigner"/>, the colour read as the gate reads it), decided by the
/// gate's colour and fever rules (<see cref="GateRules"/>) and the traveller rule (<see cref="TravellerRules"/>), then
/// the vehicle by its worst person; a freight pass shown is checked like a code and, when valid, opens the green lane.
/// Everything of one vehicle is written in one save; the tablet's idempotency key makes a retry answer with the same check.
/// </summary>
public sealed partial class VehicleChecks(TimeOrderedIds ids, CityClock clock, CodeSigner signer, PassCodes passes, CheckpointRegistry registry,
    GatePolicy gatePolicy, ZonePolicy zonePolicy, TravellerPolicy travellerPolicy, ReturneeRegistry returnees)
{
    public const int MaxPlace = 80, MaxName = 40, MaxPeople = 60;

    /// <summary>Staff who did not measure a temperature: the gate's rule then decides by the colour alone (a normal reading).</summary>
    private const decimal NotMeasured = 36.5m;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex KeyPattern();

    public async Task<VehicleCheckView> CheckAsync(FangkongDb db, long userId, VehicleCheckRequest r, CancellationToken ct)
    {
        if (r.IdempotencyKey is null || !KeyPattern().IsMatch(r.IdempotencyKey)) throw new InputException("idempotencyKey", Messages.Get("Checkpoints.Key"));
        var sourceKey = $"k:{userId}:{r.IdempotencyKey}";
        if (await db.VehicleChecks.AsNoTracking().FirstOrDefaultAsync(v => v.SourceKey == sourceKey, ct) is { } earlier)
            return await SameAsync(db, earlier, r, ct);

        if (r.CheckpointId is not { } checkpointId) throw new InputException("checkpointId", Messages.Get("Checkpoints.NoSuchCheckpoint", 0));
        var checkpoint = await registry.FindAsync(db, userId, checkpointId, ct);
        if (checkpoint.Kind == CheckpointKind.Roadblock) throw new InputException("checkpointId", Messages.Get("Checkpoints.Unstaffed"));
        var plate = PassRules.NormalisePlate(r.Plate ?? "");
        if (plate.Length is < 2 or > 10) throw new InputException("plate", Messages.Get("Checkpoints.Plate"));
        ControlCharacters.Check(plate, "plate");
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Checkpoints.VehicleKind"));
        var origin = Place(r.Origin, "origin");
        var destination = Place(r.Destination, "destination");
        var people = r.Passengers ?? [];
        if (people.Count == 0) throw new InputException("passengers", Messages.Get("Checkpoints.NoPassengers"));
        if (people.Count > MaxPeople) throw new InputException("passengers", Messages.Get("Checkpoints.TooManyPassengers", MaxPeople));

        var now = clock.UtcNow;
        var today = clock.Today;
        var checkedPeople = new List<(PassengerRequest Request, Identified Who)>(people.Count);
        for (var i = 0; i < people.Count; i++) checkedPeople.Add((people[i], await IdentifyAsync(db, people[i], i, today, ct)));

        PassCheck? passCheck = null;
        Pass? pass = null;
        if (!string.IsNullOrWhiteSpace(r.PassQr)) (passCheck, pass) = await passes.CheckAsync(db, r.PassQr, plate, ct);

        var slot = CheckpointShifts.Of(clock.LocalNow, checkpoint.ShiftsPerDay, checkpoint.FirstShiftStarts);
        var vehicle = new VehicleCheck
        {
            Id = ids.Next(),
            CheckpointId = checkpoint.Id,
            DistrictCode = checkpoint.DistrictCode,
            AtUtc = now,
            ShiftDay = slot.Day,
            Shift = slot.Number,
            Plate = plate,
            Kind = kind,
            Origin = origin,
            Destination = destination,
            PassId = pass?.Id,
            PassVerdict = passCheck?.Verdict.ToString(),
            People = people.Count,
            CheckedByUserId = userId,
            SourceKey = sourceKey,
        };
        var rows = new List<PassengerCheck>(people.Count);
        for (var i = 0; i < checkedPeople.Count; i++)
        {
            var (p, who) = checkedPeople[i];
            var bound = p.BoundForCity ?? r.BoundForCity ?? true;
            var risk = p.OriginRisk ?? OriginRisk.None;
            var travel = TravellerRules.Decide(new TravelOrigin(Level(risk), p.CountyHasOutbreak ?? true, p.LeftOn ?? today), today, zonePolicy.Preset, travellerPolicy);
            GateDecision? gate = who.Colour is { } colour
                ? GateRules.Decide(new EntryFacts(p.Temperature ?? NotMeasured, colour, 0, 0, false, null, null, now), gatePolicy)
                : null;
            var decision = CheckpointRules.Passenger(new PassengerFacts(gate, who.CodeInvalid, travel, bound));
            rows.Add(new PassengerCheck
            {
                Id = ids.Next(),
                VehicleCheckId = vehicle.Id,
                CheckpointId = checkpoint.Id,
                DistrictCode = checkpoint.DistrictCode,
                AtUtc = now,
                Seat = i + 1,
                Method = who.Method,
                PersonId = who.PersonId,
                Name = who.Name,
                IdNumber = who.IdNumber,
                Colour = who.Colour,
                Temperature = p.Temperature,
                OriginRisk = risk,
                LeftOn = risk == OriginRisk.None ? null : p.LeftOn,
                BoundForCity = bound,
                Measure = travel.Measure,
                MeasureDays = travel.Days,
                Tests = travel.Tests,
                TestWithinDays = travel.TestWithinDays,
                PolicyVersion = travel.PolicyVersion,
                Verdict = decision.Verdict,
                Reasons = string.Join(',', decision.Reasons),
            });
        }
        var v = CheckpointRules.Vehicle([.. rows.Select(x => x.Verdict)], pass is { Kind: PassKind.Freight } && passCheck is { Valid: true });
        vehicle.Verdict = v.Verdict;
        vehicle.GreenLane = v.GreenLane;
        db.VehicleChecks.Add(vehicle);
        db.PassengerChecks.AddRange(rows);
        if (pass is not null) db.PassUses.Add(new PassUse { Id = ids.Next(), PassId = pass.Id, CheckpointId = checkpoint.Id, VehicleCheckId = vehicle.Id, AtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two retries at once: the other's insert won the key; answer with its check.
            db.ChangeTracker.Clear();
            var raced = await db.VehicleChecks.AsNoTracking().FirstOrDefaultAsync(x => x.SourceKey == sourceKey, ct);
            if (raced is null) throw;
            return await SameAsync(db, raced, r, ct);
        }
        await RegisterArrivalsAsync(db, userId, checkpoint.Id, kind, plate, origin, people, rows, today, ct);
        return View(vehicle, checkpoint.Name, passCheck, rows);
    }

    /// <summary>
    /// Arrivals become returnees at once (ADR 0040): each known resident bound for the city is registered through the returnee
    /// registry with what the checkpoint established about their origin, so the traveller rule's measure is ordered and a
    /// grid worker named. After the vehicle's own save: a person the registry cannot place (no home in the city) stays
    /// unregistered and is listed as such, and never loses the vehicle's record.
    /// </summary>
    private async Task RegisterArrivalsAsync(FangkongDb db, long userId, long checkpointId, VehicleKind kind, string plate, string origin,
        IReadOnlyList<PassengerRequest> people, List<PassengerCheck> rows, DateOnly today, CancellationToken ct)
    {
        var travel = kind == VehicleKind.Bus ? TravelMode.Bus : kind == VehicleKind.Other ? TravelMode.Other : TravelMode.Car;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.BoundForCity || row.PersonId is not { } personId) continue;
            var observed = Level(row.OriginRisk) is { } level ? new ObservedOrigin(level, people[i].CountyHasOutbreak ?? true) : null;
            try
            {
                // Staff at the city's edge register arrivals whose homes lie in any district; nothing of the home is shown to them.
                using var whole = db.WholeCity();
                await returnees.RegisterAsync(db, new ReturneeRegistration(personId, null, null, origin, row.LeftOn ?? today, today, travel, plate,
                    ReturneeSource.Checkpoint, checkpointId, ByUserId: userId, Observed: observed), ct);
            }
            catch (Exception e) when (e is InputException or NotFoundException)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            db.ChangeTracker.Clear();
            await db.PassengerChecks.Where(x => x.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ReturneeRegistered, true), ct);
            row.ReturneeRegistered = true;
        }
    }

    private static ZoneLevel? Level(OriginRisk r) => r switch
    {
        OriginRisk.High => ZoneLevel.Sealed,
        OriginRisk.Medium => ZoneLevel.Controlled,
        OriginRisk.Low => ZoneLevel.Precaution,
        _ => null,
    };

    private static string Place(string? value, string field)
    {
        var s = value?.Trim() ?? "";
        if (s.Length == 0) throw new InputException(field, Messages.Get("Checkpoints.Required"));
        if (s.Length > MaxPlace) throw new InputException(field, Messages.Get("Checkpoints.TooLong", MaxPlace));
        ControlCharacters.Check(s, field);
        return s;
    }

    private sealed record Identified(CheckMethod Method, long? PersonId, string? Name, string? IdNumber, CodeColour? Colour, bool CodeInvalid);

    /// <summary>Who a passenger is, and their colour: by scanned code (its signature checked) or by ID card number.</summary>
    private async Task<Identified> IdentifyAsync(FangkongDb db, PassengerRequest p, int index, DateOnly today, CancellationToken ct)
    {
        var field = $"passengers[{index}]";
        if (p.Temperature is { } t && (t < 30m || t > 45m)) throw new InputException(field + ".temperature", Messages.Get("Checkpoints.Temperature"));
        if (p.OriginRisk is { } risk && !Enum.IsDefined(risk)) throw new InputException(field + ".originRisk", Messages.Get("Checkpoints.OriginRisk"));
        if (p.OriginRisk is not (null or OriginRisk.None))
        {
            if (p.LeftOn is not { } left) throw new InputException(field + ".leftOn", Messages.Get("Checkpoints.LeftOn"));
            if (left > today || left < today.AddDays(-60)) throw new InputException(field + ".leftOn", Messages.Get("Checkpoints.LeftOnRange"));
        }
        var name = string.IsNullOrWhiteSpace(p.Name) ? null : p.Name.Trim();
        if (name is { Length: > MaxName }) throw new InputException(field + ".name", Messages.Get("Checkpoints.TooLong", MaxName));
        ControlCharacters.Check(name, field + ".name");

        if (!string.IsNullOrWhiteSpace(p.Qr))
        {
            var v = await signer.VerifyAsync(p.Qr, ct);
            if (v.Payload is not { } payload || !v.IsValid) return new Identified(CheckMethod.Code, null, name, null, null, CodeInvalid: true);
            var person = await db.Persons.AsNoTracking().Where(x => x.Token == payload.Token)
                .Select(x => new { x.Id, x.Name, x.DocumentNumber, Colour = db.Colours.Where(h => h.PersonId == x.Id).Select(h => (CodeColour?)h.Colour).FirstOrDefault() })
                .FirstOrDefaultAsync(ct);
            if (person is null) return new Identified(CheckMethod.Code, null, name, null, null, CodeInvalid: true);
            return new Identified(CheckMethod.Code, person.Id, person.Name, person.DocumentNumber, person.Colour ?? CodeColour.Green, false);
        }
        var id = ResidentIdNumber.Validate(p.IdNumber, today);
        if (!id.IsValid) throw new InputException(field + ".idNumber", Messages.Get(id.Error!));
        var number = id.Id!.Value.Value;
        var known = await db.Persons.AsNoTracking().Where(x => x.DocumentNumber == number)
            .Select(x => new { x.Id, x.Name, Colour = db.Colours.Where(h => h.PersonId == x.Id).Select(h => (CodeColour?)h.Colour).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        // A traveller from elsewhere is not in the city's registry: their own province's code is shown, not read here, so the colour is unknown.
        return known is null
            ? new Identified(CheckMethod.IdCard, null, name, number, null, false)
            : new Identified(CheckMethod.IdCard, known.Id, known.Name, number, known.Colour ?? CodeColour.Green, false);
    }

    private async Task<VehicleCheckView> SameAsync(FangkongDb db, VehicleCheck earlier, VehicleCheckRequest r, CancellationToken ct)
    {
        if (r.CheckpointId != earlier.CheckpointId || PassRules.NormalisePlate(r.Plate ?? "") != earlier.Plate || (r.Passengers?.Count ?? 0) != earlier.People)
            throw new KeyReusedException("idempotencyKey", Messages.Get("Checkpoints.KeyReused"));
        return await ReadAsync(db, earlier, ct);
    }

    internal static async Task<VehicleCheckView> ReadAsync(FangkongDb db, VehicleCheck v, CancellationToken ct)
    {
        var name = await db.Checkpoints.Where(c => c.Id == v.CheckpointId).Select(c => c.Name).FirstAsync(ct);
        var rows = await db.PassengerChecks.AsNoTracking().Where(p => p.VehicleCheckId == v.Id).OrderBy(p => p.Seat).ToListAsync(ct);
        PassCheck? pass = v.PassVerdict is null ? null : new PassCheck(v.PassVerdict == nameof(PassVerdict.Valid), Enum.Parse<PassVerdict>(v.PassVerdict),
            CheckpointWords.PassVerdictText(Enum.Parse<PassVerdict>(v.PassVerdict)), v.PassId, null, null, null, null, null, null);
        return View(v, name, pass, rows);
    }

    private static VehicleCheckView View(VehicleCheck v, string checkpointName, PassCheck? pass, IReadOnlyList<PassengerCheck> rows) =>
        new(v.Id, v.CheckpointId, checkpointName, v.AtUtc, v.ShiftDay, v.Shift, v.Plate, v.Kind, v.Origin, v.Destination, v.Verdict, v.GreenLane, pass,
            [.. rows.Select(p =>
            {
                var reasons = p.Reasons.Length == 0 ? [] : p.Reasons.Split(',').Select(Enum.Parse<CheckReason>).ToList();
                return new PassengerView(p.Seat, p.Method, p.Name is null ? null : Masking.Name(p.Name), p.IdNumber is null ? null : Masking.DocumentNumber(p.IdNumber),
                    p.Colour, p.Temperature, p.OriginRisk, p.LeftOn, p.BoundForCity, p.Measure, p.MeasureDays, p.Tests, p.TestWithinDays, p.PolicyVersion, p.Verdict,
                    reasons, [.. reasons.Select(CheckpointWords.Reason)]);
            })]);
}
