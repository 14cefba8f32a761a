using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Accounts;

/// <summary>Users: their tables and indexes.</summary>
internal static class AccountsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<User>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.UserName).IsUnique();
        });
    }
}
