using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// One account per role for the demo, all with the password <see cref="SeedOptions.DemoPassword"/>, each described for the
/// operator in their language. Display names are data, in Chinese.
/// </summary>
internal static class DemoAccounts
{
    public const long AdministratorId = 1;
    /// <summary>The demo supplier account, linked to its supermarket by DemoSupplies.</summary>
    public const long SupplierUserId = 13;
    /// <summary>The demo checkpoint staff member (东辽县) and pass officer (issue 21).</summary>
    public const long CheckpointUserId = 30, PassOfficerUserId = 31;
    /// <summary>The demo institution reporter: the middle school's class teacher (issue 23).</summary>
    public const long SchoolUserId = 32;
    /// <summary>The demo inspector and supervisor of 龙山区 (issue 24).</summary>
    public const long InspectorUserId = 90, SupervisorUserId = 91;

    /// <param name="grid">The demo resident's grid and community: the grid worker's and the community officer's areas.</param>
    public static async Task<IReadOnlyList<DemoAccount>> CreateAsync(StorageOptions storage, long residentPersonId, (long GridId, long CommunityId)? grid, int passwordIterations, CancellationToken ct)
    {
        const string password = SeedOptions.DemoPassword;
        DemoAccount[] accounts =
        [
            new("gate", password, Roles.GateOperator, Messages.Get("Seeding.Account.Gate")),
            new("manager", password, Roles.VenueManager, Messages.Get("Seeding.Account.Manager")),
            new("epi", password, Roles.Epidemiologist, Messages.Get("Seeding.Account.Epi")),
            new("admin", password, Roles.Administrator, Messages.Get("Seeding.Account.Admin")),
            new("admin2", password, Roles.Administrator, Messages.Get("Seeding.Account.Admin2")),
            new("resident", password, Roles.Resident, Messages.Get("Seeding.Account.Resident")),
            new("sampler", password, Roles.Sampler, Messages.Get("Seeding.Account.Sampler")),
            new("sampler2", password, Roles.Sampler, Messages.Get("Seeding.Account.Sampler2")),
            new("lab", password, Roles.LabTechnician, Messages.Get("Seeding.Account.Lab")),
            new("command", password, Roles.Commander, Messages.Get("Seeding.Account.Command")),
            new("grid", password, Roles.GridWorker, Messages.Get("Seeding.Account.Grid")),
            new("officer", password, Roles.CommunityOfficer, Messages.Get("Seeding.Account.Officer")),
            new("supplier", password, Roles.Supplier, Messages.Get("Seeding.Account.Supplier")),
            new("hotline", password, Roles.HotlineOperator, Messages.Get("Seeding.Account.Hotline")),
            new("checkpoint", password, Roles.CheckpointStaff, Messages.Get("Seeding.Account.Checkpoint")),
            new("passes", password, Roles.PassOfficer, Messages.Get("Seeding.Account.Passes")),
            new("school", password, Roles.InstitutionReporter, Messages.Get("Seeding.Account.School")),
            new("inspector", password, Roles.Inspector, Messages.Get("Seeding.Account.Inspector")),
            new("supervisor", password, Roles.Supervisor, Messages.Get("Seeding.Account.Supervisor")),
        ];
        await using var db = new FangkongDb(storage.BuildOptions());
        // Salted one by one, as real accounts are: equal passwords must not give equal hashes.
        User U(long id, string name, string display, string role, long? venue = null, long? device = null, long? person = null,
            JurisdictionLevel? level = null, long? area = null) =>
            new()
            {
                Id = id,
                UserName = name,
                DisplayName = display,
                PasswordHash = PasswordHasher.Hash(password, passwordIterations),
                Role = role,
                VenueId = venue,
                DeviceId = device,
                PersonId = person,
                // The whole city or province needs no id; a smaller area without its id (no grid seeded) is left unset.
                JurisdictionLevel = level is JurisdictionLevel.City or JurisdictionLevel.Province || area is not null ? level : null,
                JurisdictionId = area,
            };
        db.Users.AddRange(
            U(AdministratorId, "admin", "系统管理员", Roles.Administrator, level: JurisdictionLevel.Province),
            U(2, "admin2", "审批管理员", Roles.Administrator, level: JurisdictionLevel.Province),
            U(3, "epi", "流调员", Roles.Epidemiologist, level: JurisdictionLevel.City),
            U(4, "manager", "政务中心负责人", Roles.VenueManager, venue: 1),
            U(5, "gate", "政务中心门岗", Roles.GateOperator, venue: 1, device: 1),
            U(6, "resident", "居民", Roles.Resident, person: residentPersonId),
            U(7, "sampler", "采样员", Roles.Sampler),
            U(8, "sampler2", "采样员二", Roles.Sampler),
            U(9, "lab", "检测员", Roles.LabTechnician),
            U(10, "command", "指挥部", Roles.Commander, level: JurisdictionLevel.City),
            U(11, "grid", await WorkerNameAsync(db, grid, ct), Roles.GridWorker, level: JurisdictionLevel.Grid, area: grid?.GridId),
            U(12, "officer", "社区干部", Roles.CommunityOfficer, level: JurisdictionLevel.Community, area: grid?.CommunityId),
            // Linked to its supermarket by the demo's suppliers (DemoSupplies).
            U(SupplierUserId, "supplier", "欧亚超市配送员", Roles.Supplier),
            U(20, "hotline", "12345热线话务员", Roles.HotlineOperator, level: JurisdictionLevel.City),
            // 东辽县's checkpoint staff (its district's checkpoints; on duty by DemoCheckpoints) and the city's pass officer.
            U(CheckpointUserId, "checkpoint", "东辽县卡口值守员", Roles.CheckpointStaff, level: JurisdictionLevel.District, area: 220422),
            U(PassOfficerUserId, "passes", "通行证审批员", Roles.PassOfficer, level: JurisdictionLevel.City),
            // The middle school's class teacher, reporting for that school only (DemoInstitutions).
            U(SchoolUserId, "school", "实验中学班主任", Roles.InstitutionReporter, level: JurisdictionLevel.Institution, area: DemoInstitutions.SchoolId),
            // 龙山区's inspector and supervisor (issue 24): the demo's silent gates, closed venues and inspections are theirs.
            U(InspectorUserId, "inspector", "龙山区督查员", Roles.Inspector, level: JurisdictionLevel.District, area: 220402),
            U(SupervisorUserId, "supervisor", "龙山区督查组长", Roles.Supervisor, level: JurisdictionLevel.District, area: 220402));
        await db.SaveChangesAsync(ct);
        return accounts;
    }

    /// <summary>The demo grid worker is the worker its grid names.</summary>
    private static async Task<string> WorkerNameAsync(FangkongDb db, (long GridId, long CommunityId)? grid, CancellationToken ct) =>
        grid is { } g ? await db.Grids.Where(x => x.Id == g.GridId).Select(x => x.WorkerName).FirstAsync(ct) : "网格员";
}
