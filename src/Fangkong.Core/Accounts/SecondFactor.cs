using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Fangkong.Core.Accounts;

/// <summary>What an account enrolling in TOTP is shown once: the otpauth URI (as a QR) and the secret as text.</summary>
public sealed record TotpEnrolment(string Secret, string Uri);

/// <summary>
/// TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1 — what every authenticator app reads from a QR): enrolment and codes.
/// A code is accepted one step either side of now, and only once: a step at or before the last accepted one is a replay.
/// The secret is kept protected by <see cref="ISecretProtector"/>.
/// </summary>
public sealed class SecondFactor(ISecretProtector protector, TimeProvider time)
{
    public const string Issuer = "Fangkong";

    /// <summary>A new secret for the account, kept pending until a code from it confirms it.</summary>
    public async Task<TotpEnrolment> StartAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.TotpPendingSecret = protector.Protect(secret);
        await db.SaveChangesAsync(ct);
        return new TotpEnrolment(secret, UriFor(user.UserName, secret));
    }

    /// <summary>Confirms the pending secret with a code from it; the account gives codes from then on.</summary>
    public async Task ConfirmAsync(FangkongDb db, long userId, string? code, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        if (user.TotpPendingSecret is null) throw new InputException("code", Messages.Get("Accounts.Totp.NotStarted"));
        var step = Match(protector.Unprotect(user.TotpPendingSecret), code, time.GetUtcNow().UtcDateTime, null)
            ?? throw new InputException("code", Messages.Get("Accounts.Totp.WrongCode"));
        user.TotpSecret = user.TotpPendingSecret;
        user.TotpPendingSecret = null;
        user.TotpLastStep = step;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the code is right and new for this enrolled account; records its step (the caller saves).</summary>
    public bool Accept(User user, string? code, DateTime nowUtc)
    {
        if (user.TotpSecret is null) return false;
        if (Match(protector.Unprotect(user.TotpSecret), code, nowUtc, user.TotpLastStep) is not { } step) return false;
        user.TotpLastStep = step;
        return true;
    }

    /// <summary>The time step the code belongs to (now ± 1), or null when wrong or not after <paramref name="lastStep"/>.</summary>
    private static long? Match(string secret, string? code, DateTime nowUtc, long? lastStep)
    {
        var digits = code?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (digits is not { Length: 6 } || !digits.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(nowUtc, digits, out var step, new VerificationWindow(previous: 1, future: 1))) return null;
        return lastStep is { } last && step <= last ? null : step;
    }

    public static string UriFor(string userName, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
}
