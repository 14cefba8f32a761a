using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.VenueCodes;

/// <summary>What a venue code (场所码) says: which venue, when it was signed, until when it is valid, and the key that signed it.</summary>
public sealed record VenueCodePayload(long VenueId, DateTime IssuedAtUtc, DateTime ExpiresAtUtc, string KeyId);

/// <summary>A scanned venue code's verdict, its payload when it could be read, and the sentence that tells a person why.</summary>
public sealed record VenueCodeVerification(CodeVerdict Verdict, VenueCodePayload? Payload, Message Message)
{
    public bool IsValid => Verdict == CodeVerdict.Valid;
}

/// <summary>
/// The token inside a venue code's QR: <c>FV1.&lt;payload&gt;.&lt;signature&gt;</c>, both base64url; the payload is UTF-8 JSON
/// {v,iat,exp,kid} (venue id, Unix seconds, key id), the signature ECDSA P-256 / SHA-256 (IEEE P1363) over "FV1." + payload,
/// by the same keys as health codes (ADR 0025). Its own prefix keeps a venue code from ever passing as a person's code.
/// The token is URL-safe as it stands, so the poster's QR is simply the scan page's address with the token in it (ADR 0038).
/// </summary>
public static class SignedVenueCode
{
    public const string Prefix = "FV1";
    public const int MaxLength = 400;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static string Sign(VenueCodePayload payload, ECDsa privateKey)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Wire(payload.VenueId, ToUnix(payload.IssuedAtUtc), ToUnix(payload.ExpiresAtUtc), payload.KeyId));
        var body = Prefix + "." + Base64Url.EncodeToString(json);
        var sig = privateKey.SignData(Encoding.ASCII.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return body + "." + Base64Url.EncodeToString(sig);
    }

    /// <summary>The key id a token names, unverified (to decide whether to re-read the keys), or null.</summary>
    public static string? KeyIdOf(string? text) => Read(text, out _) is { } wire ? wire.kid : null;

    public static VenueCodeVerification Verify(string? text, Func<string, ECDsa?> publicKeyById, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
            return Fail(CodeVerdict.Malformed, new Message("VenueCodes.Verify.Empty"));
        var wire = Read(text, out var fault);
        if (wire is null) return Fail(CodeVerdict.Malformed, fault!);
        var parts = text.Trim().Split('.');
        byte[] sig;
        try
        {
            sig = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return Fail(CodeVerdict.Malformed, new Message("VenueCodes.Verify.Damaged"));
        }
        var key = publicKeyById(wire.kid);
        if (key is null) return Fail(CodeVerdict.UnknownKey, new Message("VenueCodes.Verify.UnknownKey"));
        if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return Fail(CodeVerdict.BadSignature, new Message("VenueCodes.Verify.BadSignature"));
        var payload = new VenueCodePayload(wire.v, FromUnix(wire.iat), FromUnix(wire.exp), wire.kid);
        if (nowUtc > payload.ExpiresAtUtc + ClockSkew)
            return new VenueCodeVerification(CodeVerdict.Expired, payload, new Message("VenueCodes.Verify.Expired"));
        if (payload.IssuedAtUtc > nowUtc + ClockSkew)
            return new VenueCodeVerification(CodeVerdict.NotYetValid, payload, new Message("VenueCodes.Verify.NotYetValid"));
        return new VenueCodeVerification(CodeVerdict.Valid, payload, new Message("VenueCodes.Verify.Valid"));
    }

    private static Wire? Read(string? text, out Message? fault)
    {
        fault = null;
        var parts = (text ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || parts[1].Length > MaxLength)
        {
            fault = new Message("VenueCodes.Verify.NotOurs");
            return null;
        }
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            fault = new Message("VenueCodes.Verify.Damaged");
            return null;
        }
        if (wire is null || wire.v <= 0 || string.IsNullOrEmpty(wire.kid))
        {
            fault = new Message("VenueCodes.Verify.Damaged");
            return null;
        }
        return wire;
    }

    private static VenueCodeVerification Fail(CodeVerdict v, Message message) => new(v, null, message);
    private static long ToUnix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
    private static DateTime FromUnix(long s) => DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(s, 0, 253402300799)).UtcDateTime;

#pragma warning disable IDE1006, CA1812
    private sealed record Wire(long v, long iat, long exp, string kid);
#pragma warning restore IDE1006, CA1812
}
