using Fangkong.Core.Accounts;

namespace Fangkong.Web.Hosting;

public static class RoleHome
{
    /// <summary>Where each role lands after signing in.</summary>
    public static string For(string role) => role switch
    {
        Roles.GateOperator => "/gate",
        Roles.VenueManager => "/monitor",
        Roles.Resident => "/code",
        Roles.Sampler => "/testing/sample",
        Roles.LabTechnician => "/testing/lab",
        Roles.Commander => "/command",
        Roles.GridWorker => "/community/grid",
        Roles.CommunityOfficer => "/community",
        Roles.Supplier => "/supplies/queue",
        Roles.HotlineOperator => "/requests/hotline",
        Roles.CheckpointStaff => "/checkpoint",
        Roles.PassOfficer => "/passes",
        Roles.InstitutionReporter => "/institutions/report",
        Roles.Inspector => "/supervision/inspect",
        Roles.Supervisor => "/supervision",
        _ => "/search",
    };
}
