using System.Globalization;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Codes;

/// <summary>
/// Why a colour is what it is: the rule that fired, the evidence and the policy version. The explanation is a
/// <see cref="Message"/>, stored as its key and arguments and worded when read, in the reader's language (ADR 0020).
/// </summary>
public sealed record CodeDecision(CodeColour Colour, string Rule, Message Explanation, IReadOnlyList<string> Evidence, string PolicyVersion);

public sealed record CodePolicy
{
    public string Version { get; init; } = "2022.9-fk1";
    /// <summary>How long a signed QR payload stays valid.</summary>
    public TimeSpan QrLifetime { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>How often the resident's page fetches a fresh payload.</summary>
    public TimeSpan QrRefresh { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// A returnee in centralized isolation (arrived from a high-risk area within the window): yellow, as domain.md §3 names
    /// "arrival from a high-risk area within the window" (ADR 0042).
    /// </summary>
    public CodeColour ReturneeIsolationColour { get; init; } = CodeColour.Yellow;
    /// <summary>
    /// A returnee under home medical observation (a medium-risk area): the domain is silent; yellow as the protocol's
    /// home-observation persons were held in Jilin in 2022, configurable (ADR 0042).
    /// </summary>
    public CodeColour ReturneeObservationColour { get; init; } = CodeColour.Yellow;
}

/// <summary>
/// Ordered, explainable colour rules (domain.md §3). Rules are evaluated in order; the first rule that
/// fires decides. Order is by authority then severity: an approved manual colour overrides derived ones.
/// </summary>
public static class CodeRules
{
    public const string ManualRule = "manual-approved";
    public const string CaseRule = "case";
    public const string ContactRule = "contact-under-management";
    public const string ZoneRule = "zone-resident";
    public const string ZoneLiftedRule = "zone-lifted";
    public const string ReturneeRule = "returnee-under-measure";
    public const string ReturneeReleasedRule = "returnee-released";
    public const string PositivePoolRule = "positive-pool-until-single-negative";
    public const string FeverRule = "fever-at-gate-until-negative-test";
    public const string MissedRoundRule = "missed-testing-round-until-sampled";
    public const string DefaultRule = "no-risk-facts";

    public static CodeDecision Evaluate(IEnumerable<HealthFact> facts, CodePolicy policy)
    {
        var list = facts.OrderBy(f => f.AtUtc).ToList();

        var manual = list.OfType<ManualColour>().LastOrDefault();
        if (manual is not null)
            return new CodeDecision(manual.Colour, ManualRule,
                new Message("Codes.Why.Manual", manual.Reason, manual.RequestedBy, manual.ApprovedBy),
                [manual.EvidenceRef], policy.Version);

        var caseFact = list.OfType<CaseFact>().LastOrDefault();
        if (caseFact is not null)
            return new CodeDecision(CodeColour.Red, CaseRule,
                new Message(caseFact.Suspected ? "Codes.Why.Suspected" : caseFact.ByPoolResampling ? "Codes.Why.CasePoolResampling" : "Codes.Why.CaseSingleTube"),
                [caseFact.EvidenceRef], policy.Version);

        var contact = list.OfType<ContactFact>().OrderByDescending(c => c.Close).ThenBy(c => c.AtUtc).FirstOrDefault();
        if (contact is not null)
            return contact.Close
                ? new CodeDecision(CodeColour.Red, ContactRule, new Message("Codes.Why.CloseContact", contact.CaseRef),
                    [contact.EvidenceRef], policy.Version)
                : contact.Companion
                    ? new CodeDecision(CodeColour.Yellow, ContactRule, new Message("Codes.Why.Companion", contact.CaseRef),
                        [contact.EvidenceRef], policy.Version)
                    : new CodeDecision(CodeColour.Yellow, ContactRule, new Message("Codes.Why.SecondaryContact", contact.CaseRef),
                        [contact.EvidenceRef], policy.Version);

        // A sealed or controlled zone's resident (domain.md §7): the strictest zone over their home, the earliest set.
        var zone = list.OfType<ZoneFact>().OrderByDescending(z => z.Colour).ThenBy(z => z.AtUtc).FirstOrDefault();
        if (zone is not null) return new CodeDecision(zone.Colour, ZoneRule, zone.Explanation, [zone.EvidenceRef], policy.Version);

        // A returnee under the traveller rule's isolation or observation (domain.md §3, §7): the strictest, the earliest.
        var returnee = list.OfType<ReturneeFact>()
            .Select(r => (Fact: r, Colour: r.Centralized ? policy.ReturneeIsolationColour : policy.ReturneeObservationColour))
            .Where(r => r.Colour != CodeColour.Green).OrderByDescending(r => r.Colour).ThenBy(r => r.Fact.AtUtc).FirstOrDefault();
        if (returnee.Fact is { } back)
            return new CodeDecision(returnee.Colour, ReturneeRule,
                new Message(back.Centralized ? "Codes.Why.ReturneeIsolation" : "Codes.Why.ReturneeObservation", back.Origin,
                    back.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                [back.EvidenceRef], policy.Version);

        var lastNegative = list.OfType<TestResultFact>().Where(t => !t.Positive).Select(t => (DateTime?)t.AtUtc).LastOrDefault();
        var pool = list.OfType<PositivePoolFact>().LastOrDefault(f => lastNegative is null || f.AtUtc >= lastNegative);
        if (pool is not null)
            return new CodeDecision(pool.Colour, PositivePoolRule,
                new Message("Codes.Why.PositivePool", pool.RoundName),
                [pool.EvidenceRef], policy.Version);

        var fever = list.OfType<FeverAtGate>().LastOrDefault(f => lastNegative is null || f.AtUtc > lastNegative);
        if (fever is not null)
            return new CodeDecision(CodeColour.Yellow, FeverRule,
                new Message("Codes.Why.Fever", fever.VenueName, fever.Celsius.ToString("0.0", CultureInfo.InvariantCulture)),
                [fever.EvidenceRef], policy.Version);

        var lastSampled = list.OfType<SampledFact>().Select(t => (DateTime?)t.AtUtc).LastOrDefault();
        var missed = list.OfType<MissedRoundFact>().LastOrDefault(f => lastSampled is null || f.AtUtc > lastSampled);
        if (missed is not null)
            return new CodeDecision(CodeColour.Yellow, MissedRoundRule,
                new Message("Codes.Why.MissedRound", missed.RoundName),
                [missed.EvidenceRef], policy.Version);

        // Green again after a returnee's measure ended, or after a zone was lifted: the later of the two explains it.
        var released = list.OfType<ReturneeReleasedFact>().LastOrDefault();
        var lastLift = list.OfType<ZoneLiftedFact>().LastOrDefault();
        if (released is not null && (lastLift is null || released.AtUtc >= lastLift.AtUtc))
            return new CodeDecision(CodeColour.Green, ReturneeReleasedRule, new Message("Codes.Why.ReturneeReleased", released.Origin), [released.EvidenceRef], policy.Version);
        if (lastLift is { } lifted)
            return new CodeDecision(CodeColour.Green, ZoneLiftedRule, lifted.Explanation, [lifted.EvidenceRef], policy.Version);

        return new CodeDecision(CodeColour.Green, DefaultRule, new Message("Codes.Why.NoRisk"), [], policy.Version);
    }
}
