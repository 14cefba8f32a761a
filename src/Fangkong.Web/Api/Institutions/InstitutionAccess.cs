using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Api.Institutions;

/// <summary>Who reaches which institution endpoint (issue 23, ADR 0045); Core narrows a reporter to their own institution, officers to their area.</summary>
public static class InstitutionAccess
{
    /// <summary>Registering and importing institutions, closed management: administrators.</summary>
    public static readonly AuthorizationPolicy Manage = Roles_(Roles.Administrator);
    /// <summary>The line list, its export, the missing units, the fever referrals: epidemiologists and administrators.</summary>
    public static readonly AuthorizationPolicy Lists = Roles_(Roles.Epidemiologist, Roles.Administrator);
    /// <summary>The district's overview (numbers only): also the command center.</summary>
    public static readonly AuthorizationPolicy Overview = Roles_(Roles.Epidemiologist, Roles.Administrator, Roles.Commander);
    /// <summary>A referral's contact list, for tracing: epidemiologists and administrators.</summary>
    public static readonly AuthorizationPolicy Tracing = Roles_(Roles.Epidemiologist, Roles.Administrator);
    /// <summary>An institution's page, roster, reports, members and shifts: its reporter, and administrators.</summary>
    public static readonly AuthorizationPolicy Report = Roles_(Roles.InstitutionReporter, Roles.Administrator);
    /// <summary>One institution read: its reporter, epidemiologists and administrators.</summary>
    public static readonly AuthorizationPolicy Read = Roles_(Roles.InstitutionReporter, Roles.Epidemiologist, Roles.Administrator);
    public static readonly AuthorizationPolicy Reporter = Roles_(Roles.InstitutionReporter);
    /// <summary>A member's own report from the phone.</summary>
    public static readonly AuthorizationPolicy Member = Roles_(Roles.Resident);

    private static AuthorizationPolicy Roles_(params string[] roles) => new AuthorizationPolicyBuilder().RequireRole(roles).Build();
}
