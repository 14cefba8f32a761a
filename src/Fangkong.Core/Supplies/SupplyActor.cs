using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Community;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>
/// Who is acting on supplies, read from the store on every request: a resident (their bound person's household), a
/// supplier's account (that supplier's queue), or community staff and officers within their area (<see cref="CommunityScope"/>).
/// Epidemiologists read; they place, step and distribute nothing.
/// </summary>
public sealed class SupplyActor
{
    private SupplyActor(long userId, string name, string role) { UserId = userId; Name = name; Role = role; }

    public long UserId { get; }
    public string Name { get; }
    public string Role { get; }
    public long? PersonId { get; private init; }
    public long? SupplierId { get; private init; }
    public CommunityScope? Scope { get; private init; }

    public static async Task<SupplyActor> ForAsync(FangkongDb db, long userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new ForbiddenException(Messages.Get("Supplies.NoActor"));
        return user.Role switch
        {
            Roles.Resident => new(user.Id, user.DisplayName, user.Role) { PersonId = user.PersonId },
            Roles.Supplier => new(user.Id, user.DisplayName, user.Role)
            {
                SupplierId = await db.SupplierAccounts.Where(a => a.UserId == user.Id).Select(a => (long?)a.SupplierId).FirstOrDefaultAsync(ct)
                    ?? throw new ForbiddenException(Messages.Get("Supplies.NoSupplier")),
            },
            _ => new(user.Id, user.DisplayName, user.Role) { Scope = await CommunityScope.ForAsync(db, userId, ct) },
        };
    }

    /// <summary>An account keying in work for others (the outbreak simulation): acts as <paramref name="scope"/>.</summary>
    internal static SupplyActor ForScope(CommunityScope scope) => new(scope.UserId, scope.DisplayName, scope.Role) { Scope = scope };

    internal static SupplyActor ForSupplier(long userId, string name, long supplierId) => new(userId, name, Roles.Supplier) { SupplierId = supplierId };

    internal static SupplyActor ForResident(long userId, string name, long personId) => new(userId, name, Roles.Resident) { PersonId = personId };

    public CommunityScope Staff => Scope ?? throw new ForbiddenException(Messages.Get("Supplies.StaffOnly"));

    /// <summary>Ordering for a household, marking gates and doors, bulk distributions: community staff and administrators, not epidemiologists.</summary>
    public CommunityScope Worker
    {
        get
        {
            var s = Staff;
            s.EnsureMayWrite();
            return s;
        }
    }

    public long Supplier => SupplierId ?? throw new ForbiddenException(Messages.Get("Supplies.SuppliersOnly"));
}
