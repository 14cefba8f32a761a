namespace Fangkong.Domain.Institutions;

/// <summary>The kinds of institution that report (domain.md §8). Stored numbers: never renumber, only add.</summary>
public enum InstitutionKind
{
    Enterprise = 1,
    KeyProject = 2,
    School = 3,
    College = 4,
    NursingHome = 5,
    ChildWelfare = 6,
    Medical = 7,
}

/// <summary>What a member is to their institution: its staff, a student, or a resident (of a nursing home or child welfare institution).</summary>
public enum MemberKind
{
    Staff = 1,
    Student = 2,
    Resident = 3,
}

public static class InstitutionKinds
{
    /// <summary>Nursing homes and child welfare institutions are the ones put under closed management (封闭管理).</summary>
    public static bool MayClose(InstitutionKind kind) => kind is InstitutionKind.NursingHome or InstitutionKind.ChildWelfare;

    /// <summary>The prevention plan's name: 一校一策 for schools and colleges, 一院一策 for homes and hospitals, 一企一策 otherwise.</summary>
    public static string PlanWord(InstitutionKind kind) => kind switch
    {
        InstitutionKind.School or InstitutionKind.College => "一校一策",
        InstitutionKind.NursingHome or InstitutionKind.ChildWelfare or InstitutionKind.Medical => "一院一策",
        _ => "一企一策",
    };
}
