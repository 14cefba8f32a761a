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
    /// <summary>A 12345 hotline operator (热线话务员): files citizens' requests as tickets and follows them (issue 20).</summary>
    public const string HotlineOperator = "hotline-operator";

    /// <summary>A supplier's staff (supermarket, market, pharmacy): their supplier's order queue and packs, no persons.</summary>
    public const string Supplier = "supplier";

    /// <summary>Road checkpoint staff (卡口工作人员): stop vehicles and check their people at the checkpoints they are on duty at (issue 21).</summary>
    public const string CheckpointStaff = "checkpoint-staff";

    /// <summary>A pass officer (通行证审批): enters enterprises' and transport companies' pass applications, approves, refuses and withdraws passes (issue 21).</summary>
    public const string PassOfficer = "pass-officer";

    /// <summary>An institution's reporter (a class teacher, workshop head, the home's duty nurse): their own institution's daily reports, nothing else (issue 23).</summary>
    public const string InstitutionReporter = "institution-reporter";

    /// <summary>An inspector (督查员) of an inspection group: records inspections and findings from a phone, confirms answers, reads disinfection registers (issue 24).</summary>
    public const string Inspector = "inspector";

    /// <summary>A district's supervisor (督查组长): unattended-gate alerts, closure orders, inspection plans and figures (issue 24).</summary>
    public const string Supervisor = "supervisor";

    public static readonly IReadOnlyList<string> All = [Resident, GateOperator, VenueManager, Epidemiologist, Administrator, Sampler, LabTechnician, Commander,
        GridWorker, CommunityOfficer, Supplier, HotlineOperator, CheckpointStaff, PassOfficer, InstitutionReporter, Inspector, Supervisor];

    /// <summary>
    /// The roles that read persons' unmasked data (trajectories, households, line lists): an account holding any of them
    /// gives a second factor (TOTP) at sign-in when <see cref="AccountPolicy.RequireTotp"/> is on (ADR 0023). The one list.
    /// </summary>
    public static readonly IReadOnlySet<string> ReadPersonalData = new HashSet<string>(StringComparer.Ordinal)
    {
        Epidemiologist, Administrator, GridWorker, CommunityOfficer,
    };
}

public sealed class User
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>The primary role: picks the home page. Further roles are in <see cref="UserRole"/>.</summary>
    public required string Role { get; set; }
    /// <summary>Gate operators and venue managers work at one venue.</summary>
    public long? VenueId { get; set; }
    /// <summary>Gate operators are logged in at one gate device.</summary>
    public long? DeviceId { get; set; }
    /// <summary>Residents see their own code once bound to their identity (real name).</summary>
    public long? PersonId { get; set; }
    /// <summary>The area the account works in (with <see cref="JurisdictionId"/>); none means the role's own reach.</summary>
    public JurisdictionLevel? JurisdictionLevel { get; set; }
    /// <summary>The grid's or community's id (a district's code as a number, once districts are used).</summary>
    public long? JurisdictionId { get; set; }
    /// <summary>The staff member's or resident's mobile number (staff: for contact; residents: their sign-in name).</summary>
    public string? Phone { get; set; }
    /// <summary>A staff member's resident ID number (GB 11643), checked at creation; shown masked.</summary>
    public string? IdNumber { get; set; }
    /// <summary>A disabled account cannot sign in; its records stay.</summary>
    public bool Disabled { get; set; }
    /// <summary>Set for a new or reset account: the next sign-in must choose a password before anything else.</summary>
    public bool MustChangePassword { get; set; }
    public int FailedSignIns { get; set; }
    /// <summary>When the current run of failed sign-ins began (the lock-out window counts from here).</summary>
    public DateTime? FirstFailedAtUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? LastSignInAtUtc { get; set; }
    /// <summary>The TOTP secret, protected (never stored or logged in clear); null until enrolled.</summary>
    public string? TotpSecret { get; set; }
    /// <summary>A secret handed out for enrolment, protected, until its first code confirms it.</summary>
    public string? TotpPendingSecret { get; set; }
    /// <summary>The last TOTP time step accepted: a code of this step or an earlier one is a replay.</summary>
    public long? TotpLastStep { get; set; }
    public DateTime? CreatedAtUtc { get; set; }
}

/// <summary>A role an account holds besides its primary <see cref="User.Role"/>.</summary>
public sealed class UserRole
{
    public long UserId { get; set; }
    public required string Role { get; set; }
}

/// <summary>
/// A change made to an account by someone else (created, roles or area changed, disabled, enabled, reset, unbound from
/// its person): who did it, when and what. Administrators read it; nothing edits it.
/// </summary>
public sealed class AccountChange
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public long ActorUserId { get; set; }
    public long UserId { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The kinds of <see cref="AccountChange"/>.</summary>
public static class AccountChangeKinds
{
    public const string Created = "created";
    public const string Imported = "imported";
    public const string Changed = "changed";
    public const string Disabled = "disabled";
    public const string Enabled = "enabled";
    public const string Reset = "reset";
    public const string Unbound = "unbound";
    public const string Bound = "bound";
}
