using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Tests.Tracing;

/// <summary>The moves a case's class and course allow, as the course page offers them and the registry enforces them.</summary>
public sealed class CourseRulesTests
{
    [Fact]
    public void A_suspected_case_is_confirmed_with_a_clinical_type_or_excluded_and_nothing_else()
    {
        Assert.Equal([CaseClass.Mild, CaseClass.Common, CaseClass.Severe, CaseClass.Critical], CourseRules.NextClasses(CaseClass.Suspected, CaseStatus.Reported));
        Assert.Equal([CaseStatus.InHospital, CaseStatus.Died, CaseStatus.Excluded], CourseRules.NextStatuses(CaseClass.Suspected, CaseStatus.Reported));
        Assert.Equal("status", CourseRules.RefuseStatus(CaseClass.Suspected, CaseStatus.Discharged)!.Field);
    }

    [Fact]
    public void An_asymptomatic_infection_converts_forward_only_and_is_released_not_discharged()
    {
        Assert.DoesNotContain(CaseClass.Suspected, CourseRules.NextClasses(CaseClass.Asymptomatic, CaseStatus.InHospital));
        Assert.Equal([CaseStatus.Released, CaseStatus.Died], CourseRules.NextStatuses(CaseClass.Asymptomatic, CaseStatus.InHospital));
        var back = CourseRules.RefuseClass(CaseClass.Mild, CaseClass.Asymptomatic)!;
        Assert.True(back.Conflict);
        Assert.Equal("Tracing.ClassBackwards", back.Why.Key);
        Assert.Equal([CaseClass.Common, CaseClass.Severe, CaseClass.Critical], CourseRules.NextClasses(CaseClass.Mild, CaseStatus.Reported));
        Assert.Equal([CaseStatus.InHospital, CaseStatus.Discharged, CaseStatus.Died], CourseRules.NextStatuses(CaseClass.Mild, CaseStatus.Reported));
    }

    [Theory]
    [InlineData(CaseStatus.Discharged)]
    [InlineData(CaseStatus.Released)]
    [InlineData(CaseStatus.Died)]
    [InlineData(CaseStatus.Excluded)]
    public void A_final_course_offers_nothing(CaseStatus final)
    {
        Assert.Empty(CourseRules.NextClasses(CaseClass.Asymptomatic, final));
        Assert.Empty(CourseRules.NextStatuses(CaseClass.Common, final));
    }
}
