using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Api.Checkpoints;

/// <summary>Who reaches which checkpoint endpoint (issue 21, ADR 0040); Core narrows staff to the checkpoints they work at, officers to their district.</summary>
public static class CheckpointAccess
{
    /// <summary>Stopping and checking a vehicle: checkpoint staff only.</summary>
    public static readonly AuthorizationPolicy Staff = Roles_(Roles.CheckpointStaff);
    /// <summary>Checkpoints, rosters and one vehicle's check: their staff, epidemiologists and administrators.</summary>
    public static readonly AuthorizationPolicy Read = Roles_(Roles.CheckpointStaff, Roles.Epidemiologist, Roles.Administrator);
    /// <summary>Counts per checkpoint and shift: also the command center (numbers only).</summary>
    public static readonly AuthorizationPolicy Counts = Roles_(Roles.CheckpointStaff, Roles.Epidemiologist, Roles.Administrator, Roles.Commander);
    /// <summary>The vehicle-check line list and its export: epidemiologists and administrators.</summary>
    public static readonly AuthorizationPolicy Lists = Roles_(Roles.Epidemiologist, Roles.Administrator);
    public static readonly AuthorizationPolicy Admin = Roles_(Roles.Administrator);

    private static AuthorizationPolicy Roles_(params string[] roles) => new AuthorizationPolicyBuilder().RequireRole(roles).Build();
}
