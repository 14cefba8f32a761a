namespace Fangkong.Domain.Tracing;

/// <summary>A confirmed case's clinical type; none (null) for an asymptomatic infection.</summary>
public enum ClinicalType { Mild = 2, Common = 3, Severe = 4, Critical = 5 }

/// <summary>How a case ended: discharged from hospital, released from isolation (asymptomatic), or died.</summary>
public enum CaseOutcome { None = 0, Discharged = 1, Released = 2, Died = 3 }
