using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Api.Supervision;

/// <summary>Who reaches which supervision endpoint (issue 24, ADR 0046); the area filter confines district accounts to their district.</summary>
public static class SupervisionAccess
{
    /// <summary>Alerts, orders, plans, inspections, findings and figures: inspectors, supervisors, epidemiologists, administrators, the command center.</summary>
    public static readonly AuthorizationPolicy Read = Roles_(Roles.Inspector, Roles.Supervisor, Roles.Epidemiologist, Roles.Administrator, Roles.Commander);
    /// <summary>Issuing closure and reopening orders, planning inspections, entering a unit's answer: supervisors and administrators.</summary>
    public static readonly AuthorizationPolicy Direct = Roles_(Roles.Supervisor, Roles.Administrator);
    /// <summary>Recording an inspection and confirming an answer: inspectors.</summary>
    public static readonly AuthorizationPolicy Inspect = Roles_(Roles.Inspector);
    /// <summary>Recording a disinfection: the venue's manager (their own venue) and inspectors.</summary>
    public static readonly AuthorizationPolicy Disinfect = Roles_(Roles.VenueManager, Roles.Inspector);
    /// <summary>A venue's disinfection register: its manager, inspectors, supervisors, administrators.</summary>
    public static readonly AuthorizationPolicy Register = Roles_(Roles.VenueManager, Roles.Inspector, Roles.Supervisor, Roles.Administrator);

    private static AuthorizationPolicy Roles_(params string[] roles) => new AuthorizationPolicyBuilder().RequireRole(roles).Build();
}
