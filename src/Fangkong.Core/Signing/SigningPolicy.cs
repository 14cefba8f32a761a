using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Core.Signing;

/// <summary>
/// When keys rotate and how long a retired key still verifies (<c>Policy:Signing:*</c>), and where the private key lives
/// (<c>Signing:KeyFile</c> or <c>Signing:KeyPem</c>, a PKCS#8 PEM; when neither is set, keys are generated into the database). ADR 0025.
/// </summary>
public sealed record SigningPolicy
{
    /// <summary>Scheduled rotation of a database key; zero turns it off. A file key rotates when the operator replaces the file.</summary>
    public TimeSpan RotateEvery { get; init; } = TimeSpan.FromDays(30);
    /// <summary>How long after it stops signing a key's public half still verifies (and is published): the certificates' overlap.</summary>
    public TimeSpan VerifyRetiredFor { get; init; } = TimeSpan.FromDays(30);
    /// <summary>How long an instance keeps its view of the keys before reading them again: the bound on seeing another instance's rotation.</summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>A PKCS#8 PEM file holding the private key; the database then holds only public halves.</summary>
    public string? KeyFile { get; init; }
    /// <summary>The PEM itself (from the environment, <c>Signing__KeyPem</c>), instead of a file.</summary>
    public string? KeyPem { get; init; }

    private const string P256Oid = "1.2.840.10045.3.1.7";

    public bool KeyFromOutside => !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(KeyPem);

    public static SigningPolicy Read(IConfiguration config)
    {
        var policy = config.GetSection("Policy:Signing").Get<SigningPolicy>() ?? new SigningPolicy();
        return policy with { KeyFile = config["Signing:KeyFile"], KeyPem = config["Signing:KeyPem"] };
    }

    /// <summary>
    /// The window a retired key keeps verifying: never shorter than an instance may still sign with it (until it refreshes) plus the
    /// longest-lived payload it may have signed then (a QR code), so a rotation never breaks a code already shown.
    /// </summary>
    public TimeSpan OverlapFor(TimeSpan qrLifetime) =>
        TimeSpan.FromTicks(Math.Max(VerifyRetiredFor.Ticks, (Refresh + qrLifetime + TimeSpan.FromMinutes(1)).Ticks));

    /// <summary>The outside private key, read and checked (P-256), or null when keys live in the database.</summary>
    public ECDsa? LoadOutsideKey()
    {
        if (!KeyFromOutside) return null;
        var pem = !string.IsNullOrWhiteSpace(KeyPem) ? KeyPem! : File.ReadAllText(KeyFile!);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
                throw new InvalidOperationException("Signing:KeyFile/KeyPem must hold an ECDSA P-256 private key (PKCS#8 PEM).");
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException("Signing:KeyFile/KeyPem is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----).", e);
        }
    }
}
