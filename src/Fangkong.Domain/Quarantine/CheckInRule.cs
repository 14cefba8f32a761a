namespace Fangkong.Domain.Quarantine;

public enum CheckInAlert { None = 0, Fever = 1, Symptoms = 2, Missed = 3 }

/// <summary>
/// Daily health monitoring: each day a quarantined person (or staff for them) reports temperature and symptoms.
/// A fever or any symptom raises an alert at once; no check-in by the cut-off time raises a missed alert.
/// </summary>
public static class CheckInRule
{
    /// <summary>Fever as at the gate (domain.md §2): 37.3 ℃ and above.</summary>
    public const decimal FeverFrom = 37.3m;

    /// <summary>When a day's check-in is missed, in city time. The platform's own default; configurable.</summary>
    public static readonly TimeOnly DefaultCutOff = new(20, 0);

    public static CheckInAlert Assess(decimal temperature, IReadOnlyCollection<string> symptoms)
    {
        ArgumentNullException.ThrowIfNull(symptoms);
        if (temperature >= FeverFrom) return CheckInAlert.Fever;
        return symptoms.Count > 0 ? CheckInAlert.Symptoms : CheckInAlert.None;
    }

    /// <summary>Whether <paramref name="day"/>'s check-in counts as missed at local time <paramref name="nowLocal"/>.</summary>
    public static bool IsMissed(DateOnly day, bool checkedIn, DateTime nowLocal, TimeOnly cutOff) =>
        !checkedIn && nowLocal >= day.ToDateTime(cutOff);
}
