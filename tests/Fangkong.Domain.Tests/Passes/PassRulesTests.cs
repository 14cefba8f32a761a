using System.Security.Cryptography;
using Fangkong.Domain.Passes;

namespace Fangkong.Domain.Tests.Passes;

/// <summary>A pass's signature, validity days, revocation and vehicle, checked offline as a checkpoint does.</summary>
public sealed class PassRulesTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly DateOnly From = new(2026, 11, 20), To = new(2026, 11, 30);

    private static PassPayload Freight(long id = 7) => new(id, PassKind.Freight, "李*", "吉D·12345", "长春—辽源", From, To, "k1");

    private PassVerification Read(string qr) => SignedPass.Read(qr, id => id == "k1" ? _key : null);

    [Fact]
    public void A_genuine_pass_within_its_days_is_valid()
    {
        var read = Read(SignedPass.Sign(Freight(), _key));
        var checkedPass = PassRules.Check(read, new DateOnly(2026, 11, 25), new HashSet<long>(), "吉D12345");
        Assert.Equal(PassVerdict.Valid, checkedPass.Verdict);
        Assert.Equal(7, checkedPass.Payload!.PassId);
        Assert.Equal("长春—辽源", checkedPass.Payload.Route);
    }

    [Theory]
    [InlineData(2026, 11, 19, PassVerdict.NotYetValid)]
    [InlineData(2026, 11, 20, PassVerdict.Valid)]
    [InlineData(2026, 11, 30, PassVerdict.Valid)]
    [InlineData(2026, 12, 1, PassVerdict.Expired)]
    public void Validity_counts_whole_city_days(int y, int m, int d, PassVerdict expected) =>
        Assert.Equal(expected, PassRules.Check(Read(SignedPass.Sign(Freight(), _key)), new DateOnly(y, m, d), new HashSet<long>()).Verdict);

    [Fact]
    public void A_revoked_pass_is_refused_even_with_a_genuine_signature_and_within_its_days()
    {
        var read = Read(SignedPass.Sign(Freight(8), _key));
        Assert.Equal(PassVerdict.Revoked, PassRules.Check(read, From, new HashSet<long> { 8 }).Verdict);
        Assert.Equal(PassVerdict.Valid, PassRules.Check(read, From, new HashSet<long> { 9 }).Verdict);
    }

    [Fact]
    public void A_freight_pass_holds_only_for_its_own_vehicle()
    {
        var read = Read(SignedPass.Sign(Freight(), _key));
        Assert.Equal(PassVerdict.WrongVehicle, PassRules.Check(read, From, new HashSet<long>(), "吉A99999").Verdict);
        Assert.Equal(PassVerdict.Valid, PassRules.Check(read, From, new HashSet<long>(), " 吉d-12345 ").Verdict);
    }

    [Fact]
    public void A_pass_signed_by_another_key_or_altered_is_refused()
    {
        Assert.Equal(PassVerdict.BadSignature, Read(SignedPass.Sign(Freight(), _other)).Verdict);
        var qr = SignedPass.Sign(Freight(), _key);
        var parts = qr.Split('.');
        var forged = SignedPass.Sign(Freight() with { ValidTo = new DateOnly(2027, 6, 1) }, _other).Split('.')[1];
        Assert.Equal(PassVerdict.BadSignature, Read($"{parts[0]}.{forged}.{parts[2]}").Verdict);
        Assert.Equal(PassVerdict.UnknownKey, SignedPass.Read(qr, _ => null).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FK1.abc.def")]
    [InlineData("FKP1.!!!.???")]
    [InlineData("FKP1.e30.AAAA")]
    public void Anything_else_is_malformed(string text) => Assert.Equal(PassVerdict.Malformed, Read(text).Verdict);

    [Fact]
    public void A_span_is_sensible_only_forwards_and_within_the_limit()
    {
        Assert.True(PassRules.ValidSpan(From, From, 90));
        Assert.False(PassRules.ValidSpan(To, From, 90));
        Assert.False(PassRules.ValidSpan(From, From.AddDays(90), 90));
    }

    public void Dispose()
    {
        _key.Dispose();
        _other.Dispose();
    }
}
