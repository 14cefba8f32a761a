using System.Net;
using System.Security.Cryptography;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Codes;

public sealed class KeyRotationTestsSqlite() : KeyRotationTests(StorageProvider.Sqlite);
public sealed class KeyRotationTestsPostgres() : KeyRotationTests(StorageProvider.Postgres);

/// <summary>Signing keys rotate on demand and on schedule with an overlap; key material may come from a PEM (ADR 0025).</summary>
public abstract class KeyRotationTests(StorageProvider provider)
{
    [Fact]
    public async Task A_rotation_keeps_codes_and_certificates_of_the_old_key_verifying_until_the_overlap_ends()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var signer = host.Services.GetRequiredService<CodeSigner>();
        var resident = await host.LoginAsync("resident");
        var qr = (await (await resident.GetAsync("/api/codes/me")).JsonAsync()).GetProperty("qr").GetString()!;
        var certificate = await signer.SignCertificateAsync(1, 2, "token", host.Time.GetUtcNow().UtcDateTime, default);
        var (oldId, _) = await signer.ActiveKeyAsync();

        var admin = await host.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.LoginAsync("epi")).PostAsync("/api/codes/keys/rotate", null)).StatusCode);
        var rotated = await admin.PostAsync("/api/codes/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var keys = (await rotated.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, keys.Count);
        var active = keys.Single(k => k.GetProperty("status").GetString() == "Active");
        var retiring = keys.Single(k => k.GetProperty("status").GetString() == "Retiring");
        Assert.Equal(oldId, retiring.GetProperty("keyId").GetString());
        Assert.NotEqual(oldId, active.GetProperty("keyId").GetString());
        var until = retiring.GetProperty("verifiesUntilUtc").GetDateTime();
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddDays(30), until, TimeSpan.FromSeconds(1));

        // The new key signs; the code and the certificate of the old one still verify.
        Assert.Equal(active.GetProperty("keyId").GetString(), (await signer.ActiveKeyAsync()).KeyId);
        Assert.Equal(CodeVerdict.Valid, (await signer.VerifyAsync(qr)).Verdict);
        Assert.True((await signer.VerifyCertificateAsync(certificate)).IsValid);
        // The old key's private half is gone from the store.
        await using (var db = host.Db()) Assert.Empty((await db.SigningKeys.SingleAsync(k => k.Id == oldId)).PrivateKeyPkcs8);

        // One second before the overlap ends the certificate verifies; one second after it does not, and the key is no longer published.
        host.Time.Advance(until - host.Time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1));
        Assert.True((await signer.VerifyCertificateAsync(certificate)).IsValid);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await signer.VerifyCertificateAsync(certificate)).IsValid);
        var published = (await (await host.Anonymous().GetAsync("/api/codes/public-keys")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([active.GetProperty("keyId").GetString()], published.Select(k => k.GetProperty("keyId").GetString()));
    }

    [Fact]
    public async Task Another_instance_signs_with_the_new_key_within_its_refresh_and_verifies_it_at_once()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var first = host.Services.GetRequiredService<CodeSigner>();
        // A second API instance over the same store: its own cache of the keys.
        using var second = new CodeSigner(host.Services.GetRequiredService<IDbContextFactory<FangkongDb>>(), host.Time, new SigningPolicy(), new CodePolicy());
        var (oldId, _) = await second.ActiveKeyAsync();
        Assert.Equal(oldId, (await first.ActiveKeyAsync()).KeyId);

        var newId = await first.RotateAsync();
        // Until its refresh the second instance still signs with the old key, which still verifies everywhere.
        Assert.Equal(oldId, (await second.ActiveKeyAsync()).KeyId);
        var oldCode = await second.SignAsync("t", CodeColour.Green, TimeSpan.FromMinutes(3));
        Assert.Equal(CodeVerdict.Valid, (await first.VerifyAsync(oldCode)).Verdict);
        // A payload of the new key verifies on the second instance at once (an unknown key id makes it read the keys again).
        var newCode = await first.SignAsync("t", CodeColour.Green, TimeSpan.FromMinutes(3));
        Assert.Equal(CodeVerdict.Valid, (await second.VerifyAsync(newCode)).Verdict);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(newId, (await second.ActiveKeyAsync()).KeyId);
    }

    [Fact]
    public async Task The_schedule_rotates_a_key_only_once_it_is_older_than_the_period()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var signer = host.Services.GetRequiredService<CodeSigner>();
        var (first, _) = await signer.ActiveKeyAsync();
        host.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.False(await signer.RotateIfDueAsync());
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await signer.RotateIfDueAsync());
        Assert.False(await signer.RotateIfDueAsync());
        Assert.NotEqual(first, (await signer.ActiveKeyAsync()).KeyId);
        await using var db = host.Db();
        Assert.Equal(1, await db.SigningKeys.CountAsync(k => k.RetiredAtUtc == null));
    }

    [Fact]
    public async Task A_key_from_a_pem_signs_with_only_its_public_half_stored_and_is_not_rotated_here()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        await using var host = await ApiHost.StartAsync(provider, web: b => b.UseSetting("Signing:KeyPem", pem));
        var signer = host.Services.GetRequiredService<CodeSigner>();
        var (id, _) = await signer.ActiveKeyAsync();
        Assert.Equal(CodeSigner.OutsideKeyId(key.ExportSubjectPublicKeyInfo()), id);
        var code = await signer.SignAsync("t", CodeColour.Green, TimeSpan.FromMinutes(3));
        // Verifiable offline with the PEM's public half.
        Assert.Equal(CodeVerdict.Valid, SignedCode.Verify(code, kid => kid == id ? key : null, host.Time.GetUtcNow().UtcDateTime).Verdict);
        await using (var db = host.Db())
        {
            var row = await db.SigningKeys.SingleAsync();
            Assert.Equal(KeySources.File, row.Source);
            Assert.Empty(row.PrivateKeyPkcs8);
        }
        var refused = await (await host.LoginAsync("admin")).PostAsync("/api/codes/keys/rotate", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False(await signer.RotateIfDueAsync());
    }

    [Fact]
    public async Task Replacing_the_database_key_by_a_pem_retires_the_database_key_into_its_overlap()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var (dbKey, _) = await host.Services.GetRequiredService<CodeSigner>().ActiveKeyAsync();
        var certificate = await host.Services.GetRequiredService<CodeSigner>().SignCertificateAsync(1, 2, "token", host.Time.GetUtcNow().UtcDateTime, default);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // The instance restarted with a PEM: a new signer over the same store.
        var policy = new SigningPolicy { KeyPem = key.ExportPkcs8PrivateKeyPem() };
        using var restarted = new CodeSigner(host.Services.GetRequiredService<IDbContextFactory<FangkongDb>>(), host.Time, policy, new CodePolicy());
        Assert.StartsWith("f", (await restarted.ActiveKeyAsync()).KeyId, StringComparison.Ordinal);
        Assert.True((await restarted.VerifyCertificateAsync(certificate)).IsValid);
        var keys = await restarted.PublicKeysAsync();
        Assert.Equal(KeyStatus.Retiring, keys.Single(k => k.KeyId == dbKey).Status);
        await using var db = host.Db();
        Assert.All(await db.SigningKeys.ToListAsync(), k => Assert.Empty(k.PrivateKeyPkcs8));
    }
}
