using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>
/// Residents' own accounts: registered with a mobile number (the user name) and a password, then bound once to their
/// identity (real name): an ID number and a name that match a stored person. Only an administrator undoes a binding,
/// and that is recorded (ADR 0023).
/// </summary>
public sealed class ResidentAccounts(TimeOrderedIds ids, TimeProvider time, AccountStamps stamps)
{
    public async Task<User> RegisterAsync(FangkongDb db, string? phone, string? password, CancellationToken ct)
    {
        var number = Phones.Normalise("phone", phone);
        PasswordRules.Check("password", password, number, null);
        if (await db.Users.AnyAsync(u => u.UserName == number, ct))
            throw new ConflictException(Messages.Get("Accounts.Register.Taken"), "PhoneTaken");
        var user = new User
        {
            Id = ids.Next(),
            UserName = number,
            DisplayName = Masking.Phone(number),
            PasswordHash = PasswordHasher.Hash(password!),
            Role = Roles.Resident,
            Phone = number,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Binds a resident's account to the stored person with this ID number and name; once.</summary>
    public async Task<long> BindIdentityAsync(FangkongDb db, long userId, string? idNumber, string? name, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        if (user.Role != Roles.Resident) throw new ForbiddenException(Messages.Get("Accounts.Bind.NotResident"));
        if (user.PersonId is not null) throw new ConflictException(Messages.Get("Accounts.Bind.Already"), "AlreadyBound");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime + CityClock.ChinaOffset);
        var id = ResidentIdNumber.Validate(idNumber, today);
        if (!id.IsValid) throw new InputException("idNumber", Messages.Get(id.Error!));
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64) throw new InputException("name", Messages.Get("Accounts.Bind.NameRequired"));
        var number = id.Id!.Value.Value;
        var trimmed = name.Trim();
        // One answer for an unknown number and a wrong name, so the form cannot be used to look up who holds a number.
        var personId = await db.Persons.Where(p => p.DocumentNumber == number && p.Name == trimmed).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new InputException("name", Messages.Get("Accounts.Bind.NoMatch"));
        if (await db.Users.AnyAsync(u => u.PersonId == personId && u.Role == Roles.Resident, ct))
            throw new ConflictException(Messages.Get("Accounts.Bind.PersonTaken"), "PersonTaken");
        user.PersonId = personId;
        db.AccountChanges.Add(new AccountChange { Id = ids.Next(), AtUtc = time.GetUtcNow().UtcDateTime, ActorUserId = userId, UserId = userId, Kind = AccountChangeKinds.Bound });
        await db.SaveChangesAsync(ct);
        return personId;
    }

    /// <summary>An administrator undoes a binding (a mistaken or stolen identity), with a reason, recorded.</summary>
    public async Task UnbindAsync(FangkongDb db, long actorUserId, long userId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4 || reason.Length > 500)
            throw new InputException("reason", Messages.Get("Accounts.ReasonRequired"));
        // A confined administrator reaches only residents whose person lives in their area (the area filter on persons).
        var confined = db.Area is not null;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.Role == Roles.Resident
                && (!confined || u.PersonId == null || db.Persons.Any(p => p.Id == u.PersonId)), ct)
            ?? throw new NotFoundException("id", Messages.Get("Accounts.NotFound"));
        if (user.PersonId is null) throw new ConflictException(Messages.Get("Accounts.Bind.NotBound"), "NotBound");
        db.AccountChanges.Add(new AccountChange
        {
            Id = ids.Next(),
            AtUtc = time.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            UserId = userId,
            Kind = AccountChangeKinds.Unbound,
            Detail = $"person {user.PersonId}: {reason.Trim()}",
        });
        user.PersonId = null;
        await db.SaveChangesAsync(ct);
        stamps.Forget(userId);
    }
}
