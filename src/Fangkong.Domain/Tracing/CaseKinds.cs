namespace Fangkong.Domain.Tracing;

public enum CaseFoundBy { PoolResampling = 1, SingleTube = 2, FeverClinic = 3, Checkpoint = 4, ContactUnderQuarantine = 5, Other = 6 }

/// <summary>Clinical classification (domain.md §5); asymptomatic until a clinician classifies the case.</summary>
public enum CaseClass { Asymptomatic = 1, Mild = 2, Common = 3, Severe = 4, Critical = 5, Suspected = 6 }

/// <summary>
/// Where a case is in its course; discharged, released, died and excluded are final. Excluded (排除) ends a suspected
/// case that proved not to be one; a suspected case that proves to be one becomes a confirmed case instead.
/// </summary>
public enum CaseStatus { Reported = 0, InHospital = 1, Discharged = 2, Released = 3, Died = 4, Excluded = 5 }
