using System.Security.Cryptography;
using Fangkong.Domain.Common;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Passes;

/// <summary>
/// What a pass's QR carries: the pass, its kind, the holder's masked name, the vehicle's plate (freight), a short route,
/// the first and last day it is valid (city days), and the key that signed it. Never the ID number.
/// </summary>
public sealed record PassPayload(long PassId, PassKind Kind, string Holder, string? Plate, string Route, DateOnly ValidFrom, DateOnly ValidTo, string KeyId);

/// <summary>A pass's QR read and checked: the verdict, the payload when it could be read, and the sentence that says why.</summary>
public sealed record PassVerification(PassVerdict Verdict, PassPayload? Payload, Message Message)
{
    public bool IsValid => Verdict == PassVerdict.Valid;
}

/// <summary>
/// The pass QR: <c>FKP1.&lt;payload&gt;.&lt;signature&gt;</c>, base64url JSON {p,k,h,v,r,f,u,kid} with days as day
/// numbers, signed like the health code (ECDSA P-256 / SHA-256, IEEE P1363, over "FKP1." + payload) with the platform's
/// rotating key (ADR 0025, ADR 0041). A checkpoint verifies it offline with the published public keys and the revocation
/// list it last fetched (<see cref="PassRules.Check"/>).
/// </summary>
public static class SignedPass
{
    public const string Prefix = "FKP1";
    private const int MaxLength = 700;

    public static string Sign(PassPayload p, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(p);
        return SignedToken.Sign(Prefix, new Wire(p.PassId, (int)p.Kind, p.Holder, p.Plate, p.Route, p.ValidFrom.DayNumber, p.ValidTo.DayNumber, p.KeyId), privateKey);
    }

    /// <summary>Reads the QR and checks its signature only (validity days and revocation are <see cref="PassRules.Check"/>'s).</summary>
    public static PassVerification Read(string? text, Func<string, ECDsa?> publicKeyById)
    {
        ArgumentNullException.ThrowIfNull(publicKeyById);
        var opened = SignedToken.Open<Wire>(text, Prefix, MaxLength);
        switch (opened.Opening)
        {
            case TokenOpening.Empty: return Fail(PassVerdict.Malformed, "Passes.Verify.Empty");
            case TokenOpening.NotOurs: return Fail(PassVerdict.Malformed, "Passes.Verify.NotOurs");
            case TokenOpening.Damaged: return Fail(PassVerdict.Malformed, "Passes.Verify.Damaged");
        }
        var w = opened.Wire;
        if (w is null || string.IsNullOrEmpty(w.kid) || string.IsNullOrEmpty(w.h) || w.r is null || !Enum.IsDefined((PassKind)w.k)
            || w.f < DateOnly.MinValue.DayNumber || w.u > DateOnly.MaxValue.DayNumber || w.f > w.u)
            return Fail(PassVerdict.Malformed, "Passes.Verify.Incomplete");
        var key = publicKeyById(w.kid);
        if (key is null) return Fail(PassVerdict.UnknownKey, "Passes.Verify.UnknownKey");
        if (!opened.SignedBy(key)) return Fail(PassVerdict.BadSignature, "Passes.Verify.BadSignature");
        var payload = new PassPayload(w.p, (PassKind)w.k, w.h, w.v, w.r, DateOnly.FromDayNumber(w.f), DateOnly.FromDayNumber(w.u), w.kid);
        return new PassVerification(PassVerdict.Valid, payload, new Message("Passes.Verify.Valid"));
    }

    private static PassVerification Fail(PassVerdict v, string key) => new(v, null, new Message(key));

    // Short field names keep the QR small.
#pragma warning disable IDE1006, CA1812
    private sealed record Wire(long p, int k, string h, string? v, string? r, int f, int u, string kid);
#pragma warning restore IDE1006, CA1812
}
