using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fangkong.Domain.Common;

/// <summary>How far a signed token could be opened before its signature is checked.</summary>
public enum TokenOpening { Opened, Empty, NotOurs, Damaged }

/// <summary>A signed token opened: its fields (when readable) and whether a public key's signature holds over it.</summary>
public sealed class OpenedToken<TWire>(TokenOpening opening, TWire? wire, byte[] body, byte[] signature) where TWire : class
{
    public TokenOpening Opening => opening;
    public TWire? Wire => wire;

    /// <summary>Whether <paramref name="key"/>'s ECDSA P-256 / SHA-256 signature (IEEE P1363) holds over "PREFIX." + payload.</summary>
    public bool SignedBy(ECDsa key) =>
        key.VerifyData(body, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}

/// <summary>
/// The one envelope of the platform's signed QR texts — health codes (<c>FK1</c>) and passes (<c>FKP1</c>):
/// <c>PREFIX.&lt;payload&gt;.&lt;signature&gt;</c>, the payload base64url UTF-8 JSON of short field names, the signature
/// ECDSA P-256 / SHA-256 in IEEE P1363 form over "PREFIX." + payload, base64url. Each format keeps its own fields,
/// checks and words; this is only the sealing and the opening.
/// </summary>
public static class SignedToken
{
    public static string Sign<TWire>(string prefix, TWire wire, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var body = prefix + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(wire));
        var sig = privateKey.SignData(Encoding.ASCII.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return body + "." + Base64Url.EncodeToString(sig);
    }

    /// <summary>Splits and decodes a scanned text; its fields still need their format's checks and a key's signature.</summary>
    public static OpenedToken<TWire> Open<TWire>(string? text, string prefix, int maxLength) where TWire : class
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength) return new(TokenOpening.Empty, null, [], []);
        var parts = text.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != prefix) return new(TokenOpening.NotOurs, null, [], []);
        try
        {
            var wire = JsonSerializer.Deserialize<TWire>(Base64Url.DecodeFromChars(parts[1]));
            var sig = Base64Url.DecodeFromChars(parts[2]);
            return new(TokenOpening.Opened, wire, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), sig);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new(TokenOpening.Damaged, null, [], []);
        }
    }
}
