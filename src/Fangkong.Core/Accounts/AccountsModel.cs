using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>Users, their further roles and the changes made to them: tables and indexes.</summary>
internal static class AccountsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<User>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.UserName).IsUnique();
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.IdNumber).HasMaxLength(18);
            // One staff account per ID number; nulls (residents, the demo accounts) do not collide. A phone may be a
            // staff member's and, as a resident, their own account's user name, so it is looked up but not unique.
            e.HasIndex(x => x.IdNumber).IsUnique();
            e.HasIndex(x => x.Phone);
            e.HasIndex(x => x.PersonId);
        });
        b.Entity<UserRole>(e =>
        {
            e.ToTable("user_roles");
            e.HasKey(x => new { x.UserId, x.Role });
            e.Property(x => x.Role).HasMaxLength(32);
        });
        b.Entity<AccountChange>(e =>
        {
            e.ToTable("account_changes");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.UserId, x.AtUtc });
        });
    }
}
