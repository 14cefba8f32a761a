using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>An account chooses its own password: at first sign-in (the one-time password is then spent) or later.</summary>
public sealed class PasswordChange
{
    public async Task ChangeAsync(FangkongDb db, long userId, string? currentPassword, string? newPassword, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        // At first sign-in the password was checked a moment ago; a later change asks for it again.
        if (!user.MustChangePassword && (currentPassword is null || !PasswordHasher.Verify(currentPassword, user.PasswordHash)))
            throw new InputException("currentPassword", Messages.Get("Accounts.Password.CurrentWrong"));
        PasswordRules.Check("newPassword", newPassword, user.UserName, user.PasswordHash);
        user.PasswordHash = PasswordHasher.Hash(newPassword!);
        user.MustChangePassword = false;
        await db.SaveChangesAsync(ct);
    }
}
