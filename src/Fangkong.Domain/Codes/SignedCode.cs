using System.Security.Cryptography;
using Fangkong.Domain.Common;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Codes;

/// <summary>The content of a health-code QR: a person token (never the ID number), colour, issue and expiry times.</summary>
public sealed record CodePayload(string Token, CodeColour Colour, DateTime IssuedAtUtc, DateTime ExpiresAtUtc, string KeyId);

public enum CodeVerdict { Valid, Malformed, BadSignature, Expired, NotYetValid, UnknownKey }

/// <summary>A scanned code's verdict, its payload when it could be read, and the sentence that tells a person why.</summary>
public sealed record CodeVerification(CodeVerdict Verdict, CodePayload? Payload, Message Message)
{
    public bool IsValid => Verdict == CodeVerdict.Valid;
}

/// <summary>
/// Compact signed QR format: <c>FK1.&lt;payload&gt;.&lt;signature&gt;</c>, both base64url; the payload is UTF-8 JSON
/// {t,c,iat,exp,kid} with Unix seconds, the signature ECDSA P-256 / SHA-256 in IEEE P1363 form over "FK1." + payload.
/// Gates verify offline with the published public key.
/// </summary>
public static class SignedCode
{
    public const string Prefix = "FK1";
    private const int MaxLength = 512;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static string Sign(CodePayload payload, ECDsa privateKey) =>
        SignedToken.Sign(Prefix, new Wire(payload.Token, ColourLetter(payload.Colour), ToUnix(payload.IssuedAtUtc), ToUnix(payload.ExpiresAtUtc), payload.KeyId), privateKey);

    public static CodeVerification Verify(string? text, Func<string, ECDsa?> publicKeyById, DateTime nowUtc)
    {
        var opened = SignedToken.Open<Wire>(text, Prefix, MaxLength);
        switch (opened.Opening)
        {
            case TokenOpening.Empty: return Fail(CodeVerdict.Malformed, new Message("Codes.Verify.Empty"));
            case TokenOpening.NotOurs: return Fail(CodeVerdict.Malformed, new Message("Codes.Verify.NotOurs"));
            case TokenOpening.Damaged: return Fail(CodeVerdict.Malformed, new Message("Codes.Verify.Damaged"));
        }
        var wire = opened.Wire;
        if (wire is null || string.IsNullOrEmpty(wire.t) || string.IsNullOrEmpty(wire.kid) || ParseColour(wire.c) is not { } colour)
            return Fail(CodeVerdict.Malformed, new Message("Codes.Verify.Incomplete"));
        var key = publicKeyById(wire.kid);
        if (key is null)
            return Fail(CodeVerdict.UnknownKey, new Message("Codes.Verify.UnknownKey"));
        if (!opened.SignedBy(key))
            return Fail(CodeVerdict.BadSignature, new Message("Codes.Verify.BadSignature"));
        var payload = new CodePayload(wire.t, colour, FromUnix(wire.iat), FromUnix(wire.exp), wire.kid);
        if (nowUtc > payload.ExpiresAtUtc + ClockSkew)
            return new CodeVerification(CodeVerdict.Expired, payload, new Message("Codes.Verify.Expired"));
        if (payload.IssuedAtUtc > nowUtc + ClockSkew)
            return new CodeVerification(CodeVerdict.NotYetValid, payload, new Message("Codes.Verify.NotYetValid"));
        return new CodeVerification(CodeVerdict.Valid, payload, new Message("Codes.Verify.Valid"));
    }

    private static CodeVerification Fail(CodeVerdict v, Message message) => new(v, null, message);

    private static string ColourLetter(CodeColour c) => c switch { CodeColour.Green => "G", CodeColour.Yellow => "Y", _ => "R" };
    private static CodeColour? ParseColour(string? s) => s switch { "G" => CodeColour.Green, "Y" => CodeColour.Yellow, "R" => CodeColour.Red, _ => null };
    private static long ToUnix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
    private static DateTime FromUnix(long s) => DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(s, 0, 253402300799)).UtcDateTime;

    // Short field names keep the QR small (lower version, easier to scan).
#pragma warning disable IDE1006, CA1812
    private sealed record Wire(string t, string c, long iat, long exp, string kid);
#pragma warning restore IDE1006, CA1812
}
