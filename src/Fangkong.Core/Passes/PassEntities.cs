using Fangkong.Domain.Passes;

namespace Fangkong.Core.Passes;

/// <summary>
/// A pass (通行证): a staff pass for an enterprise's or project's worker (person, employer, route or area) or a freight
/// pass for a transport company's vehicle (plate, driver, route, cargo), valid for whole city days. Entered by a pass
/// officer on the enterprise's behalf (ADR 0041), approved or refused by one, revoked when withdrawn or when its holder's
/// code turns red.
/// </summary>
public sealed class Pass
{
    public long Id { get; set; }
    public PassKind Kind { get; set; }
    public PassState State { get; set; }
    /// <summary>The holder (the staff member, or the freight vehicle's driver) in the city's registry, when known there.</summary>
    public long? PersonId { get; set; }
    public required string HolderName { get; set; }
    /// <summary>The holder's ID number as given (shown masked); a driver from another province is often not in the registry.</summary>
    public required string HolderIdNumber { get; set; }
    /// <summary>The enterprise or project (staff pass), or the transport company (freight pass).</summary>
    public required string Employer { get; set; }
    /// <summary>The route ("长春—辽源") or the area the pass is good for.</summary>
    public required string Route { get; set; }
    /// <summary>Freight: the vehicle's plate, normalised (吉D12345).</summary>
    public string? Plate { get; set; }
    public string? Cargo { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    /// <summary>"k:{user}:{idempotency key}": the same application again answers with the pass it made.</summary>
    public string? SourceKey { get; set; }
    public long AppliedByUserId { get; set; }
    public DateTime AppliedAtUtc { get; set; }
    public long? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? RefusalReason { get; set; }
    public PassRevocation? Revocation { get; set; }
    public string? RevocationNote { get; set; }
    /// <summary>Null when the platform revoked it by rule (the holder's colour turned red).</summary>
    public long? RevokedByUserId { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>A pass shown and accepted at a checkpoint: "passes used" counts these.</summary>
public sealed class PassUse
{
    public long Id { get; set; }
    public long PassId { get; set; }
    public long CheckpointId { get; set; }
    public long? VehicleCheckId { get; set; }
    public DateTime AtUtc { get; set; }
}
