using System.Security.Cryptography;
using Fangkong.Domain.Testing;

namespace Fangkong.Domain.Tests.Testing;

public class FanOutAndBarcodeTests
{
    [Theory]
    [InlineData(TubeOutcome.Negative, 10, PersonOutcome.Negative)]
    [InlineData(TubeOutcome.Negative, 1, PersonOutcome.Negative)]
    [InlineData(TubeOutcome.Positive, 10, PersonOutcome.PoolPositive)]
    [InlineData(TubeOutcome.Positive, 2, PersonOutcome.PoolPositive)]
    [InlineData(TubeOutcome.Positive, 1, PersonOutcome.Positive)]
    public void A_tube_result_means_this_for_each_member(TubeOutcome tube, int members, PersonOutcome expected) =>
        Assert.Equal(expected, FanOut.ForMembers(tube, members));

    [Fact]
    public void An_empty_tube_has_no_members_to_fan_out_to() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FanOut.ForMembers(TubeOutcome.Positive, 0));

    [Theory]
    [InlineData(TubeKind.Pool, 10, 10)]
    [InlineData(TubeKind.Pool, 20, 20)]
    [InlineData(TubeKind.OnePerson, 10, 1)]
    [InlineData(TubeKind.Resample, 10, 1)]
    public void A_tube_closes_by_itself_at_its_capacity(TubeKind kind, int poolSize, int capacity) =>
        Assert.Equal(capacity, FanOut.Capacity(kind, new SamplingPolicy { PoolSize = poolSize }));

    [Theory]
    [InlineData(7, "poolSize")]
    [InlineData(1, "poolSize")]
    public void Only_approved_pool_sizes_make_a_policy(int size, string field) =>
        Assert.Equal(field, new SamplingPolicy { PoolSize = size }.Validate()?.Field);

    [Fact]
    public void A_positive_pool_never_turns_green_by_policy() =>
        Assert.Equal("positivePoolColour", new SamplingPolicy { PositivePoolColour = Fangkong.Domain.Codes.CodeColour.Green }.Validate()?.Field);

    [Fact]
    public void Barcodes_round_trip_and_every_single_digit_misread_is_caught()
    {
        var code = Barcodes.Tube(1234567890);
        Assert.Equal("T12345678903", code);
        Assert.True(Barcodes.IsTube(code));
        Assert.True(Barcodes.IsTube(" t12345678903 "));
        Assert.False(Barcodes.IsBox(code));
        for (var i = 1; i < code.Length; i++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == code[i]) continue;
                var misread = code[..i] + d + code[(i + 1)..];
                Assert.False(Barcodes.IsTube(misread), misread);
            }
        Assert.True(Barcodes.IsBox(Barcodes.Box(42)));
        Assert.False(Barcodes.IsTube("T123"));
        Assert.False(Barcodes.IsTube(null));
    }

    [Fact]
    public void Turnaround_quantiles_target_share_and_hour_buckets()
    {
        var hours = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 30 }.Select(h => TimeSpan.FromHours(h - 0.5)).ToList();
        var s = Turnaround.Summarise(hours, TimeSpan.FromHours(24));
        Assert.Equal(10, s.Count);
        Assert.Equal(TimeSpan.FromHours(4.5), s.Median);
        Assert.Equal(TimeSpan.FromHours(8.5), s.P90);
        Assert.Equal(TimeSpan.FromHours(29.5), s.Max);
        Assert.Equal(0.9, s.WithinTargetShare, 6);
        Assert.Equal(1, s.HourBuckets[0]);
        Assert.Equal(1, s.HourBuckets[24]); // the open-ended last bucket
        Assert.Null(Turnaround.Summarise([], TimeSpan.FromHours(24)).Median);
    }

    [Fact]
    public void Prevalence_estimated_from_pools_inverts_the_pool_negative_probability()
    {
        // At 1 % prevalence a pool of 10 is positive with probability 1 − 0.99^10 ≈ 9.56 %.
        var share = 1 - Math.Pow(0.99, 10);
        Assert.Equal(0.01, Turnaround.PrevalenceFromPools((int)Math.Round(share * 100_000), 100_000, 10), 4);
        Assert.Equal(0, Turnaround.PrevalenceFromPools(0, 0, 10));
    }

    [Fact]
    public void A_certificate_verifies_with_the_platform_key_and_not_when_altered_or_signed_elsewhere()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var at = new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc);
        var proof = SignedCertificate.Sign(new CertificatePayload(77, 5, "tok", at, "k1"), key);
        var ok = SignedCertificate.Verify(proof, kid => kid == "k1" ? key : null);
        Assert.True(ok.IsValid);
        Assert.Equal((77L, 5L, "tok", at), (ok.Payload!.SampleId, ok.Payload.RoundId, ok.Payload.Token, ok.Payload.SampledAtUtc));
        Assert.False(SignedCertificate.Verify(proof, _ => other).IsValid);
        Assert.False(SignedCertificate.Verify(proof.Replace(".", ".x", StringComparison.Ordinal), _ => key).IsValid);
        Assert.False(SignedCertificate.Verify("FK1.a.b", _ => key).IsValid);
    }
}
