using Fangkong.Domain.Text;

namespace Fangkong.Domain.Tracing;

/// <summary>Why a change to a case's class or course is refused: the field to blame, the sentence, and whether it is a conflict with the case's state (409) or bad input (400).</summary>
public sealed record CourseRefusal(string Field, Message Why, bool Conflict);

/// <summary>
/// The moves a case's class and course allow (domain.md §5): an asymptomatic infection may be confirmed (a conversion,
/// never back); a suspected case is confirmed with a clinical type or excluded, never discharged or released; a
/// confirmed case changes its clinical type, is discharged or dies; an asymptomatic infection is released or dies.
/// Discharged, released, died and excluded are final. One list for the registry that enforces them and the page that offers them.
/// </summary>
public static class CourseRules
{
    public static bool IsConfirmed(CaseClass c) => c is CaseClass.Mild or CaseClass.Common or CaseClass.Severe or CaseClass.Critical;

    public static bool IsEnded(CaseStatus s) => s is CaseStatus.Discharged or CaseStatus.Released or CaseStatus.Died;

    public static bool IsFinal(CaseStatus s) => IsEnded(s) || s == CaseStatus.Excluded;

    /// <summary>The classes a case may be given now (its own excluded); none once its course is final.</summary>
    public static IReadOnlyList<CaseClass> NextClasses(CaseClass from, CaseStatus status) =>
        IsFinal(status) ? [] : Enum.GetValues<CaseClass>().Where(to => to != from && RefuseClass(from, to) is null).ToList();

    /// <summary>The courses a case of class <paramref name="cls"/> (its class after the change) may take now; none once final.</summary>
    public static IReadOnlyList<CaseStatus> NextStatuses(CaseClass cls, CaseStatus status) =>
        IsFinal(status) ? [] : Enum.GetValues<CaseStatus>().Where(to => to != status && RefuseStatus(cls, to) is null).ToList();

    /// <summary>Null when <paramref name="from"/> may become <paramref name="to"/>.</summary>
    public static CourseRefusal? RefuseClass(CaseClass from, CaseClass to)
    {
        if (to == from) return null;
        if (from is not (CaseClass.Asymptomatic or CaseClass.Suspected) && to is CaseClass.Asymptomatic or CaseClass.Suspected)
            return new CourseRefusal("class", new Message("Tracing.ClassBackwards"), true);
        // A suspected case's course is its own: confirmed (a clinical type) or excluded; a case is suspected only as reported.
        if (from == CaseClass.Suspected && !IsConfirmed(to)) return new CourseRefusal("class", new Message("Tracing.SuspectedIsConfirmedOrExcluded"), false);
        if (to == CaseClass.Suspected) return new CourseRefusal("class", new Message("Tracing.SuspectedOnlyWhenReported"), false);
        return null;
    }

    /// <summary>Null when a case of class <paramref name="cls"/> may take course <paramref name="to"/>.</summary>
    public static CourseRefusal? RefuseStatus(CaseClass cls, CaseStatus to) => to switch
    {
        CaseStatus.Reported => new CourseRefusal("status", new Message("Tracing.BackToReported"), false),
        CaseStatus.Excluded when cls != CaseClass.Suspected => new CourseRefusal("status", new Message("Tracing.OnlySuspectedExcluded"), false),
        CaseStatus.Discharged or CaseStatus.Released when cls == CaseClass.Suspected => new CourseRefusal("status", new Message("Tracing.SuspectedIsConfirmedOrExcluded"), false),
        CaseStatus.Discharged when cls == CaseClass.Asymptomatic => new CourseRefusal("status", new Message("Tracing.AsymptomaticIsReleased"), false),
        CaseStatus.Released when cls != CaseClass.Asymptomatic => new CourseRefusal("status", new Message("Tracing.ConfirmedIsDischarged"), false),
        _ => null,
    };
}
