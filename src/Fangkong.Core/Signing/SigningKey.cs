namespace Fangkong.Core.Signing;

/// <summary>
/// An ECDSA P-256 key that signs QR payloads and certificates, shared by all API instances through the database (ADR 0025).
/// Active while <see cref="RetiredAtUtc"/> is empty; retiring (its public half still verifies and is published) until
/// <see cref="VerifiesUntilUtc"/>; expired after. A key from a file (<c>Signing:KeyFile</c>) or a retired key has no private half here.
/// </summary>
public sealed class SigningKey
{
    public required string Id { get; set; }
    /// <summary>PKCS#8; empty when the key came from a file or the environment, and erased when the key retires.</summary>
    public required byte[] PrivateKeyPkcs8 { get; set; }
    public required byte[] PublicKeySpki { get; set; }
    /// <summary>When the key began signing.</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When the key stopped signing (rotated out); null while active.</summary>
    public DateTime? RetiredAtUtc { get; set; }
    /// <summary>When the key's public half stops verifying and is no longer published; null while active.</summary>
    public DateTime? VerifiesUntilUtc { get; set; }
    /// <summary>Where the private half lives: <see cref="KeySources.Database"/> or <see cref="KeySources.File"/>.</summary>
    public string? Source { get; set; }
}

public static class KeySources
{
    public const string Database = "database";
    public const string File = "file";
}
