using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Travel;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Returnees;

/// <summary>
/// A risk area of another region (外地风险区) as its authorities published it: where, its level, from when (to when, once
/// lowered), and whether its county has an outbreak — a low-risk origin counts only then (domain.md §7, travellers).
/// </summary>
public sealed class OtherRiskArea
{
    public long Id { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
    public required string County { get; set; }
    /// <summary>The area itself ("宽城区团山街道"), or the county's name again when the whole county is the area.</summary>
    public required string Name { get; set; }
    /// <summary>High, medium, low as the three levels of a zone (sealed, controlled, precaution).</summary>
    public ZoneLevel Level { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
    public bool CountyHasOutbreak { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public long CreatedByUserId { get; set; }
}

/// <summary>
/// A returnee's registration (外返人员): who, from where (a matched risk area or free text) and when, how travelled,
/// where staying in the city (its household, community and grid, and the grid's named worker), and what the traveller
/// rule decided with the preset and policy version in force, the stay that serves it, and how it ended.
/// </summary>
public sealed class Returnee : INumberedRecord
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public long PersonId { get; set; }
    /// <summary>Where the returnee stays, not their registered home: the area that follows them up (ADR 0028 filters by these).</summary>
    public long HouseholdId { get; set; }
    public string? DistrictCode { get; set; }
    public long? StreetId { get; set; }
    public long? CommunityId { get; set; }
    public long? GridId { get; set; }
    /// <summary>The grid's worker by name, copied at registration: the person who calls every day.</summary>
    public string? WorkerName { get; set; }
    public long? RiskAreaId { get; set; }
    /// <summary>Where from, as the returnee put it (or the matched area's full name).</summary>
    public required string Origin { get; set; }
    public ZoneLevel? OriginLevel { get; set; }
    public bool CountyHasOutbreak { get; set; }
    public DateOnly LeftOn { get; set; }
    public DateOnly ArrivedOn { get; set; }
    public TravelMode Travel { get; set; }
    /// <summary>The train or flight number, or the car's plate.</summary>
    public string? TravelNumber { get; set; }
    public ReturneeSource Source { get; set; }
    /// <summary>The road checkpoint whose QR or staff registered the returnee.</summary>
    public long? CheckpointId { get; set; }
    /// <summary>The phone's idempotency key ("k:user:key"): a retry answers with this registration.</summary>
    public string? SourceKey { get; set; }
    public TravellerMeasure Measure { get; set; }
    public ZonePreset Preset { get; set; }
    public int Days { get; set; }
    public int Tests { get; set; }
    public int TestWithinDays { get; set; }
    public DateOnly? EndsOn { get; set; }
    public required string PolicyVersion { get; set; }
    /// <summary>The home or centralized stay that serves the measure (Quarantine's), null for tests only.</summary>
    public long? StayId { get; set; }
    /// <summary>Centralized isolation ordered but no room was free: the site is still to be found.</summary>
    public bool PlacementPending { get; set; }
    public ReturneeState State { get; set; }
    public DateTime RegisteredAtUtc { get; set; }
    public long? RegisteredByUserId { get; set; }
    public DateTime? EndedAtUtc { get; set; }

    RecordKind INumberedRecord.NumberKind => RecordKind.Returnee;
    DateTime INumberedRecord.NumberedAtUtc => RegisteredAtUtc;

    /// <summary>The rule's decision as recorded, for its test days.</summary>
    public TravellerDecision Decision => new(Measure, ArrivedOn, Days, Tests, TestWithinDays, PolicyVersion);
}

/// <summary>The named worker's daily follow-up of a returnee (a call or a visit): reached or not, how they are. One a day; a second replaces it.</summary>
public sealed class ReturneeFollowUp
{
    public long Id { get; set; }
    public long ReturneeId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime AtUtc { get; set; }
    public long ByUserId { get; set; }
    public required string ByName { get; set; }
    public bool Reached { get; set; }
    public bool Symptoms { get; set; }
    public string? Note { get; set; }
}
