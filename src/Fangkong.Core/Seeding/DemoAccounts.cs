using Fangkong.Core.Accounts;
using Fangkong.Core.Data;

namespace Fangkong.Core.Seeding;

/// <summary>One account per role for the demo, all with the password <see cref="SeedOptions.DemoPassword"/>.</summary>
internal static class DemoAccounts
{
    public static async Task<IReadOnlyList<DemoAccount>> CreateAsync(StorageOptions storage, long firstResidentId, CancellationToken ct)
    {
        var hash = PasswordHasher.Hash(SeedOptions.DemoPassword);
        await using var db = new FangkongDb(storage.BuildOptions());
        User U(long id, string name, string display, string role, long? venue = null, long? device = null, long? person = null) =>
            new() { Id = id, UserName = name, DisplayName = display, PasswordHash = hash, Role = role, VenueId = venue, DeviceId = device, PersonId = person };
        db.Users.AddRange(
            U(1, "admin", "系统管理员", Roles.Administrator),
            U(2, "admin2", "审批管理员", Roles.Administrator),
            U(3, "epi", "流调员", Roles.Epidemiologist),
            U(4, "manager", "政务中心负责人", Roles.VenueManager, venue: 1),
            U(5, "gate", "政务中心门岗", Roles.GateOperator, venue: 1, device: 1),
            U(6, "resident", "居民", Roles.Resident, person: firstResidentId));
        await db.SaveChangesAsync(ct);
        return
        [
            new("gate", Roles.GateOperator, "辽源市政务服务中心 东门1号机 / gate operator at the municipal service hall"),
            new("manager", Roles.VenueManager, "辽源市政务服务中心负责人 / venue manager of the hall"),
            new("epi", Roles.Epidemiologist, "流调员 / epidemiologist"),
            new("admin", Roles.Administrator, "管理员 / administrator"),
            new("admin2", Roles.Administrator, "第二管理员(审批人工赋码) / second administrator, approves manual colours"),
            new("resident", Roles.Resident, "居民(健康码) / a resident: the health code page"),
        ];
    }
}
