using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.People;

namespace Fangkong.Core.Gate;

/// <summary>A check-in or check-out as a gate device sends it. Exactly one of IdNumber or Qr identifies the visitor.</summary>
public sealed record GateRequest(
    long DeviceId,
    string? IdempotencyKey,
    GateDirection Direction,
    string? IdNumber,
    string? Qr,
    decimal? Temperature,
    DocumentType DocumentType = DocumentType.ResidentIdCard,
    string? Name = null,
    DateTime? DeviceTimeUtc = null,
    long? OperatorUserId = null);

/// <summary>The gate's answer, sent only after the record is durably written.</summary>
public sealed record GateAnswer(
    long? EventId,
    GateOutcome Outcome,
    IReadOnlyList<DenyReason> Reasons,
    string MaskedName,
    CodeColour Colour,
    long? VisitId,
    int Occupancy,
    int Capacity,
    bool Replayed,
    DateTime AtUtc,
    string? Note,
    GateDirection? Direction = null);
