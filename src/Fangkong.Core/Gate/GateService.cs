using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Places;
using Fangkong.Core.Signing;
using Fangkong.Domain.People;

namespace Fangkong.Core.Gate;

/// <summary>
/// Checks visitors in and out. Validation (the document's rules, the code's signature, the reading's range) runs on the
/// request without touching the store; the request then joins the <see cref="GateQueue"/>, and <see cref="GateBatch"/> reads,
/// decides and writes a whole group at once (ADR 0004).
/// </summary>
public sealed partial class GateService(
    GateDirectory directory, GateQueue queue, CodeSigner signer, CityClock clock)
{
    /// <summary>Readings outside this band are not temperatures at all (a typo, a thermometer in °F): rejected as input.</summary>
    public const decimal MinAcceptedCelsius = 25m, MaxAcceptedCelsius = 50m;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex IdempotencyKeyPattern();

    public async Task<GateAnswer> HandleAsync(GateRequest request, CancellationToken ct)
    {
        // Pure checks first: bad input never costs a database round trip.
        if (request.IdempotencyKey is null || !IdempotencyKeyPattern().IsMatch(request.IdempotencyKey))
            throw new InputException("idempotencyKey", Messages.Get("Gate.IdempotencyKey"));
        if (!Enum.IsDefined(request.Direction) || request.Direction == GateDirection.NextScan) throw new InputException("direction", Messages.Get("Gate.Direction"));
        var temperature = request.Temperature;
        if (request.Direction == GateDirection.In && temperature is null)
            throw new InputException("temperature", Messages.Get("Gate.TemperatureRequired"));
        if (temperature is { } t && (t < MinAcceptedCelsius || t > MaxAcceptedCelsius))
            throw new InputException("temperature", Messages.Get("Gate.NotATemperature", t, MinAcceptedCelsius, MaxAcceptedCelsius));
        if (request.DeviceTimeUtc is { } dt && (dt > clock.UtcNow.AddMinutes(5) || dt < clock.UtcNow.AddDays(-7)))
            throw new InputException("deviceTime", Messages.Get("Gate.DeviceTime"));
        var (device, venue) = await directory.DeviceAsync(request.DeviceId, ct);

        var visitor = await IdentifyAsync(request, ct);

        // Who the visitor is, their colour and tests, occupancy and retries are all read by the batch, once per group.
        return await queue.SubmitAsync(new PendingGate(request, device, venue, visitor), ct);
    }

    /// <summary>Checks the document or the code's signature without touching the database.</summary>
    private async Task<VisitorKey> IdentifyAsync(GateRequest r, CancellationToken ct)
    {
        var hasId = !string.IsNullOrWhiteSpace(r.IdNumber);
        var hasQr = !string.IsNullOrWhiteSpace(r.Qr);
        if (hasId == hasQr)
            throw new InputException(hasId ? "qr" : "idNumber", Messages.Get("Gate.IdOrCode"));
        if (hasQr)
        {
            var v = await signer.VerifyAsync(r.Qr, ct);
            if (!v.IsValid) throw new InputException("qr", Messages.Get(v.Message));
            return new VisitorKey(null, null, v.Payload!.Token, "", EntryMethod.HealthCode);
        }
        var (number, error) = IdentityDocument.Normalise(r.DocumentType, r.IdNumber, clock.Today);
        if (number is null) throw new InputException("idNumber", Messages.Get(error!));
        var name = r.Name?.Trim();
        if (name is { Length: > 64 }) throw new InputException("name", Messages.Get("Gate.NameTooLong"));
        return new VisitorKey(r.DocumentType, number, null, string.IsNullOrEmpty(name) ? "访客" : name, EntryMethod.IdCard);
    }
}

/// <summary>
/// Who is at the gate, as validated: a document (type, number, name from the card), a verified code's token, or a person the
/// platform already knows (a signed-in resident scanning a venue's code, or the household member they register; ADR 0038).
/// </summary>
public sealed record VisitorKey(DocumentType? DocumentType, string? DocumentNumber, string? Token, string Name, EntryMethod Method, long? PersonId = null);

internal sealed record PendingGate(GateRequest Request, GateDevice Device, Venue Venue, VisitorKey Visitor);
