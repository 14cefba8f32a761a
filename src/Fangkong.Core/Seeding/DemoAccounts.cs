using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;

namespace Fangkong.Core.Seeding;

/// <summary>One account per role for the demo, all with the password <see cref="SeedOptions.DemoPassword"/>.</summary>
internal static class DemoAccounts
{
    public static async Task<IReadOnlyList<DemoAccount>> CreateAsync(StorageOptions storage, long residentPersonId, CancellationToken ct)
    {
        const string password = SeedOptions.DemoPassword;
        // Worded in the caller's UI culture (the command line's --lang), as they are printed at once, not stored.
        DemoAccount[] accounts =
        [
            new("gate", password, Roles.GateOperator, Messages.Get("Seeding.Account.Gate")),
            new("manager", password, Roles.VenueManager, Messages.Get("Seeding.Account.Manager")),
            new("epi", password, Roles.Epidemiologist, Messages.Get("Seeding.Account.Epidemiologist")),
            new("admin", password, Roles.Administrator, Messages.Get("Seeding.Account.Administrator")),
            new("admin2", password, Roles.Administrator, Messages.Get("Seeding.Account.SecondAdministrator")),
            new("resident", password, Roles.Resident, Messages.Get("Seeding.Account.Resident")),
            new("sampler", password, Roles.Sampler, Messages.Get("Seeding.Account.Sampler")),
            new("sampler2", password, Roles.Sampler, Messages.Get("Seeding.Account.SecondSampler")),
            new("lab", password, Roles.LabTechnician, Messages.Get("Seeding.Account.Lab")),
            new("command", password, Roles.Commander, Messages.Get("Seeding.Account.Commander")),
        ];
        await using var db = new FangkongDb(storage.BuildOptions());
        // Salted one by one, as real accounts are: equal passwords must not give equal hashes.
        User U(long id, string name, string display, string role, long? venue = null, long? device = null, long? person = null) =>
            new() { Id = id, UserName = name, DisplayName = display, PasswordHash = PasswordHasher.Hash(password), Role = role, VenueId = venue, DeviceId = device, PersonId = person };
        db.Users.AddRange(
            U(1, "admin", "系统管理员", Roles.Administrator),
            U(2, "admin2", "审批管理员", Roles.Administrator),
            U(3, "epi", "流调员", Roles.Epidemiologist),
            U(4, "manager", "政务中心负责人", Roles.VenueManager, venue: 1),
            U(5, "gate", "政务中心门岗", Roles.GateOperator, venue: 1, device: 1),
            U(6, "resident", "居民", Roles.Resident, person: residentPersonId),
            U(7, "sampler", "采样员", Roles.Sampler),
            U(8, "sampler2", "采样员二", Roles.Sampler),
            U(9, "lab", "检测员", Roles.LabTechnician),
            U(10, "command", "指挥部", Roles.Commander));
        await db.SaveChangesAsync(ct);
        return accounts;
    }
}
