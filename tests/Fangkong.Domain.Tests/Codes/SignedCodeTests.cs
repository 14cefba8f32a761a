using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Fangkong.Domain.Codes;

namespace Fangkong.Domain.Tests.Codes;

public sealed class SignedCodeTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private string Sign(CodeColour colour = CodeColour.Green, DateTime? issued = null, ECDsa? key = null) =>
        SignedCode.Sign(new CodePayload("tok-abc", colour, issued ?? Now, (issued ?? Now).AddMinutes(3), "k1"), key ?? _key);

    private CodeVerification Verify(string? text, DateTime? at = null) => SignedCode.Verify(text, kid => kid == "k1" ? _key : null, at ?? Now);

    [Fact]
    public void A_signed_code_verifies_and_carries_token_colour_and_times()
    {
        var v = Verify(Sign(CodeColour.Yellow));
        Assert.Equal(CodeVerdict.Valid, v.Verdict);
        Assert.Equal("tok-abc", v.Payload!.Token);
        Assert.Equal(CodeColour.Yellow, v.Payload.Colour);
        Assert.Equal(Now.AddMinutes(3), v.Payload.ExpiresAtUtc);
    }

    [Fact]
    public void An_expired_code_is_refused() => Assert.Equal(CodeVerdict.Expired, Verify(Sign(), Now.AddMinutes(4)).Verdict);

    [Fact]
    public void A_code_from_the_future_is_refused() => Assert.Equal(CodeVerdict.NotYetValid, Verify(Sign(issued: Now.AddMinutes(5))).Verdict);

    [Fact]
    public void Changing_the_colour_breaks_the_signature()
    {
        var parts = Sign(CodeColour.Red).Split('.');
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"c\":\"R\"", "\"c\":\"G\"");
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json))}.{parts[2]}";
        Assert.Equal(CodeVerdict.BadSignature, Verify(tampered).Verdict);
    }

    [Fact]
    public void A_code_signed_with_another_key_is_forged() => Assert.Equal(CodeVerdict.BadSignature, Verify(Sign(key: _other)).Verdict);

    [Fact]
    public void A_flipped_signature_byte_is_forged()
    {
        var parts = Sign().Split('.');
        var sig = Base64Url.DecodeFromChars(parts[2]);
        sig[10] ^= 0x01;
        Assert.Equal(CodeVerdict.BadSignature, Verify($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(sig)}").Verdict);
    }

    [Fact]
    public void An_unknown_key_id_is_refused() =>
        Assert.Equal(CodeVerdict.UnknownKey, SignedCode.Verify(Sign(), _ => null, Now).Verdict);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("FK1.a.b.c")]
    [InlineData("FK2.eyJ0IjoiYSJ9.AAAA")]
    [InlineData("FK1.!!!.???")]
    [InlineData("FK1.e30.AAAA")] // "{}": no token, no colour
    public void Malformed_codes_are_refused(string? text) => Assert.Equal(CodeVerdict.Malformed, Verify(text).Verdict);

    [Fact]
    public void An_oversized_code_is_refused() => Assert.Equal(CodeVerdict.Malformed, Verify("FK1." + new string('A', 5000) + ".x").Verdict);

    public void Dispose()
    {
        _key.Dispose();
        _other.Dispose();
    }
}
