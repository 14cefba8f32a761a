using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>A tube from the moment its barcode is scanned at a table until its result is posted.</summary>
public sealed class Tube
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public required string Barcode { get; set; }
    public long SiteId { get; set; }
    public TubeKind Kind { get; set; }
    public int Capacity { get; set; }
    public int Count { get; set; }
    public long OpenedByUserId { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    /// <summary>Sampling time of the tube: its first swab (turnaround is measured from here).</summary>
    public DateTime? FirstSampledAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public long? DoorTaskId { get; set; }
    public long? BoxId { get; set; }
    public DateTime? ReceivedAtUtc { get; set; }
    public long? ReceivedByUserId { get; set; }
    public TubeOutcome? Outcome { get; set; }
    public DateTime? ResultAtUtc { get; set; }
    public long? ResultByUserId { get; set; }
    /// <summary>The device's idempotency key for opening, so a replayed open returns the same tube.</summary>
    public required string OpenKey { get; set; }
}

/// <summary>One swab of one person into one tube.</summary>
public sealed class Sample
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long TubeId { get; set; }
    public long PersonId { get; set; }
    public DateTime AtUtc { get; set; }
    public long SamplerUserId { get; set; }
    /// <summary>Re-samples after a positive pool may repeat a person within a round; regular swabs may not.</summary>
    public bool Resample { get; set; }
    public bool AtHome { get; set; }
    public required string IdempotencyKey { get; set; }
}

public enum BoxStatus { Packed = 1, InTransit = 2, Received = 3 }

/// <summary>A transport box of closed tubes, with its own barcode.</summary>
public sealed class Box
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public required string Barcode { get; set; }
    public long SiteId { get; set; }
    public int TubeCount { get; set; }
    public int ReceivedTubes { get; set; }
    public BoxStatus Status { get; set; }
    public DateTime PackedAtUtc { get; set; }
    public long PackedByUserId { get; set; }
}

public enum HandoverStep { Courier = 1, Lab = 2 }

/// <summary>A box changing hands: who took it, when, and whether the tubes counted match the box's.</summary>
public sealed class Handover
{
    public long Id { get; set; }
    public long BoxId { get; set; }
    public HandoverStep Step { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Receiver { get; set; }
    public int ExpectedTubes { get; set; }
    public int CountedTubes { get; set; }
    public bool Reconciled => ExpectedTubes == CountedTubes;
    public long RecordedByUserId { get; set; }
}
