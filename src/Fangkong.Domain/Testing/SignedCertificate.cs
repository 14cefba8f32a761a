using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Testing;

/// <summary>What a sampling certificate's QR proves: this sample, of this person (by token), in this round, at this time.</summary>
public sealed record CertificatePayload(long SampleId, long RoundId, string Token, DateTime SampledAtUtc, string KeyId);

/// <summary>The verdict on a certificate; <see cref="Message"/> says why, worded by Core for the reader.</summary>
public sealed record CertificateVerification(bool IsValid, CertificatePayload? Payload, Message Message);

/// <summary>
/// Signed sampling certificate (采样证明): <c>FKC1.&lt;payload&gt;.&lt;signature&gt;</c>, base64url JSON {s,r,t,at,kid} signed
/// with the platform's ECDSA P-256 key (the health-code key). It does not expire: it proves a past swab. Anyone can
/// verify it with the published public key; the platform's verify page also shows the result if it is out.
/// </summary>
public static class SignedCertificate
{
    public const string Prefix = "FKC1";

    public static string Sign(CertificatePayload p, ECDsa key)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Wire(p.SampleId, p.RoundId, p.Token, new DateTimeOffset(p.SampledAtUtc).ToUnixTimeSeconds(), p.KeyId));
        var body = Prefix + "." + Base64Url.EncodeToString(json);
        return body + "." + Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public static CertificateVerification Verify(string? text, Func<string, ECDsa?> keys)
    {
        var parts = (text ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || text!.Length > 600) return new(false, null, new Message("Testing.CertificateForeign"));
        Wire? w;
        byte[] sig;
        try
        {
            w = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(parts[1]));
            sig = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new(false, null, new Message("Testing.CertificateDamaged"));
        }
        if (w is null || string.IsNullOrEmpty(w.t) || string.IsNullOrEmpty(w.kid)) return new(false, null, new Message("Testing.CertificateIncomplete"));
        var key = keys(w.kid);
        if (key is null) return new(false, null, new Message("Testing.CertificateUnknownKey"));
        if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return new(false, null, new Message("Testing.CertificateForged"));
        var at = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(w.at, 0, 253402300799)).UtcDateTime;
        return new(true, new CertificatePayload(w.s, w.r, w.t, at, w.kid), new Message("Testing.CertificateGenuine"));
    }

#pragma warning disable IDE1006, CA1812
    private sealed record Wire(long s, long r, string t, long at, string kid);
#pragma warning restore IDE1006, CA1812
}
