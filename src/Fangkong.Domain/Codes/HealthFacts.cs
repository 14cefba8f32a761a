using Fangkong.Domain.Text;
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

/// <summary>
/// The person is a case (a positive single tube, or later a diagnosis); <see cref="HealthFact.AtUtc"/> is when it was
/// found, <paramref name="ByPoolResampling"/> whether by the single-tube re-test of a positive pool,
/// <paramref name="Suspected"/> whether it is a suspected case still awaiting its tests (an excluded one is no fact).
/// </summary>
public sealed record CaseFact(DateTime AtUtc, string EvidenceRef, bool ByPoolResampling, bool Suspected = false) : HealthFact(AtUtc, EvidenceRef);

/// <summary>
/// The person's swab was in a positive pool sampled at <see cref="HealthFact.AtUtc"/>; they are controlled until a
/// negative single-tube re-test sampled after it. The colour is the round policy's.
/// </summary>
public sealed record PositivePoolFact(DateTime AtUtc, string EvidenceRef, CodeColour Colour, string RoundName) : HealthFact(AtUtc, EvidenceRef);

/// <summary>The person skipped a testing round that closed at <see cref="HealthFact.AtUtc"/>.</summary>
public sealed record MissedRoundFact(DateTime AtUtc, string EvidenceRef, string RoundName) : HealthFact(AtUtc, EvidenceRef);

/// <summary>A swab was taken from the person (the result may not be out yet).</summary>
public sealed record SampledFact(DateTime AtUtc, string EvidenceRef) : HealthFact(AtUtc, EvidenceRef);

/// <summary>
/// The person is a confirmed contact of a case, under management since <see cref="HealthFact.AtUtc"/> and not yet
/// released: a close contact is red, a secondary contact or a spatiotemporal companion yellow (domain.md §5, §6).
/// Released contacts are not facts.
/// </summary>
public sealed record ContactFact(DateTime AtUtc, string EvidenceRef, bool Close, string CaseRef, bool Companion = false) : HealthFact(AtUtc, EvidenceRef);

/// <summary>
/// The person lives in a sealed or controlled zone in force since <see cref="HealthFact.AtUtc"/>; the colour is the zone
/// policy's for its level (sealed → red, controlled → yellow by default, domain.md §7).
/// </summary>
public sealed record ZoneFact(DateTime AtUtc, string EvidenceRef, CodeColour Colour, Message Explanation) : HealthFact(AtUtc, EvidenceRef);

/// <summary>A zone the person lived in was lifted at <see cref="HealthFact.AtUtc"/>: it explains the green that follows.</summary>
public sealed record ZoneLiftedFact(DateTime AtUtc, string EvidenceRef, Message Explanation) : HealthFact(AtUtc, EvidenceRef);

/// <summary>
/// A returnee from another region under the measure the traveller rule ordered (domain.md §7, ADR 0039) since
/// <see cref="HealthFact.AtUtc"/>: centralized isolation or home medical observation until <paramref name="EndsOn"/>, from
/// <paramref name="Origin"/>. A measure of tests only is no fact.
/// </summary>
public sealed record ReturneeFact(DateTime AtUtc, string EvidenceRef, bool Centralized, string Origin, DateOnly EndsOn) : HealthFact(AtUtc, EvidenceRef);

/// <summary>A returnee's isolation or observation ended by the rule at <see cref="HealthFact.AtUtc"/>: it explains the green that follows.</summary>
public sealed record ReturneeReleasedFact(DateTime AtUtc, string EvidenceRef, string Origin) : HealthFact(AtUtc, EvidenceRef);
