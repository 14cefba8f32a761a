using System.Collections.Concurrent;
using System.Security.Cryptography;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Signing;

/// <summary>
/// Signs and verifies health-code QR payloads and sampling certificates. The active key is the one the database names, so every
/// stateless API instance signs with the same key; each instance re-reads the keys every <see cref="SigningPolicy.Refresh"/>, and
/// at once when it meets a key id it does not know. Retired keys verify until their overlap ends (ADR 0025).
/// </summary>
public sealed class CodeSigner(IDbContextFactory<FangkongDb> dbs, TimeProvider time, SigningPolicy policy, CodePolicy codes) : IDisposable
{
    private static readonly TimeSpan MissReloadEvery = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _load = new(1, 1);
    private readonly ConcurrentDictionary<string, ECDsa> _publicKeys = new();
    private readonly ConcurrentDictionary<string, ECDsa> _privateKeys = new();
    private (string Id, ECDsa Key)? _outside;
    private KeyRing? _ring;
    private DateTime _lastMissReloadUtc = DateTime.MinValue;

    /// <summary>The keys as this instance last read them: which signs, and until when each verifies (null: active).</summary>
    private sealed record KeyRing(string ActiveId, IReadOnlyDictionary<string, DateTime?> VerifiesUntil, DateTime LoadedAtUtc);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<(string KeyId, ECDsa Key)> ActiveKeyAsync(CancellationToken ct = default)
    {
        var ring = await RingAsync(force: false, ct);
        return (ring.ActiveId, _privateKeys[ring.ActiveId]);
    }

    public async Task<string> SignAsync(string token, CodeColour colour, TimeSpan lifetime, CancellationToken ct = default)
    {
        var (id, key) = await ActiveKeyAsync(ct);
        var now = Now;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        return SignedCode.Sign(new CodePayload(token, colour, now, now + lifetime, id), key);
    }

    public async Task<CodeVerification> VerifyAsync(string? text, CancellationToken ct = default)
    {
        var keys = await VerifyingKeysAsync(text, ct);
        return SignedCode.Verify(text, keys, Now);
    }

    public async Task<string> SignCertificateAsync(long sampleId, long roundId, string token, DateTime sampledAtUtc, CancellationToken ct = default)
    {
        var (id, key) = await ActiveKeyAsync(ct);
        return Domain.Testing.SignedCertificate.Sign(new Domain.Testing.CertificatePayload(sampleId, roundId, token, sampledAtUtc, id), key);
    }

    public async Task<Domain.Testing.CertificateVerification> VerifyCertificateAsync(string? text, CancellationToken ct = default)
    {
        var keys = await VerifyingKeysAsync(text, ct);
        return Domain.Testing.SignedCertificate.Verify(text, keys);
    }

    /// <summary>
    /// Signs a venue code (场所码) for <paramref name="lifetime"/>, never longer than a retired key keeps verifying: a poster
    /// signed the day before its key retires still scans until its own expiry (ADR 0038).
    /// </summary>
    public async Task<(string Token, DateTime ExpiresAtUtc)> SignVenueCodeAsync(long venueId, TimeSpan lifetime, CancellationToken ct = default)
    {
        var (id, key) = await ActiveKeyAsync(ct);
        var now = Now;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var expires = now + (lifetime < policy.VerifyRetiredFor ? lifetime : policy.VerifyRetiredFor);
        return (Domain.VenueCodes.SignedVenueCode.Sign(new Domain.VenueCodes.VenueCodePayload(venueId, now, expires, id), key), expires);
    }

    public async Task<Domain.VenueCodes.VenueCodeVerification> VerifyVenueCodeAsync(string? text, CancellationToken ct = default)
    {
        var keys = await VerifyingKeysAsync(text, ct);
        return Domain.VenueCodes.SignedVenueCode.Verify(text, keys, Now);
    }

    /// <summary>Signs a pass (ADR 0041) with the key that signs health codes, so a checkpoint verifies both with the same published keys.</summary>
    public async Task<string> SignPassAsync(Domain.Passes.PassPayload payload, CancellationToken ct = default)
    {
        var (id, key) = await ActiveKeyAsync(ct);
        return Domain.Passes.SignedPass.Sign(payload with { KeyId = id }, key);
    }

    /// <summary>Reads a pass's QR and checks its signature against the keys that verify now.</summary>
    public async Task<Domain.Passes.PassVerification> ReadPassAsync(string? text, CancellationToken ct = default)
    {
        var keys = await VerifyingKeysAsync(text, ct);
        return Domain.Passes.SignedPass.Read(text, keys);
    }

    /// <summary>The active and retiring public keys with their validity (SPKI DER, base64, and PEM), so gates can verify offline.</summary>
    public async Task<IReadOnlyList<PublishedKey>> PublicKeysAsync(CancellationToken ct = default)
    {
        await RingAsync(force: false, ct);
        var now = Now;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAtUtc == null || k.VerifiesUntilUtc > now)
            .OrderByDescending(k => k.CreatedAtUtc).ToListAsync(ct);
        return rows.Select(r => new PublishedKey(r.Id, "ES256", Convert.ToBase64String(r.PublicKeySpki),
            PemEncoding.WriteString("PUBLIC KEY", r.PublicKeySpki), r.CreatedAtUtc,
            r.RetiredAtUtc is null ? KeyStatus.Active : KeyStatus.Retiring, r.RetiredAtUtc, r.VerifiesUntilUtc)).ToList();
    }

    /// <summary>
    /// Rotates now (an administrator, <c>fangkong keys rotate</c>): the active key retires into its overlap and a new one signs.
    /// Refused when the key comes from a file or the environment: the operator rotates it by replacing the PEM.
    /// </summary>
    public async Task<string> RotateAsync(CancellationToken ct = default)
    {
        if (policy.KeyFromOutside) throw new ConflictException(Messages.Get("Signing.KeyFromOutside"), "key-from-outside");
        await using (var db = await dbs.CreateDbContextAsync(ct)) await RotateInAsync(db, olderThan: null, ct);
        return (await RingAsync(force: true, ct)).ActiveId;
    }

    /// <summary>The scheduled rotation: rotates when the active database key is older than <see cref="SigningPolicy.RotateEvery"/>.</summary>
    public async Task<bool> RotateIfDueAsync(CancellationToken ct = default)
    {
        if (policy.KeyFromOutside || policy.RotateEvery <= TimeSpan.Zero) return false;
        bool rotated;
        await using (var db = await dbs.CreateDbContextAsync(ct)) rotated = await RotateInAsync(db, Now - policy.RotateEvery, ct);
        if (rotated) await RingAsync(force: true, ct);
        return rotated;
    }

    /// <summary>
    /// Retires the active keys (all of them, or those created before <paramref name="olderThan"/>) and stores a fresh one, in one
    /// transaction. The conditional update is the lock: of two instances rotating at once, the second finds nothing left to retire.
    /// </summary>
    private async Task<bool> RotateInAsync(FangkongDb db, DateTime? olderThan, CancellationToken ct)
    {
        var now = Now;
        var until = now + policy.OverlapFor(codes.QrLifetime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var active = db.SigningKeys.Where(k => k.RetiredAtUtc == null);
        if (olderThan is { } bound) active = active.Where(k => k.CreatedAtUtc <= bound);
        var retired = await active.ExecuteUpdateAsync(u => u
            .SetProperty(k => k.RetiredAtUtc, now).SetProperty(k => k.VerifiesUntilUtc, until).SetProperty(k => k.PrivateKeyPkcs8, Array.Empty<byte>()), ct);
        if (retired == 0 && olderThan is not null) return false;
        db.SigningKeys.Add(NewDatabaseKey(now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static SigningKey NewDatabaseKey(DateTime now)
    {
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey
        {
            Id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            PrivateKeyPkcs8 = fresh.ExportPkcs8PrivateKey(),
            PublicKeySpki = fresh.ExportSubjectPublicKeyInfo(),
            CreatedAtUtc = now,
            Source = KeySources.Database,
        };
    }

    /// <summary>The public-key lookup for one verification: re-reads the keys first when the payload names a key this instance has not seen.</summary>
    private async Task<Func<string, ECDsa?>> VerifyingKeysAsync(string? text, CancellationToken ct)
    {
        var ring = await RingAsync(force: false, ct);
        if (KeyIdOf(text) is { } kid && !ring.VerifiesUntil.ContainsKey(kid) && Now - _lastMissReloadUtc > MissReloadEvery)
        {
            // Bounded: a flood of payloads naming made-up keys reads the table at most once a second.
            _lastMissReloadUtc = Now;
            ring = await RingAsync(force: true, ct);
        }
        var now = Now;
        return id => ring.VerifiesUntil.TryGetValue(id, out var until) && (until is null || now < until) ? _publicKeys.GetValueOrDefault(id) : null;
    }

    /// <summary>The key id a signed payload names, without trusting it (only to decide whether to re-read the keys).</summary>
    private static string? KeyIdOf(string? text)
    {
        var parts = (text ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts[1].Length > 1024) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("kid", out var kid) && kid.ValueKind == System.Text.Json.JsonValueKind.String ? kid.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<KeyRing> RingAsync(bool force, CancellationToken ct)
    {
        var asked = Now;
        if (!force && _ring is { } r && asked < r.LoadedAtUtc + policy.Refresh) return r;
        await _load.WaitAsync(ct);
        try
        {
            // Another caller may have read the keys while this one waited.
            if (_ring is { } again && (force ? again.LoadedAtUtc > asked : asked < again.LoadedAtUtc + policy.Refresh)) return again;
            _ring = await LoadAsync(ct);
            return _ring;
        }
        finally
        {
            _load.Release();
        }
    }

    private async Task<KeyRing> LoadAsync(CancellationToken ct)
    {
        var now = Now;
        await using var db = await dbs.CreateDbContextAsync(ct);
        string activeId;
        if (policy.KeyFromOutside)
        {
            _outside ??= OutsideKey();
            activeId = _outside.Value.Id;
            _privateKeys.TryAdd(activeId, _outside.Value.Key);
            if (!await db.SigningKeys.AnyAsync(k => k.Id == activeId, ct)) await RegisterOutsideAsync(db, now, ct);
        }
        else
        {
            var active = await ActiveRowAsync(db, ct);
            // None yet, or the active key's private half is elsewhere (a key file the operator no longer configures): start one here.
            if (active is null || active.PrivateKeyPkcs8.Length == 0)
            {
                await RotateInAsync(db, olderThan: null, ct);
                db.ChangeTracker.Clear();
                active = await ActiveRowAsync(db, ct) ?? throw new InvalidOperationException("No active signing key after creating one.");
            }
            activeId = active.Id;
            if (!_privateKeys.ContainsKey(activeId))
            {
                var key = ECDsa.Create();
                key.ImportPkcs8PrivateKey(active.PrivateKeyPkcs8, out _);
                if (!_privateKeys.TryAdd(activeId, key)) key.Dispose();
            }
        }
        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAtUtc == null || k.VerifiesUntilUtc > now)
            .Select(k => new { k.Id, k.PublicKeySpki, k.VerifiesUntilUtc }).ToListAsync(ct);
        var until = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            until[row.Id] = row.VerifiesUntilUtc;
            if (_publicKeys.ContainsKey(row.Id)) continue;
            var k = ECDsa.Create();
            k.ImportSubjectPublicKeyInfo(row.PublicKeySpki, out _);
            if (!_publicKeys.TryAdd(row.Id, k)) k.Dispose();
        }
        // This instance signs with its key even before another instance's read has seen it.
        until[activeId] = null;
        if (!_publicKeys.ContainsKey(activeId)) _publicKeys.TryAdd(activeId, _privateKeys[activeId]);
        return new KeyRing(activeId, until, now);
    }

    private static Task<SigningKey?> ActiveRowAsync(FangkongDb db, CancellationToken ct) =>
        db.SigningKeys.AsNoTracking().Where(k => k.RetiredAtUtc == null).OrderByDescending(k => k.CreatedAtUtc).ThenByDescending(k => k.Id).FirstOrDefaultAsync(ct);

    private (string Id, ECDsa Key) OutsideKey()
    {
        var key = policy.LoadOutsideKey()!;
        return (OutsideKeyId(key.ExportSubjectPublicKeyInfo()), key);
    }

    /// <summary>A file key's id is derived from its public half, so every instance configured with the same PEM names it alike.</summary>
    public static string OutsideKeyId(byte[] spki) => "f" + Convert.ToHexStringLower(SHA256.HashData(spki))[..12];

    /// <summary>A new key from a file or the environment: its public half is stored and it becomes the active key, the previous one retiring.</summary>
    private async Task RegisterOutsideAsync(FangkongDb db, DateTime now, CancellationToken ct)
    {
        var (id, key) = _outside!.Value;
        var until = now + policy.OverlapFor(codes.QrLifetime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SigningKeys.Where(k => k.RetiredAtUtc == null).ExecuteUpdateAsync(u => u
            .SetProperty(k => k.RetiredAtUtc, now).SetProperty(k => k.VerifiesUntilUtc, until).SetProperty(k => k.PrivateKeyPkcs8, Array.Empty<byte>()), ct);
        db.SigningKeys.Add(new SigningKey { Id = id, PrivateKeyPkcs8 = [], PublicKeySpki = key.ExportSubjectPublicKeyInfo(), CreatedAtUtc = now, Source = KeySources.File });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance with the same PEM registered it first.
            await tx.RollbackAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    public void Dispose()
    {
        foreach (var k in _privateKeys.Values) k.Dispose();
        foreach (var k in _publicKeys.Values) k.Dispose();
        _load.Dispose();
    }
}

public enum KeyStatus { Active, Retiring }

/// <summary>A published public key: active (signing now) or retiring (verifies until <see cref="VerifiesUntilUtc"/>).</summary>
public sealed record PublishedKey(string KeyId, string Algorithm, string SpkiBase64, string Pem, DateTime CreatedAtUtc,
    KeyStatus Status, DateTime? RetiredAtUtc, DateTime? VerifiesUntilUtc);
