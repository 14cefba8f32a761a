using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Api.Passes;

/// <summary>Who reaches which pass endpoint (issue 21, ADR 0041).</summary>
public static class PassAccess
{
    /// <summary>Entering applications, deciding, withdrawing, reading and printing passes: pass officers and administrators.</summary>
    public static readonly AuthorizationPolicy Officer = Roles_(Roles.PassOfficer, Roles.Administrator);
    /// <summary>The pass line list and export: also epidemiologists.</summary>
    public static readonly AuthorizationPolicy Lists = Roles_(Roles.PassOfficer, Roles.Administrator, Roles.Epidemiologist);
    /// <summary>Checking a pass and fetching the revocation list: checkpoint staff, pass officers, administrators.</summary>
    public static readonly AuthorizationPolicy Verify = Roles_(Roles.CheckpointStaff, Roles.PassOfficer, Roles.Administrator);
    public static readonly AuthorizationPolicy Holder = Roles_(Roles.Resident);

    private static AuthorizationPolicy Roles_(params string[] roles) => new AuthorizationPolicyBuilder().RequireRole(roles).Build();
}
