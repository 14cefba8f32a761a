namespace Fangkong.Domain.Codes;

/// <summary>A stored fact that may decide a colour, with a reference to the record that proves it.</summary>
public abstract record HealthFact(DateTime AtUtc, string EvidenceRef);

/// <summary>A fever (≥ the policy threshold) measured at a gate.</summary>
public sealed record FeverAtGate(DateTime AtUtc, string EvidenceRef, decimal Celsius, string VenueName) : HealthFact(AtUtc, EvidenceRef);

/// <summary>A nucleic-acid test result; <see cref="HealthFact.AtUtc"/> is the sampling time.</summary>
public sealed record TestResultFact(DateTime AtUtc, string EvidenceRef, bool Positive) : HealthFact(AtUtc, EvidenceRef);

/// <summary>A colour set by an officer with a reason and approved by a second officer.</summary>
public sealed record ManualColour(DateTime AtUtc, string EvidenceRef, CodeColour Colour, string Reason, string RequestedBy, string ApprovedBy)
    : HealthFact(AtUtc, EvidenceRef);
