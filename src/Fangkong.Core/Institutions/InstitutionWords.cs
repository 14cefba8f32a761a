using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Domain.Institutions;

namespace Fangkong.Core.Institutions;

/// <summary>The words for institution kinds and member kinds, in the reader's language.</summary>
public static class InstitutionWords
{
    public static string Of(InstitutionKind kind, CultureInfo? culture = null) => Messages.Get(culture ?? CultureInfo.CurrentUICulture, kind switch
    {
        InstitutionKind.Enterprise => "Institutions.Kind.Enterprise",
        InstitutionKind.KeyProject => "Institutions.Kind.KeyProject",
        InstitutionKind.School => "Institutions.Kind.School",
        InstitutionKind.College => "Institutions.Kind.College",
        InstitutionKind.NursingHome => "Institutions.Kind.NursingHome",
        InstitutionKind.ChildWelfare => "Institutions.Kind.ChildWelfare",
        _ => "Institutions.Kind.Medical",
    });

    public static string Of(MemberKind kind, CultureInfo? culture = null) => Messages.Get(culture ?? CultureInfo.CurrentUICulture, kind switch
    {
        MemberKind.Staff => "Institutions.Member.Staff",
        MemberKind.Student => "Institutions.Member.Student",
        _ => "Institutions.Member.Resident",
    });
}
