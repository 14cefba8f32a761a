using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Hospitals;

/// <summary>A hospital designated to treat cases (定点医院), or a temporary hospital in a hall or a stadium (方舱医院).</summary>
public enum HospitalKind { Designated = 1, Fangcang = 2 }

/// <summary>A case's time in one bed: in it now, moved on to another bed, or discharged from the hospital.</summary>
public enum BedStayState { InBed = 1, Moved = 2, Discharged = 3 }

/// <summary>Why a case is driven somewhere: to a hospital, from one hospital to another, or home after release.</summary>
public enum CaseTransferKind { ToHospital = 1, BetweenHospitals = 2, ReturnHome = 3 }

public static class DischargeRule
{
    /// <summary>
    /// The course a case ends in when it leaves hospital: a confirmed case is discharged (出院), an asymptomatic infection
    /// is released from medical observation (解除医学观察), as the bulletin counts them apart; a suspected case leaves only
    /// excluded (排除) — confirmed, it is no longer suspected.
    /// </summary>
    public static CaseStatus EndingFor(CaseClass c) => c switch
    {
        CaseClass.Asymptomatic => CaseStatus.Released,
        CaseClass.Suspected => CaseStatus.Excluded,
        _ => CaseStatus.Discharged,
    };
}
