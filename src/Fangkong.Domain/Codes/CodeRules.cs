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
    public const string FeverRule = "fever-at-gate-until-negative-test";
    public const string DefaultRule = "no-risk-facts";

    public static CodeDecision Evaluate(IEnumerable<HealthFact> facts, CodePolicy policy)
    {
        var list = facts.OrderBy(f => f.AtUtc).ToList();

        var manual = list.OfType<ManualColour>().LastOrDefault();
        if (manual is not null)
            return new CodeDecision(manual.Colour, ManualRule,
                $"人工赋码:{manual.Reason}(申请 {manual.RequestedBy},审批 {manual.ApprovedBy})",
                [manual.EvidenceRef], policy.Version);

        var lastNegative = list.OfType<TestResultFact>().Where(t => !t.Positive).Select(t => (DateTime?)t.AtUtc).LastOrDefault();
        var fever = list.OfType<FeverAtGate>().LastOrDefault(f => lastNegative is null || f.AtUtc > lastNegative);
        if (fever is not null)
            return new CodeDecision(CodeColour.Yellow, FeverRule,
                $"{fever.VenueName}测得体温{fever.Celsius:0.0}℃,核酸检测阴性后转绿 / fever {fever.Celsius:0.0} °C at {fever.VenueName}; green again after a negative test",
                [fever.EvidenceRef], policy.Version);

        return new CodeDecision(CodeColour.Green, DefaultRule, "无风险记录 / no risk facts", [], policy.Version);
    }
}
