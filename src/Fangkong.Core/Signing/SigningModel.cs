using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Signing;

/// <summary>The signing keys' table.</summary>
internal static class SigningModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SigningKey>(e =>
        {
            e.ToTable("signing_keys");
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.PrivateKeyPkcs8).HasMaxLength(512);
            e.Property(x => x.PublicKeySpki).HasMaxLength(512);
            e.Property(x => x.Source).HasMaxLength(16);
        });
    }
}
