using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>Which of the demo city's accounts still open with the demo password (a production start refuses them, ADR 0026).</summary>
public static class DemoPasswords
{
    /// <summary>The demo accounts' user names, as <see cref="DemoAccounts"/> creates them.</summary>
    public static readonly string[] UserNames = ["gate", "manager", "epi", "admin", "admin2", "resident", "sampler", "sampler2", "lab", "command", "grid", "officer"];

    /// <summary>
    /// Only the demo names are tried (a hash is slow by design, and a city has thousands of accounts); any account of those names
    /// whose password is <see cref="SeedOptions.DemoPassword"/> is returned.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StillOpenAsync(FangkongDb db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => UserNames.Contains(u.UserName)).Select(u => new { u.UserName, u.PasswordHash }).ToListAsync(ct);
        return users.Where(u => PasswordHasher.Verify(SeedOptions.DemoPassword, u.PasswordHash)).Select(u => u.UserName).Order(StringComparer.Ordinal).ToList();
    }
}
