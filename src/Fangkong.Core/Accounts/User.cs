namespace Fangkong.Core.Accounts;

public static class Roles
{
    public const string Resident = "resident";
    public const string GateOperator = "gate-operator";
    public const string VenueManager = "venue-manager";
    public const string Epidemiologist = "epidemiologist";
    public const string Administrator = "administrator";
    /// <summary>Swabs persons at a sampling site or door to door, packs and hands over boxes.</summary>
    public const string Sampler = "sampler";
    /// <summary>Receives tubes at the lab by scan and posts their results.</summary>
    public const string LabTechnician = "lab-technician";
    /// <summary>The command center (指挥部): sees the dashboard's figures, not the people behind them.</summary>
    public const string Commander = "commander";
    /// <summary>A community's grid worker (网格员): the households of their own grid.</summary>
    public const string GridWorker = "grid-worker";
    /// <summary>A community's officer (社区干部): their own community's grids, screening and problems.</summary>
    public const string CommunityOfficer = "community-officer";

    public static readonly IReadOnlyList<string> All = [Resident, GateOperator, VenueManager, Epidemiologist, Administrator, Sampler, LabTechnician, Commander,
        GridWorker, CommunityOfficer];
}

public sealed class User
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    /// <summary>Gate operators and venue managers work at one venue.</summary>
    public long? VenueId { get; set; }
    /// <summary>Gate operators are logged in at one gate device.</summary>
    public long? DeviceId { get; set; }
    /// <summary>Residents see their own code.</summary>
    public long? PersonId { get; set; }
    /// <summary>The area the account works in (with <see cref="JurisdictionId"/>); none means the role's own reach.</summary>
    public JurisdictionLevel? JurisdictionLevel { get; set; }
    /// <summary>The grid's or community's id (a district's code as a number, once districts are used).</summary>
    public long? JurisdictionId { get; set; }
}
