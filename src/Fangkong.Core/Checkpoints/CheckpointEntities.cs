using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Travel;

namespace Fangkong.Core.Checkpoints;

/// <summary>A road checkpoint or inspection station: its kind, district and place, and how its day is cut into shifts.</summary>
public sealed class Checkpoint
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public CheckpointKind Kind { get; set; }
    public required string DistrictCode { get; set; }
    /// <summary>Where it stands ("G12珲乌高速辽源收费站", "303国道东辽县界").</summary>
    public required string Location { get; set; }
    public int ShiftsPerDay { get; set; } = 3;
    public TimeOnly FirstShiftStarts { get; set; } = new(8, 0);
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A staff member (an account with the checkpoint-staff role) on duty at a checkpoint for one shift.</summary>
public sealed class CheckpointDuty
{
    public long Id { get; set; }
    public long CheckpointId { get; set; }
    public long UserId { get; set; }
    public DateOnly Day { get; set; }
    public int Shift { get; set; }
}

/// <summary>
/// A vehicle stopped at a checkpoint: what it was, where from and to, its people's and its own verdict, the pass it
/// showed, the shift it fell in and who checked it. Carries its checkpoint's district so the area filter reads one column.
/// </summary>
public sealed class VehicleCheck
{
    public long Id { get; set; }
    public long CheckpointId { get; set; }
    public required string DistrictCode { get; set; }
    public DateTime AtUtc { get; set; }
    public DateOnly ShiftDay { get; set; }
    public int Shift { get; set; }
    public required string Plate { get; set; }
    public VehicleKind Kind { get; set; }
    public required string Origin { get; set; }
    public required string Destination { get; set; }
    public CheckVerdict Verdict { get; set; }
    public bool GreenLane { get; set; }
    public long? PassId { get; set; }
    /// <summary>The pass check's verdict when one was shown (Domain.Passes.PassVerdict's name).</summary>
    public string? PassVerdict { get; set; }
    public int People { get; set; }
    public long CheckedByUserId { get; set; }
    /// <summary>"k:{user}:{idempotency key}": a tablet on a weak network retries; the same key answers with this check.</summary>
    public required string SourceKey { get; set; }
}

/// <summary>
/// One person of a stopped vehicle: identified how, their colour and temperature, where they stayed and when they left,
/// the traveller rule's decision with its policy version, and the checkpoint's verdict with its reasons. A person bound
/// for the city with a measure owed is what the returnee registration takes over (ADR 0040).
/// </summary>
public sealed class PassengerCheck
{
    public long Id { get; set; }
    public long VehicleCheckId { get; set; }
    public long CheckpointId { get; set; }
    public required string DistrictCode { get; set; }
    public DateTime AtUtc { get; set; }
    public int Seat { get; set; }
    public CheckMethod Method { get; set; }
    public long? PersonId { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public CodeColour? Colour { get; set; }
    public decimal? Temperature { get; set; }
    public OriginRisk OriginRisk { get; set; }
    public DateOnly? LeftOn { get; set; }
    public bool BoundForCity { get; set; }
    public TravellerMeasure Measure { get; set; }
    public int MeasureDays { get; set; }
    public int Tests { get; set; }
    public int TestWithinDays { get; set; }
    public required string PolicyVersion { get; set; }
    public CheckVerdict Verdict { get; set; }
    /// <summary>The reasons' names, comma-separated (CheckReason).</summary>
    public required string Reasons { get; set; }
    /// <summary>Set once the returnee registration has taken this arrival over (ADR 0040: the merger's one call).</summary>
    public bool ReturneeRegistered { get; set; }
}
