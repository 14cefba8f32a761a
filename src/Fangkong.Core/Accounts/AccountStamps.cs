using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>
/// What a sign-in cookie was issued for, as a short hash carried in the cookie (ADR 0023): the account's roles, venue,
/// device, person, password and authenticator, and that it is enabled. Each request's cookie is checked against the
/// account as stored, so a disabled account, a role taken away, a reset or a new password ends every session the
/// account had at its next request. The current stamp is kept in memory for <see cref="AccountPolicy.StampCacheSeconds"/>
/// (the gate's operators send many requests a second); a change made on this instance forgets it at once, one made on
/// another instance counts after at most that long. A cookie whose stamp differs from the cached one is checked against
/// the store before it is refused, so a session that has just earned a new cookie never waits for the cache.
/// </summary>
public sealed class AccountStamps(TimeProvider time, AccountPolicy policy)
{
    /// <summary>The cookie's claim that carries the stamp.</summary>
    public const string Claim = "fk:stamp";

    private readonly ConcurrentDictionary<long, (string? Stamp, DateTimeOffset Until)> _current = new();

    /// <summary>The stamp of an account as loaded (with every role it holds).</summary>
    public static string Of(User u, IReadOnlyList<string> roles) => Hash(new StampFields(u.Disabled, u.Role, roles, u.VenueId, u.DeviceId, u.PersonId,
        u.PasswordHash, u.TotpSecret, u.MustChangePassword));

    /// <summary>Whether <paramref name="stamp"/> is still the account's; false for an account disabled or gone.</summary>
    public async ValueTask<bool> IsCurrentAsync(Func<FangkongDb> db, long userId, string? stamp, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(stamp)) return false;
        var now = time.GetUtcNow();
        if (_current.TryGetValue(userId, out var known) && known.Until > now && known.Stamp == stamp) return true;
        var current = await ReadAsync(db(), userId, ct);
        _current[userId] = (current, now.AddSeconds(policy.StampCacheSeconds));
        return current == stamp;
    }

    /// <summary>Forgets an account's stamp after a change to it, so this instance checks the next request against the store.</summary>
    public void Forget(long userId) => _current.TryRemove(userId, out _);

    private static async Task<string?> ReadAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Where(x => x.Id == userId)
            .Select(x => new { x.Disabled, x.Role, x.VenueId, x.DeviceId, x.PersonId, x.PasswordHash, x.TotpSecret, x.MustChangePassword })
            .FirstOrDefaultAsync(ct);
        if (u is null || u.Disabled) return null;
        var more = await db.UserRoles.Where(r => r.UserId == userId && r.Role != u.Role).OrderBy(r => r.Role).Select(r => r.Role).ToListAsync(ct);
        return Hash(new StampFields(u.Disabled, u.Role, [u.Role, .. more], u.VenueId, u.DeviceId, u.PersonId, u.PasswordHash, u.TotpSecret, u.MustChangePassword));
    }

    private sealed record StampFields(bool Disabled, string Role, IReadOnlyList<string> Roles, long? VenueId, long? DeviceId, long? PersonId,
        string PasswordHash, string? TotpSecret, bool MustChangePassword);

    private static string Hash(StampFields f)
    {
        // The primary role first, the others sorted (as SignIns.RolesOfAsync lists them); '\n' cannot occur in any field.
        var roles = string.Join(',', f.Roles.Skip(1).Where(r => r != f.Role).Order(StringComparer.Ordinal));
        var text = string.Join('\n', f.Disabled, f.Role, roles, f.VenueId, f.DeviceId, f.PersonId, f.PasswordHash, f.TotpSecret, f.MustChangePassword);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }
}
