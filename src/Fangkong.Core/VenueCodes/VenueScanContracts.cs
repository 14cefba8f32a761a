using Fangkong.Core.Gate;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Places;

namespace Fangkong.Core.VenueCodes;

/// <summary>
/// A phone's scan of a venue code: the token from the QR's address, a key the phone makes once per scan and sends again on
/// a retry, and — to register a household member without a phone (代登记) — that member's person id.
/// </summary>
public sealed record VenueScanRequest(string? Token, string? IdempotencyKey, long? ForPersonId = null);

/// <summary>
/// The scan's answer, given after the durable write: in or out, admitted or barred with every reason (and each reason in
/// words), the scanned person's masked name and colour, and how the entry was recorded.
/// </summary>
public sealed record VenueScanAnswer(
    long VenueId,
    string VenueName,
    GateDirection Direction,
    GateOutcome Outcome,
    IReadOnlyList<DenyReason> Reasons,
    IReadOnlyList<string> ReasonWords,
    string MaskedName,
    CodeColour Colour,
    EntryMethod Method,
    long? VisitId,
    bool Replayed,
    DateTime AtUtc,
    string? Note);

/// <summary>What the scan page shows before anything is recorded: the venue, and the resident's own colour and household.</summary>
public sealed record VenueScanView(long VenueId, string VenueName, VenueType Type, string? Address, string MaskedName, CodeColour Colour,
    IReadOnlyList<HouseholdMember> Household, DateTime ExpiresAtUtc);

/// <summary>A member of the resident's household the phone may register (代登记), masked.</summary>
public sealed record HouseholdMember(long PersonId, string MaskedName, CodeColour Colour);
