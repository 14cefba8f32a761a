namespace Fangkong.Core.Signing;

/// <summary>ECDSA P-256 keys that sign QR payloads; shared by all API instances through the database.</summary>
public sealed class SigningKey
{
    public required string Id { get; set; }
    public required byte[] PrivateKeyPkcs8 { get; set; }
    public required byte[] PublicKeySpki { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
