using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>
/// Who is signing in, or signed in: the account behind a user name and password (and a TOTP code where one is due),
/// with its lock-out counted on the account row so that it holds across instances (ADR 0023).
/// </summary>
public sealed class SignIns(TimeProvider time, AccountPolicy policy, SecondFactor secondFactor)
{
    /// <summary>
    /// Checks the password, then the lock and the TOTP code, and says what the account must do next. A wrong name and
    /// a wrong password give the same answer; a wrong password or code on a known account counts towards its lock-out.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(FangkongDb db, string? userName, string? password, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 64 || password.Length > 256)
            return SignInOutcome.Failed(SignInFailure.WrongPassword);
        var name = userName.Trim();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null)
        {
            // As long as a real check, so a wrong name cannot be told from a wrong password by the time it takes.
            PasswordHasher.Verify(password, DummyHash);
            return SignInOutcome.Failed(SignInFailure.WrongPassword);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockedUntilUtc is { } until && until > now) return SignInOutcome.Failed(SignInFailure.Locked, until);
        if (!PasswordHasher.Verify(password, user.PasswordHash)) return await FailAsync(db, user, SignInFailure.WrongPassword, now, ct);
        if (user.Disabled) return SignInOutcome.Failed(SignInFailure.Disabled);
        var roles = await RolesOfAsync(db, user, ct);
        if (NeedsTotp(roles) && user.TotpSecret is not null)
        {
            if (string.IsNullOrWhiteSpace(code)) return new SignInOutcome(user, roles, SignInStep.TotpCode, null, null);
            if (!secondFactor.Accept(user, code, now)) return await FailAsync(db, user, SignInFailure.WrongCode, now, ct);
        }
        user.FailedSignIns = 0;
        user.FirstFailedAtUtc = null;
        user.LockedUntilUtc = null;
        user.LastSignInAtUtc = now;
        await db.SaveChangesAsync(ct);
        return new SignInOutcome(user, roles, NextStep(user, roles), null, null);
    }

    /// <summary>
    /// The code a sign-in that owes one gives on a page of its own (the password was checked a moment ago): a wrong code
    /// counts towards the lock-out as a wrong password does.
    /// </summary>
    public async Task<SignInOutcome> CompleteCodeAsync(FangkongDb db, long userId, string? code, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockedUntilUtc is { } until && until > now) return SignInOutcome.Failed(SignInFailure.Locked, until);
        if (user.Disabled) return SignInOutcome.Failed(SignInFailure.Disabled);
        if (!secondFactor.Accept(user, code, now)) return await FailAsync(db, user, SignInFailure.WrongCode, now, ct);
        user.FailedSignIns = 0;
        user.FirstFailedAtUtc = null;
        user.LastSignInAtUtc = now;
        await db.SaveChangesAsync(ct);
        var roles = await RolesOfAsync(db, user, ct);
        return new SignInOutcome(user, roles, NextStep(user, roles), null, null);
    }

    /// <summary>Where an account that has just done a step (chosen its password, enrolled) stands now.</summary>
    public async Task<SignInOutcome> CurrentAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        if (user.Disabled) return SignInOutcome.Failed(SignInFailure.Disabled);
        var roles = await RolesOfAsync(db, user, ct);
        return new SignInOutcome(user, roles, NextStep(user, roles), null, null);
    }

    /// <summary>The step after the password and any code: a password to choose, then an authenticator to enrol.</summary>
    public SignInStep NextStep(User user, IReadOnlyList<string> roles) =>
        user.MustChangePassword ? SignInStep.SetPassword
        : NeedsTotp(roles) && user.TotpSecret is null ? SignInStep.EnrolTotp
        : SignInStep.Done;

    /// <summary>Whether these roles give a second factor under the operator's policy.</summary>
    public bool NeedsTotp(IReadOnlyList<string> roles) => policy.RequireTotp && roles.Any(Roles.ReadPersonalData.Contains);

    /// <summary>The primary role first, then the further ones.</summary>
    public static async Task<IReadOnlyList<string>> RolesOfAsync(FangkongDb db, User user, CancellationToken ct)
    {
        var more = await db.UserRoles.Where(r => r.UserId == user.Id && r.Role != user.Role).OrderBy(r => r.Role).Select(r => r.Role).ToListAsync(ct);
        return [user.Role, .. more];
    }

    private async Task<SignInOutcome> FailAsync(FangkongDb db, User user, SignInFailure failure, DateTime now, CancellationToken ct)
    {
        if (user.FirstFailedAtUtc is not { } first || now - first > TimeSpan.FromMinutes(policy.FailureWindowMinutes))
        {
            user.FirstFailedAtUtc = now;
            user.FailedSignIns = 0;
        }
        user.FailedSignIns++;
        DateTime? locked = null;
        if (user.FailedSignIns >= policy.MaxFailures)
        {
            locked = user.LockedUntilUtc = now.AddMinutes(policy.LockoutMinutes);
            user.FailedSignIns = 0;
            user.FirstFailedAtUtc = null;
        }
        await db.SaveChangesAsync(ct);
        return locked is null ? SignInOutcome.Failed(failure) : SignInOutcome.Failed(SignInFailure.Locked, locked);
    }

    public async Task<User> GetAsync(FangkongDb db, long userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstAsync(x => x.Id == userId, ct);

    private static readonly string DummyHash = PasswordHasher.Hash("not a password of anyone");
}
