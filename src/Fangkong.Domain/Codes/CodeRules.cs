namespace Fangkong.Domain.Codes;

/// <summary>Why a colour is what it is: the rule that fired, the evidence and the policy version.</summary>
public sealed record CodeDecision(CodeColour Colour, string Rule, string Explanation, IReadOnlyList<string> Evidence, string PolicyVersion);

public sealed record CodePolicy
{
    public string Version { get; init; } = "2022.9-fk1";
    /// <summary>How long a signed QR payload stays valid.</summary>
    public TimeSpan QrLifetime { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>How often the resident's page fetches a fresh payload.</summary>
    public TimeSpan QrRefresh { get; init; } = TimeSpan.FromSeconds(60);
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
                $"人工赋码:{manual.Reason}(申请 {manual.RequestedBy},审批 {manual.ApprovedBy})",
                [manual.EvidenceRef], policy.Version);

        var caseFact = list.OfType<CaseFact>().LastOrDefault();
        if (caseFact is not null)
            return new CodeDecision(CodeColour.Red, CaseRule, $"{caseFact.Description} / case under management", [caseFact.EvidenceRef], policy.Version);

        var contact = list.OfType<ContactFact>().OrderByDescending(c => c.Close).ThenBy(c => c.AtUtc).FirstOrDefault();
        if (contact is not null)
            return contact.Close
                ? new CodeDecision(CodeColour.Red, ContactRule, $"密切接触者（{contact.CaseRef}），隔离期满且检测阴性后解除 / close contact of {contact.CaseRef}: until released from quarantine",
                    [contact.EvidenceRef], policy.Version)
                : contact.Companion
                    ? new CodeDecision(CodeColour.Yellow, ContactRule, $"时空伴随者（{contact.CaseRef}），两次间隔24小时核酸阴性后转绿 / spatiotemporal companion of {contact.CaseRef}: until two negative tests 24 h apart",
                        [contact.EvidenceRef], policy.Version)
                    : new CodeDecision(CodeColour.Yellow, ContactRule, $"次密切接触者（{contact.CaseRef}），解除管理后转绿 / secondary contact of {contact.CaseRef}: until released",
                        [contact.EvidenceRef], policy.Version);

        // A sealed or controlled zone's resident (domain.md §7): the strictest zone over their home, the earliest set.
        var zone = list.OfType<ZoneFact>().OrderByDescending(z => z.Colour).ThenBy(z => z.AtUtc).FirstOrDefault();
        if (zone is not null) return new CodeDecision(zone.Colour, ZoneRule, zone.Explanation, [zone.EvidenceRef], policy.Version);

        var lastNegative = list.OfType<TestResultFact>().Where(t => !t.Positive).Select(t => (DateTime?)t.AtUtc).LastOrDefault();
        var pool = list.OfType<PositivePoolFact>().LastOrDefault(f => lastNegative is null || f.AtUtc >= lastNegative);
        if (pool is not null)
            return new CodeDecision(pool.Colour, PositivePoolRule,
                $"{pool.RoundName}混管阳性，请居家等待单管复采；复采阴性后转绿 / your pooled tube in {pool.RoundName} was positive: stay home for a single-tube re-test; green again once it is negative",
                [pool.EvidenceRef], policy.Version);

        var fever = list.OfType<FeverAtGate>().LastOrDefault(f => lastNegative is null || f.AtUtc > lastNegative);
        if (fever is not null)
            return new CodeDecision(CodeColour.Yellow, FeverRule,
                $"{fever.VenueName}测得体温{fever.Celsius:0.0}℃，核酸检测阴性后转绿 / fever {fever.Celsius:0.0} °C at {fever.VenueName}; green again after a negative test",
                [fever.EvidenceRef], policy.Version);

        var lastSampled = list.OfType<SampledFact>().Select(t => (DateTime?)t.AtUtc).LastOrDefault();
        var missed = list.OfType<MissedRoundFact>().LastOrDefault(f => lastSampled is null || f.AtUtc > lastSampled);
        if (missed is not null)
            return new CodeDecision(CodeColour.Yellow, MissedRoundRule,
                $"未参加{missed.RoundName}，任一采样点采样后转绿 / you missed {missed.RoundName}: green again once sampled at any site",
                [missed.EvidenceRef], policy.Version);

        // Green again after a zone was lifted: the lift is what explains it.
        if (list.OfType<ZoneLiftedFact>().LastOrDefault() is { } lifted)
            return new CodeDecision(CodeColour.Green, ZoneLiftedRule, lifted.Explanation, [lifted.EvidenceRef], policy.Version);

        return new CodeDecision(CodeColour.Green, DefaultRule, "无风险记录 / no risk facts", [], policy.Version);
    }
}
