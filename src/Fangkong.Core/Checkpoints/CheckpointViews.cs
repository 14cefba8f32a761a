using Fangkong.Core.Passes;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Travel;

namespace Fangkong.Core.Checkpoints;

public sealed record CheckpointView(long Id, string Name, CheckpointKind Kind, string DistrictCode, string Location, int ShiftsPerDay, TimeOnly FirstShiftStarts,
    bool Staffed, int CurrentShift, IReadOnlyList<string> OnDuty);

/// <summary>A checkpoint as an administrator adds it.</summary>
public sealed record CheckpointRequest(string? Name, CheckpointKind? Kind, string? DistrictCode, string? Location, int? ShiftsPerDay, TimeOnly? FirstShiftStarts);

/// <summary>Staff put on duty at a checkpoint for one shift of a day (their user names).</summary>
public sealed record DutyRequest(DateOnly? Day, int? Shift, IReadOnlyList<string>? UserNames);

public sealed record DutyView(DateOnly Day, int Shift, DateTime StartsLocal, DateTime EndsLocal, IReadOnlyList<string> Staff);

/// <summary>One person in a stopped vehicle, as the tablet sends them: an ID card number or a scanned code, and where they stayed.</summary>
public sealed record PassengerRequest(string? IdNumber, string? Name, string? Qr, decimal? Temperature, OriginRisk? OriginRisk, DateOnly? LeftOn,
    bool? CountyHasOutbreak, bool? BoundForCity);

/// <summary>A vehicle stopped at a checkpoint, with its people; a freight pass's QR when shown. The idempotency key makes it once.</summary>
public sealed record VehicleCheckRequest(long? CheckpointId, string? Plate, VehicleKind? Kind, string? Origin, string? Destination, bool? BoundForCity,
    string? PassQr, IReadOnlyList<PassengerRequest>? Passengers, string? IdempotencyKey);

public sealed record PassengerView(int Seat, CheckMethod Method, string? Name, string? IdNumber, CodeColour? Colour, decimal? Temperature, OriginRisk OriginRisk,
    DateOnly? LeftOn, bool BoundForCity, TravellerMeasure Measure, int MeasureDays, int Tests, int TestWithinDays, string PolicyVersion, CheckVerdict Verdict,
    IReadOnlyList<CheckReason> Reasons, IReadOnlyList<string> ReasonWords);

public sealed record VehicleCheckView(long Id, long CheckpointId, string CheckpointName, DateTime AtUtc, DateOnly ShiftDay, int Shift, string Plate, VehicleKind Kind,
    string Origin, string Destination, CheckVerdict Verdict, bool GreenLane, PassCheck? Pass, IReadOnlyList<PassengerView> Passengers);

/// <summary>A vehicle check as the line list shows it (no persons: their count and verdicts only).</summary>
public sealed record VehicleCheckLine(long Id, long CheckpointId, string CheckpointName, string DistrictCode, DateTime AtUtc, DateOnly ShiftDay, int Shift, string Plate,
    VehicleKind Kind, string Origin, string Destination, int People, CheckVerdict Verdict, bool GreenLane, string? PassVerdict);
