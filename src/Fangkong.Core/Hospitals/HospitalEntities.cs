using Fangkong.Domain.Common;
using Fangkong.Domain.Hospitals;

namespace Fangkong.Core.Hospitals;

/// <summary>A hospital that takes cases: designated (定点医院) or temporary (方舱医院), in a district of this city or another.</summary>
public sealed class Hospital
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public HospitalKind Kind { get; set; }
    public required string DistrictCode { get; set; }
    public string? Address { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A ward (病区) of a hospital; a Fangcang hall's zones are wards too.</summary>
public sealed class HospitalWard
{
    public long Id { get; set; }
    public long HospitalId { get; set; }
    public required string Name { get; set; }
}

/// <summary>One bed of a ward: one case at a time.</summary>
public sealed class HospitalBed
{
    public long Id { get; set; }
    public long HospitalId { get; set; }
    public long WardId { get; set; }
    /// <summary>The bed's number within its ward ("12").</summary>
    public required string Number { get; set; }
    /// <summary>Its place in the ward, so beds list as numbered (2 before 10).</summary>
    public int Position { get; set; }
}

/// <summary>A case's time in one bed, from admission (or a move in) to a move out or discharge; the rows are the case's course of treatment.</summary>
public sealed class BedStay
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long PersonId { get; set; }
    public long HospitalId { get; set; }
    public long WardId { get; set; }
    public long BedId { get; set; }
    public BedStayState State { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime? ToUtc { get; set; }
    public long ByUserId { get; set; }
}

/// <summary>Case transfers requested in one action (a batch of hundreds across districts or cities, or a day's return trips).</summary>
public sealed class CaseTransferBatch
{
    public long Id { get; set; }
    public CaseTransferKind Kind { get; set; }
    /// <summary>Null: home (return trips).</summary>
    public long? ToHospitalId { get; set; }
    public DateOnly DueDate { get; set; }
    public int Persons { get; set; }
    public string? Note { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public long ByUserId { get; set; }
}

/// <summary>One case driven by ambulance (转运): to a hospital, between hospitals, or home after discharge or release.</summary>
public sealed class CaseTransfer
{
    public long Id { get; set; }
    public long? BatchId { get; set; }
    public long CaseId { get; set; }
    public long PersonId { get; set; }
    public CaseTransferKind Kind { get; set; }
    /// <summary>Null: from home (or wherever the case was found).</summary>
    public long? FromHospitalId { get; set; }
    /// <summary>Null: home.</summary>
    public long? ToHospitalId { get; set; }
    /// <summary>Districts at both ends when requested, so a list shows the trips that cross districts and cities.</summary>
    public string? FromDistrictCode { get; set; }
    public string? ToDistrictCode { get; set; }
    public TransferState State { get; set; }
    public DateOnly DueDate { get; set; }
    public string? Vehicle { get; set; }
    public string? Note { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public DateTime? DispatchedAtUtc { get; set; }
    public DateTime? ArrivedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
}
