using System.Text.RegularExpressions;

namespace Fangkong.Domain.Audit;

/// <summary>
/// When the audit log raises an alarm (issue 18 §5, <c>Policy:Audit:*</c>): an officer reading or changing more people
/// than <see cref="PersonsPerWindow"/> within <see cref="Window"/>; manual colour requests in bulk; a manual colour whose
/// reason names no epidemiological fact; an export outside working hours (city time).
/// </summary>
public sealed partial record AuditPolicy
{
    /// <summary>Distinct persons one officer may read or change within <see cref="Window"/> before it is an alarm.</summary>
    public int PersonsPerWindow { get; init; } = 500;
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Manual colour requests one officer may file within <see cref="Window"/> before it is a bulk change.</summary>
    public int ManualRequestsPerWindow { get; init; } = 20;
    /// <summary>Working hours in city time, [start, end): an export outside them raises an alarm.</summary>
    public TimeSpan WorkStart { get; init; } = TimeSpan.FromHours(7);
    public TimeSpan WorkEnd { get; init; } = TimeSpan.FromHours(22);
    /// <summary>Words that name an epidemiological fact in a manual colour's reason (besides a record number such as C2026-0042).</summary>
    public string[] EvidenceWords { get; init; } =
        ["病例", "确诊", "阳性", "核酸", "检测", "密接", "密切接触", "次密接", "疑似", "发热", "case", "test", "positive", "contact", "fever"];

    /// <summary>True when an instant in city time falls outside working hours.</summary>
    public bool IsOddHour(DateTime cityTime) => cityTime.TimeOfDay < WorkStart || cityTime.TimeOfDay >= WorkEnd;

    /// <summary>True when a manual colour's reason names a case, a test or another fact an epidemiologist can check.</summary>
    public bool NamesEvidence(string reason) =>
        RecordNumber().IsMatch(reason) || EvidenceWords.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"[A-Za-z]\d{4}-\d{1,6}")]
    private static partial Regex RecordNumber();
}
