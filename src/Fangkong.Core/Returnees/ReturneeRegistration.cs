using Fangkong.Domain.Travel;

namespace Fangkong.Core.Returnees;

/// <summary>
/// One returnee's registration, however it came: the person (already known), where they stay in the city (their own
/// household when none is named), where from — a listed risk area or free text — when they left and arrive, how they
/// travelled, who registered them, and the phone's idempotency key. A road checkpoint fills it for each passenger bound
/// for the city (<see cref="ReturneeSource.Checkpoint"/> with its id).
/// </summary>
public sealed record ReturneeRegistration(
    long PersonId,
    long? HouseholdId,
    long? RiskAreaId,
    string? Origin,
    DateOnly? LeftOn,
    DateOnly? ArrivedOn,
    TravelMode? Travel,
    string? TravelNumber,
    ReturneeSource Source,
    long? CheckpointId = null,
    string? IdempotencyKey = null,
    long? ByUserId = null,
    ObservedOrigin? Observed = null);

/// <summary>
/// What a road checkpoint's staff established about the origin (its risk level, whether its county has an outbreak): it
/// decides when it is stricter than the listed risk areas, so the returnee owes what the checkpoint told them.
/// </summary>
public sealed record ObservedOrigin(Domain.Zones.ZoneLevel Level, bool CountyHasOutbreak);

/// <summary>What a phone or a community worker sends: the registration without the person (the resident's own, or found or created from the ID).</summary>
public sealed record ReturneeForm(
    string? IdempotencyKey,
    long? RiskAreaId,
    string? Origin,
    DateOnly? LeftOn,
    DateOnly? ArrivedOn,
    TravelMode? Travel,
    string? TravelNumber,
    long? HouseholdId,
    long? CheckpointId,
    long? PersonId = null,
    string? DocumentNumber = null,
    string? Name = null,
    string? Phone = null);
