using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>One account per role for the demo, all with the password <see cref="SeedOptions.DemoPassword"/>.</summary>
internal static class DemoAccounts
{
    public const long AdministratorId = 1;

    /// <param name="grid">The demo resident's grid and community: the grid worker's and the community officer's areas.</param>
    public static async Task<IReadOnlyList<DemoAccount>> CreateAsync(StorageOptions storage, long residentPersonId, (long GridId, long CommunityId)? grid, CancellationToken ct)
    {
        const string password = SeedOptions.DemoPassword;
        DemoAccount[] accounts =
        [
            new("gate", password, Roles.GateOperator, "辽源市政务服务中心 东门 1号机 / gate operator at the municipal service hall, device 1"),
            new("manager", password, Roles.VenueManager, "辽源市政务服务中心负责人 / venue manager of the hall"),
            new("epi", password, Roles.Epidemiologist, "流调员 / epidemiologist"),
            new("admin", password, Roles.Administrator, "管理员 / administrator"),
            new("admin2", password, Roles.Administrator, "第二管理员（审批人工赋码） / second administrator, approves manual colours"),
            new("resident", password, Roles.Resident, "居民（健康码） / a resident: the health code page"),
            new("sampler", password, Roles.Sampler, "采样员 / sampler at a sampling site or door to door"),
            new("sampler2", password, Roles.Sampler, "第二采样员 / a second sampler"),
            new("lab", password, Roles.LabTechnician, "检测机构 / lab technician: receipts and results"),
            new("command", password, Roles.Commander, "指挥部 / command center: the dashboard's figures, without personal data"),
            new("grid", password, Roles.GridWorker, "网格员：居民所在网格的住户、敲门走访和问题上报（手机页面）"),
            new("officer", password, Roles.CommunityOfficer, "社区干部：该社区的网格、走访进度、问题答复和特殊人群台账"),
        ];
        await using var db = new FangkongDb(storage.BuildOptions());
        // Salted one by one, as real accounts are: equal passwords must not give equal hashes.
        User U(long id, string name, string display, string role, long? venue = null, long? device = null, long? person = null,
            JurisdictionLevel? level = null, long? area = null) =>
            new()
            {
                Id = id, UserName = name, DisplayName = display, PasswordHash = PasswordHasher.Hash(password), Role = role, VenueId = venue, DeviceId = device,
                PersonId = person, JurisdictionLevel = area is null ? null : level, JurisdictionId = area,
            };
        db.Users.AddRange(
            U(AdministratorId, "admin", "系统管理员", Roles.Administrator),
            U(2, "admin2", "审批管理员", Roles.Administrator),
            U(3, "epi", "流调员", Roles.Epidemiologist),
            U(4, "manager", "政务中心负责人", Roles.VenueManager, venue: 1),
            U(5, "gate", "政务中心门岗", Roles.GateOperator, venue: 1, device: 1),
            U(6, "resident", "居民", Roles.Resident, person: residentPersonId),
            U(7, "sampler", "采样员", Roles.Sampler),
            U(8, "sampler2", "采样员二", Roles.Sampler),
            U(9, "lab", "检测员", Roles.LabTechnician),
            U(10, "command", "指挥部", Roles.Commander),
            U(11, "grid", await WorkerNameAsync(db, grid, ct), Roles.GridWorker, level: JurisdictionLevel.Grid, area: grid?.GridId),
            U(12, "officer", "社区干部", Roles.CommunityOfficer, level: JurisdictionLevel.Community, area: grid?.CommunityId));
        await db.SaveChangesAsync(ct);
        return accounts;
    }

    /// <summary>The demo grid worker is the worker its grid names.</summary>
    private static async Task<string> WorkerNameAsync(FangkongDb db, (long GridId, long CommunityId)? grid, CancellationToken ct) =>
        grid is { } g ? await db.Grids.Where(x => x.Id == g.GridId).Select(x => x.WorkerName).FirstAsync(ct) : "网格员";
}
