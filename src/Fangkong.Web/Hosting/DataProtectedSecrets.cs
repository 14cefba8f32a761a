using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.DataProtection;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Core's <see cref="ISecretProtector"/> by ASP.NET Data Protection: TOTP secrets are stored encrypted under a key ring
/// kept apart from the database (<c>DataProtection:KeysPath</c>, shared by every instance; ADR 0023).
/// </summary>
public sealed class DataProtectedSecrets(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Fangkong.Accounts.TotpSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

public static class SecretProtection
{
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration config)
    {
        var dp = services.AddDataProtection().SetApplicationName("Fangkong");
        if (config["DataProtection:KeysPath"] is { Length: > 0 } path) dp.PersistKeysToFileSystem(new DirectoryInfo(path));
        services.AddSingleton<ISecretProtector, DataProtectedSecrets>();
        return services;
    }
}
