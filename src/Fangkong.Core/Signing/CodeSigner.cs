using System.Collections.Concurrent;
using System.Security.Cryptography;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Signing;

/// <summary>
/// Signs and verifies health-code QR payloads. The key pair lives in the database so every stateless API
/// instance signs with the same key; gates verify offline with the published public key.
/// </summary>
public sealed class CodeSigner(IDbContextFactory<FangkongDb> dbs, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _load = new(1, 1);
    private readonly ConcurrentDictionary<string, ECDsa> _publicKeys = new();
    private (string Id, ECDsa Key)? _active;

    public async Task<(string KeyId, ECDsa Key)> ActiveKeyAsync(CancellationToken ct = default)
    {
        if (_active is { } a) return a;
        await _load.WaitAsync(ct);
        try
        {
            if (_active is { } again) return again;
            await using var db = await dbs.CreateDbContextAsync(ct);
            var row = await db.SigningKeys.OrderByDescending(k => k.CreatedAtUtc).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                row = new SigningKey
                {
                    Id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
                    PrivateKeyPkcs8 = fresh.ExportPkcs8PrivateKey(),
                    PublicKeySpki = fresh.ExportSubjectPublicKeyInfo(),
                    CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                };
                db.SigningKeys.Add(row);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance created one first: use the newest stored key.
                    await using var db2 = await dbs.CreateDbContextAsync(ct);
                    row = await db2.SigningKeys.OrderByDescending(k => k.CreatedAtUtc).FirstAsync(ct);
                }
            }
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(row.PrivateKeyPkcs8, out _);
            _active = (row.Id, key);
            return _active.Value;
        }
        finally
        {
            _load.Release();
        }
    }

    public async Task<string> SignAsync(string token, CodeColour colour, TimeSpan lifetime, CancellationToken ct = default)
    {
        var (id, key) = await ActiveKeyAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        return SignedCode.Sign(new CodePayload(token, colour, now, now + lifetime, id), key);
    }

    public async Task<CodeVerification> VerifyAsync(string? text, CancellationToken ct = default)
    {
        await ActiveKeyAsync(ct);
        await LoadPublicKeysAsync(ct);
        return SignedCode.Verify(text, kid => _publicKeys.GetValueOrDefault(kid), time.GetUtcNow().UtcDateTime);
    }

    public async Task<string> SignCertificateAsync(long sampleId, long roundId, string token, DateTime sampledAtUtc, CancellationToken ct = default)
    {
        var (id, key) = await ActiveKeyAsync(ct);
        return Domain.Testing.SignedCertificate.Sign(new Domain.Testing.CertificatePayload(sampleId, roundId, token, sampledAtUtc, id), key);
    }

    public async Task<Domain.Testing.CertificateVerification> VerifyCertificateAsync(string? text, CancellationToken ct = default)
    {
        await ActiveKeyAsync(ct);
        await LoadPublicKeysAsync(ct);
        return Domain.Testing.SignedCertificate.Verify(text, kid => _publicKeys.GetValueOrDefault(kid));
    }

    /// <summary>All public keys, for publishing (SPKI DER, base64) so gates can verify offline.</summary>
    public async Task<IReadOnlyList<PublishedKey>> PublicKeysAsync(CancellationToken ct = default)
    {
        await ActiveKeyAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.SigningKeys.OrderByDescending(k => k.CreatedAtUtc).ToListAsync(ct);
        return rows.Select(r => new PublishedKey(r.Id, "ES256", Convert.ToBase64String(r.PublicKeySpki),
            PemEncoding.WriteString("PUBLIC KEY", r.PublicKeySpki), r.CreatedAtUtc)).ToList();
    }

    private async Task LoadPublicKeysAsync(CancellationToken ct)
    {
        if (!_publicKeys.IsEmpty) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var row in await db.SigningKeys.ToListAsync(ct))
        {
            var k = ECDsa.Create();
            k.ImportSubjectPublicKeyInfo(row.PublicKeySpki, out _);
            _publicKeys.TryAdd(row.Id, k);
        }
    }

    public void Dispose()
    {
        _active?.Key.Dispose();
        foreach (var k in _publicKeys.Values) k.Dispose();
        _load.Dispose();
    }
}

public sealed record PublishedKey(string KeyId, string Algorithm, string SpkiBase64, string Pem, DateTime CreatedAtUtc);
