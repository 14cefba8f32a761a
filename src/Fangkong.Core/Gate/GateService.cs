using System.Text.RegularExpressions;
using Fangkong.Core.Codes;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Places;
using Fangkong.Core.Testing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Gate;

/// <summary>
/// Checks visitors in and out. Validation and the per-person reads run concurrently on the request's own
/// connection; the decision that depends on shared state (occupancy) and the durable write happen in the
/// <see cref="GateWriter"/>, which commits requests in groups (ADR 0004).
/// </summary>
public sealed partial class GateService(
    IDbContextFactory<FangkongDb> dbs, GateDirectory directory, GateWriter writer, CodeSigner signer,
    GatePolicy policy, CityClock clock)
{
    /// <summary>Readings outside this band are not temperatures at all (a typo, a thermometer in °F): rejected as input.</summary>
    public const decimal MinAcceptedCelsius = 25m, MaxAcceptedCelsius = 50m;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex IdempotencyKeyPattern();

    public async Task<GateAnswer> HandleAsync(GateRequest request, CancellationToken ct)
    {
        if (request.IdempotencyKey is null || !IdempotencyKeyPattern().IsMatch(request.IdempotencyKey))
            throw new InputException("idempotencyKey", "需要设备生成的幂等键(8–64位字母、数字或 -_.:) / a device idempotency key of 8–64 letters, digits or -_.: is required");
        if (!Enum.IsDefined(request.Direction)) throw new InputException("direction", "方向应为 in 或 out / direction must be in or out");
        var (device, venue) = await directory.DeviceAsync(request.DeviceId, ct);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var replay = await ReplayAsync(db, device.Id, request.IdempotencyKey, ct);
        if (replay is not null) return replay;

        var identity = await IdentifyAsync(db, request, ct);
        decimal? temperature = request.Temperature;
        if (request.Direction == GateDirection.In && temperature is null)
            throw new InputException("temperature", "入场必须测量体温 / a temperature reading is required to enter");
        if (temperature is { } t && (t < MinAcceptedCelsius || t > MaxAcceptedCelsius))
            throw new InputException("temperature", $"体温{t}℃不是有效读数(应在{MinAcceptedCelsius}–{MaxAcceptedCelsius}℃之间) / {t} °C is not a body temperature reading");
        if (request.DeviceTimeUtc is { } dt && (dt > clock.UtcNow.AddMinutes(5) || dt < clock.UtcNow.AddDays(-7)))
            throw new InputException("deviceTime", "设备时间与服务器相差过大 / the device time is more than 5 minutes ahead or 7 days behind");

        var colour = identity.PersonId is { } pid ? await ColourAsync(db, pid, ct) : CodeColour.Green;
        DateTime? latestNegative = null;
        if (venue.RequiredNegativeTestHours is not null && identity.PersonId is { } p2)
            latestNegative = await db.TestResults.Where(r => r.PersonId == p2 && r.Outcome == TestOutcome.Negative)
                .MaxAsync(r => (DateTime?)r.SampledAtUtc, ct);

        // An implausible reading is answered at once: nothing to record, the visitor is simply measured again.
        if (request.Direction == GateDirection.In && Temperature.Classify(temperature!.Value, policy) == TemperatureReading.Implausible)
            return new GateAnswer(null, GateOutcome.Remeasure, [DenyReason.ImplausibleTemperature], Masking.Name(identity.Name),
                colour, null, 0, venue.Capacity, false, clock.UtcNow, "请重新测量体温 / please measure again");

        return await writer.SubmitAsync(new PendingGate(request with { Temperature = temperature }, device, venue, identity, colour, latestNegative), ct);
    }

    private static async Task<GateAnswer?> ReplayAsync(FangkongDb db, long deviceId, string key, CancellationToken ct)
    {
        var e = await db.GateEvents.AsNoTracking().FirstOrDefaultAsync(x => x.DeviceId == deviceId && x.IdempotencyKey == key, ct);
        return e is null ? null : await GateWriter.ReplayAnswerAsync(db, e, ct);
    }

    private static async Task<CodeColour> ColourAsync(FangkongDb db, long personId, CancellationToken ct) =>
        await db.HealthCodes.Where(h => h.PersonId == personId).Select(h => (CodeColour?)h.Colour).FirstOrDefaultAsync(ct) ?? CodeColour.Green;

    private async Task<VisitorIdentity> IdentifyAsync(FangkongDb db, GateRequest r, CancellationToken ct)
    {
        var hasId = !string.IsNullOrWhiteSpace(r.IdNumber);
        var hasQr = !string.IsNullOrWhiteSpace(r.Qr);
        if (hasId == hasQr)
            throw new InputException(hasId ? "qr" : "idNumber", "请刷身份证或扫健康码(二选一) / give either an ID number or a health-code QR, not both");
        if (hasQr)
        {
            var v = await signer.VerifyAsync(r.Qr, ct);
            if (!v.IsValid) throw new InputException("qr", v.Message);
            var person = await db.Persons.AsNoTracking().Where(p => p.Token == v.Payload!.Token)
                .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
                ?? throw new InputException("qr", "健康码对应的人员不存在 / the code's person is unknown");
            return new VisitorIdentity(person.Id, person.Name, null, null, EntryMethod.HealthCode);
        }
        var (number, error) = IdentityDocument.Normalise(r.DocumentType, r.IdNumber, clock.Today);
        if (number is null) throw new InputException("idNumber", error!);
        var name = r.Name?.Trim();
        if (name is { Length: > 64 }) throw new InputException("name", "姓名过长 / the name is longer than 64 characters");
        var found = await db.Persons.AsNoTracking().Where(p => p.DocumentType == r.DocumentType && p.DocumentNumber == number)
            .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        return found is null
            ? new VisitorIdentity(null, string.IsNullOrEmpty(name) ? "访客" : name, r.DocumentType, number, EntryMethod.IdCard)
            : new VisitorIdentity(found.Id, found.Name, r.DocumentType, number, EntryMethod.IdCard);
    }
}

/// <summary>Who is at the gate: a known person, or a new visitor (valid document, not yet registered).</summary>
public sealed record VisitorIdentity(long? PersonId, string Name, DocumentType? DocumentType, string? DocumentNumber, EntryMethod Method);

internal sealed record PendingGate(GateRequest Request, GateDevice Device, Venue Venue, VisitorIdentity Identity, CodeColour Colour, DateTime? LatestNegativeUtc);
