using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>Who is signing in, or signed in: the account behind a user name and password, or behind a session's user id.</summary>
public sealed class SignIns
{
    /// <summary>The account when the password matches; null for any failure, so a caller cannot tell a wrong name from a wrong password.</summary>
    public async Task<User?> VerifyAsync(FangkongDb db, string? userName, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 64 || password.Length > 256) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        return user is not null && PasswordHasher.Verify(password, user.PasswordHash) ? user : null;
    }

    public async Task<User> GetAsync(FangkongDb db, long userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstAsync(x => x.Id == userId, ct);
}
