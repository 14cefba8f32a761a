using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Staff;

/// <summary>A row of the accounts list: personal data masked.</summary>
/// <param name="Area">"level:id", as the import file and the area field take it.</param>
/// <param name="AreaName">Its name for a reader (龙山区), empty when it has none.</param>
public sealed record AccountRow(long Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string Area, string AreaName, AccountState State,
    DateTime? LastSignInAtUtc, string MaskedPhone, string MaskedIdNumber, bool TotpEnrolled, bool Bound);

public enum AccountState
{
    Active,
    /// <summary>Created or reset: waits for its first sign-in to choose a password.</summary>
    FirstSignIn,
    Locked,
    Disabled,
}

/// <summary>A new or reset account's one-time password, for the administrator to hand over; shown once, never stored in clear.</summary>
public sealed record InitialPassword(long Id, string UserName, string DisplayName, string Password);

public sealed record AccountChangeRequest(IReadOnlyList<string>? Roles, string? Area);

/// <summary>
/// Administrators' work on staff accounts: list and search, create, change roles and area, disable and enable, reset to
/// a new first sign-in. Every change is recorded in <c>account_changes</c> (ADR 0023).
/// </summary>
public sealed class StaffAccounts(TimeOrderedIds ids, TimeProvider time, AccountStamps stamps)
{
    public async Task<Page<AccountRow>> ListAsync(FangkongDb db, string? q, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, size);
        var users = AdministeredAccounts.Of(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            users = users.Where(u => u.UserName.Contains(t) || u.DisplayName.Contains(t) || u.Phone == t);
        }
        var total = await users.LongCountAsync(ct);
        var rows = await users.OrderBy(u => u.UserName).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        var idList = rows.Select(r => r.Id).ToList();
        var more = (await db.UserRoles.Where(r => idList.Contains(r.UserId)).ToListAsync(ct)).ToLookup(r => r.UserId, r => r.Role);
        var now = time.GetUtcNow().UtcDateTime;
        var names = await AccountAreas.NamesAsync(db, rows.Select(AreaOfUser), ct);
        return new Page<AccountRow>(rows.Select(u => new AccountRow(u.Id, u.UserName, u.DisplayName,
            [u.Role, .. more[u.Id].Where(r => r != u.Role).Order()], AreaOf(u), names.GetValueOrDefault(AreaOf(u), ""), StateOf(u, now), u.LastSignInAtUtc,
            Masking.Phone(u.Phone), Masking.DocumentNumber(u.IdNumber), u.TotpSecret is not null, u.PersonId is not null)).ToList(), p, s, total);
    }

    public async Task<InitialPassword> CreateAsync(FangkongDb db, long actorUserId, NewStaff staff, CancellationToken ct)
    {
        var (ok, field, reason) = StaffChecks.Check(staff, Today());
        if (ok is null) throw new InputException(field!, reason!);
        AdministeredAccounts.CheckRoles(db, ok.Roles);
        var area = await AccountAreas.ResolveAsync(db, "area", staff.Area, ct);
        await AdministeredAccounts.CheckAreaAsync(db, area, "area", ct);
        if (await db.Users.AnyAsync(u => u.IdNumber == ok.IdNumber, ct)) throw new InputException("idNumber", Messages.Get("Staff.IdNumber.Taken"));
        var names = await StaffUserNames.LoadAsync(db, [ok.Roles[0]], ct);
        var (user, password) = NewUser(ok, area, names);
        Add(db, user, ok.Roles, actorUserId, AccountChangeKinds.Created);
        await db.SaveChangesAsync(ct);
        return new InitialPassword(user.Id, user.UserName, user.DisplayName, password);
    }

    public async Task ChangeAsync(FangkongDb db, long actorUserId, long userId, AccountChangeRequest change, CancellationToken ct)
    {
        var user = await StaffAsync(db, userId, ct);
        var detail = new List<string>();
        if (change.Roles is not null)
        {
            var roles = RoleNames.Check("roles", change.Roles);
            AdministeredAccounts.CheckRoles(db, roles);
            if (userId == actorUserId && !roles.Contains(Roles.Administrator)) throw new InputException("roles", Messages.Get("Staff.Self"));
            user.Role = roles[0];
            var held = await db.UserRoles.Where(r => r.UserId == userId).ToListAsync(ct);
            var wanted = roles.Skip(1).ToHashSet();
            db.UserRoles.RemoveRange(held.Where(r => !wanted.Contains(r.Role)));
            db.UserRoles.AddRange(wanted.Where(r => held.All(h => h.Role != r)).Select(r => new UserRole { UserId = userId, Role = r }));
            detail.Add("roles=" + string.Join(',', roles));
        }
        if (change.Area is not null)
        {
            var area = await AccountAreas.ResolveAsync(db, "area", change.Area, ct);
            await AdministeredAccounts.CheckAreaAsync(db, area, "area", ct);
            SetArea(user, area);
            detail.Add("area=" + area);
        }
        if (detail.Count == 0) throw new InputException("roles", Messages.Get("Staff.NothingToChange"));
        Record(db, actorUserId, userId, AccountChangeKinds.Changed, string.Join("; ", detail));
        await db.SaveChangesAsync(ct);
        stamps.Forget(userId);
    }

    public async Task SetDisabledAsync(FangkongDb db, long actorUserId, long userId, bool disabled, CancellationToken ct)
    {
        if (userId == actorUserId) throw new InputException("id", Messages.Get("Staff.Self"));
        var user = await StaffAsync(db, userId, ct);
        user.Disabled = disabled;
        Record(db, actorUserId, userId, disabled ? AccountChangeKinds.Disabled : AccountChangeKinds.Enabled, null);
        await db.SaveChangesAsync(ct);
        // Its sessions end at their next request (ADR 0023), on this instance without waiting for the stamp cache.
        stamps.Forget(userId);
    }

    /// <summary>A new one-time password, a new first sign-in and a new authenticator (a lost phone is the usual reason); unlocks.</summary>
    public async Task<InitialPassword> ResetAsync(FangkongDb db, long actorUserId, long userId, CancellationToken ct)
    {
        var user = await StaffAsync(db, userId, ct);
        var password = InitialPasswords.New();
        user.PasswordHash = PasswordHasher.HashRandomSecret(password);
        user.MustChangePassword = true;
        user.TotpSecret = user.TotpPendingSecret = null;
        user.TotpLastStep = null;
        user.LockedUntilUtc = user.FirstFailedAtUtc = null;
        user.FailedSignIns = 0;
        Record(db, actorUserId, userId, AccountChangeKinds.Reset, null);
        await db.SaveChangesAsync(ct);
        stamps.Forget(userId);
        return new InitialPassword(user.Id, user.UserName, user.DisplayName, password);
    }

    internal (User User, string Password) NewUser(CheckedStaff s, AccountArea area, StaffUserNames names)
    {
        var password = InitialPasswords.New();
        var user = new User
        {
            Id = ids.Next(),
            UserName = names.Next(s.Roles[0]),
            DisplayName = s.Name,
            PasswordHash = PasswordHasher.HashRandomSecret(password),
            Role = s.Roles[0],
            Phone = s.Phone,
            IdNumber = s.IdNumber,
            MustChangePassword = true,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        SetArea(user, area);
        return (user, password);
    }

    internal void Add(FangkongDb db, User user, IReadOnlyList<string> roles, long actorUserId, string kind)
    {
        db.Users.Add(user);
        db.UserRoles.AddRange(roles.Skip(1).Select(r => new UserRole { UserId = user.Id, Role = r }));
        Record(db, actorUserId, user.Id, kind, "roles=" + string.Join(',', roles) + "; area=" + AreaOf(user));
    }

    internal DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime + CityClock.ChinaOffset);

    private void Record(FangkongDb db, long actor, long userId, string kind, string? detail) =>
        db.AccountChanges.Add(new AccountChange { Id = ids.Next(), AtUtc = time.GetUtcNow().UtcDateTime, ActorUserId = actor, UserId = userId, Kind = kind, Detail = detail });

    private static void SetArea(User user, AccountArea area)
    {
        user.JurisdictionLevel = area.Level;
        user.JurisdictionId = area.Id;
        // A venue is where gate operators and venue managers work (the column they always had).
        if (area.VenueId is not null || area.Level is not null) user.VenueId = area.VenueId;
    }

    private static AccountArea AreaOfUser(User u) => new(u.JurisdictionLevel, u.JurisdictionId, u.JurisdictionLevel is null ? u.VenueId : null);

    private static string AreaOf(User u) => AreaOfUser(u).ToString();

    private static AccountState StateOf(User u, DateTime now) =>
        u.Disabled ? AccountState.Disabled
        : u.LockedUntilUtc > now ? AccountState.Locked
        : u.MustChangePassword ? AccountState.FirstSignIn
        : AccountState.Active;

    /// <summary>
    /// A staff account the caller administers (residents are not administered here): outside a confined caller's area
    /// it is not found; another administrator's is refused to them (ADR 0028).
    /// </summary>
    private static async Task<User> StaffAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var user = await AdministeredAccounts.Of(db).FirstOrDefaultAsync(u => u.Id == userId && u.Role != Roles.Resident, ct)
            ?? throw new NotFoundException("id", Messages.Get("Staff.NotFound"));
        if (db.Area is not null && (user.Role == Roles.Administrator || await db.UserRoles.AnyAsync(r => r.UserId == userId && r.Role == Roles.Administrator, ct)))
            throw new ForbiddenException(Messages.Get("Staff.Grant.Peer"));
        return user;
    }
}
