using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Fangkong.Domain.Codes;
using Fangkong.Domain.VenueCodes;

namespace Fangkong.Domain.Tests.VenueCodes;

/// <summary>A venue code's signature and expiry (issue 21, ADR 0038): what a phone's scan is checked against before any write.</summary>
public sealed class SignedVenueCodeTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private string Sign(long venueId = 42, DateTime? issued = null, ECDsa? key = null) =>
        SignedVenueCode.Sign(new VenueCodePayload(venueId, issued ?? Now, (issued ?? Now).AddDays(30), "k1"), key ?? _key);

    private VenueCodeVerification Verify(string? text, DateTime? at = null) => SignedVenueCode.Verify(text, kid => kid == "k1" ? _key : null, at ?? Now);

    [Fact]
    public void A_signed_venue_code_verifies_and_names_its_venue_key_and_expiry()
    {
        var token = Sign();
        var v = Verify(token);
        Assert.Equal(CodeVerdict.Valid, v.Verdict);
        Assert.Equal((42L, "k1", Now.AddDays(30)), (v.Payload!.VenueId, v.Payload.KeyId, v.Payload.ExpiresAtUtc));
        // The token goes into the scan page's address as it is: nothing in it needs escaping.
        Assert.Equal(token, Uri.EscapeDataString(token));
        Assert.True(token.Length < 200, $"{token.Length} characters: a denser QR is harder to scan from a poster");
    }

    [Fact]
    public void It_scans_until_its_expiry_and_not_after() =>
        Assert.Equal((CodeVerdict.Valid, CodeVerdict.Expired),
            (Verify(Sign(), Now.AddDays(30)).Verdict, Verify(Sign(), Now.AddDays(30).AddMinutes(1)).Verdict));

    [Fact]
    public void A_code_signed_in_the_future_is_not_yet_valid() =>
        Assert.Equal(CodeVerdict.NotYetValid, Verify(Sign(issued: Now.AddHours(1))).Verdict);

    [Fact]
    public void Changing_the_venue_breaks_the_signature()
    {
        var parts = Sign(venueId: 42).Split('.');
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"v\":42", "\"v\":43", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json))}.{parts[2]}";
        Assert.Equal(CodeVerdict.BadSignature, Verify(tampered).Verdict);
    }

    [Fact]
    public void Another_key_or_an_unknown_key_is_refused()
    {
        Assert.Equal(CodeVerdict.BadSignature, Verify(Sign(key: _other)).Verdict);
        Assert.Equal(CodeVerdict.UnknownKey, SignedVenueCode.Verify(Sign(), _ => null, Now).Verdict);
    }

    [Fact]
    public void A_health_code_is_not_a_venue_code_nor_the_reverse()
    {
        var health = SignedCode.Sign(new CodePayload("tok-abc", CodeColour.Green, Now, Now.AddMinutes(3), "k1"), _key);
        Assert.Equal(CodeVerdict.Malformed, Verify(health).Verdict);
        Assert.Equal(CodeVerdict.Malformed, SignedCode.Verify(Sign(), kid => _key, Now).Verdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("FV1")]
    [InlineData("FV1.%%%.x")]
    [InlineData("FV1.e30.AAAA")]
    public void Garbage_is_malformed(string? text) => Assert.Equal(CodeVerdict.Malformed, Verify(text).Verdict);

    public void Dispose()
    {
        _key.Dispose();
        _other.Dispose();
    }
}
