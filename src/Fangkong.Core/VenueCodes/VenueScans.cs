using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.VenueCodes;

/// <summary>
/// A resident's phone scans a venue's code: the token's signature and expiry are checked without touching the store, the
/// visitor is the signed-in resident (or a member of their household), and the request joins the gate's own queue under
/// the venue code's device — the same group, rules (red and yellow barred per venue, capacity, required test, zones),
/// idempotency and durable writes as a gate's check-in, so the visit is counted and traced alike (ADR 0038). The scan is an
/// entry, or the exit of someone already inside.
/// </summary>
public sealed partial class VenueScans(IDbContextFactory<FangkongDb> dbs, CodeSigner signer, VenueCodeDirectory codes,
    GateDirectory devices, GateQueue queue)
{
    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex IdempotencyKeyPattern();

    /// <param name="userId">The phone's account (kept on the event); null only for the outbreak simulation's residents, who have none.</param>
    public async Task<VenueScanAnswer> ScanAsync(long? userId, long personId, VenueScanRequest request, CancellationToken ct)
    {
        // Pure checks first: bad input never costs a round trip.
        if (request.IdempotencyKey is null || !IdempotencyKeyPattern().IsMatch(request.IdempotencyKey))
            throw new InputException("idempotencyKey", Messages.Get("VenueCodes.IdempotencyKey"));
        var venueId = await VenueOfAsync(request.Token, ct);
        var deviceId = await codes.DeviceOfAsync(venueId, ct);
        var (device, venue) = await devices.DeviceAsync(deviceId, ct);

        var method = EntryMethod.VenueCode;
        var visitor = personId;
        if (request.ForPersonId is { } other && other != personId)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (!await SameHouseholdAsync(db, personId, other, ct))
                throw new InputException("forPersonId", Messages.Get("VenueCodes.NotYourHousehold"));
            (method, visitor) = (EntryMethod.VenueCodeProxy, other);
        }
        var gate = new GateRequest(device.Id, request.IdempotencyKey, GateDirection.NextScan, null, null, null, OperatorUserId: userId);
        var answer = await queue.SubmitAsync(new PendingGate(gate, device, venue, new VisitorKey(null, null, null, "", method, visitor)), ct);
        return new VenueScanAnswer(venue.Id, venue.Name, answer.Direction ?? GateDirection.In, answer.Outcome, answer.Reasons,
            answer.Reasons.Select(r => Messages.Get($"VenueCodes.Reason.{r}")).ToList(), answer.MaskedName, answer.Colour, method,
            answer.VisitId, answer.Replayed, answer.AtUtc, answer.Note);
    }

    /// <summary>The scan page's first view: the venue, the resident's own colour, and the household members they may register.</summary>
    public async Task<VenueScanView> ViewAsync(long personId, string? token, CancellationToken ct)
    {
        var verified = await VerifyAsync(token, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == verified.VenueId, ct)
            ?? throw new NotFoundException("token", Messages.Get("VenueCodes.NoSuchVenue"));
        var me = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.HouseholdId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("personId", Messages.Get("VenueCodes.NoSuchPerson"));
        var household = me.HouseholdId is not { } h ? [] : await db.Persons.AsNoTracking()
            .Where(p => p.HouseholdId == h && p.Id != personId).OrderBy(p => p.BirthDate).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, Colour = db.Colours.Where(c => c.PersonId == p.Id).Select(c => (CodeColour?)c.Colour).FirstOrDefault() })
            .Take(20).ToListAsync(ct);
        var colour = await db.Colours.Where(c => c.PersonId == personId).Select(c => (CodeColour?)c.Colour).FirstOrDefaultAsync(ct) ?? CodeColour.Green;
        return new VenueScanView(venue.Id, venue.Name, venue.Type, venue.Address, Masking.Name(me.Name), colour,
            household.Select(m => new HouseholdMember(m.Id, Masking.Name(m.Name), m.Colour ?? CodeColour.Green)).ToList(), verified.ExpiresAtUtc);
    }

    private async Task<long> VenueOfAsync(string? token, CancellationToken ct) => (await VerifyAsync(token, ct)).VenueId;

    private async Task<Domain.VenueCodes.VenueCodePayload> VerifyAsync(string? token, CancellationToken ct)
    {
        var v = await signer.VerifyVenueCodeAsync(token, ct);
        if (!v.IsValid) throw new InputException("token", Messages.Get(v.Message));
        // Revoked early by an officer (ADR 0042): a code signed before the revocation is refused, naming it.
        if (await codes.RevokedBeforeAsync(v.Payload!.VenueId, ct) is { } before && v.Payload.IssuedAtUtc < before)
            throw new InputException("token", Messages.Get("VenueCodes.Revoked", before.Add(Common.CityClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        return v.Payload;
    }

    /// <summary>代登记 is for one's own household: both persons registered in the same one.</summary>
    private static async Task<bool> SameHouseholdAsync(FangkongDb db, long personId, long other, CancellationToken ct)
    {
        var homes = await db.Persons.AsNoTracking().Where(p => p.Id == personId || p.Id == other).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct);
        return homes.Count == 2 && homes[0].HouseholdId is not null && homes[0].HouseholdId == homes[1].HouseholdId;
    }
}
