using System.Globalization;
using System.Security.Cryptography;
using Fangkong.Core.Common;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;

namespace Fangkong.Core.Tests.Testing;

/// <summary>
/// Testing's words come from its catalogue in the reader's language (ADR 0020). The guard test finds keys written out
/// in the sources; the keys built from an outcome's name are checked here.
/// </summary>
public class TestingTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Every_outcome_a_certificate_or_a_result_names_has_text_in_both_languages()
    {
        var keys = Enum.GetValues<CertificateOutcome>().Select(OutcomeWords.Key).Concat(Enum.GetValues<TubeOutcome>().Select(OutcomeWords.Key));
        Assert.All(keys, k => Assert.True(Messages.Has(Chinese, k) && Messages.Has(English, k), k));
        Assert.Equal("阴性", Messages.Get(Chinese, OutcomeWords.Key(CertificateOutcome.Negative)));
        Assert.Equal("negative", Messages.Get(English, OutcomeWords.Key(TubeOutcome.Negative)));
    }

    [Fact]
    public void A_certificate_verdict_is_worded_in_the_language_of_whoever_reads_it()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var empty = SignedCertificate.Verify("FKC1.e30.AAAA", _ => key);
        var foreign = SignedCertificate.Verify("not a certificate", _ => key);
        Assert.Equal("采样证明不完整", Messages.Get(Chinese, empty.Message));
        Assert.Equal("the certificate is incomplete", Messages.Get(English, empty.Message));
        Assert.Equal("不是防控采样证明", Messages.Get(Chinese, foreign.Message));
        Assert.Equal("not a Fangkong sampling certificate", Messages.Get(English, foreign.Message));
    }

    [Fact]
    public void A_policy_refusal_is_a_message_not_a_sentence()
    {
        var bad = new SamplingPolicy { PoolSize = 7 }.Validate();
        Assert.Equal("poolSize", bad?.Field);
        Assert.Equal("混采比例只能为5、10或20", Messages.Get(Chinese, bad!.Value.Reason));
        Assert.Equal("pool size must be 5, 10 or 20", Messages.Get(English, bad.Value.Reason));
    }

    [Fact]
    public void The_import_limit_reads_as_each_language_writes_numbers()
    {
        Assert.Equal("文件超过200000行，请分批导入", Messages.Get(Chinese, "Testing.ImportTooLong", TubeResults.MaxImportLines));
        Assert.Equal("more than 200,000 lines: split the file", Messages.Get(English, "Testing.ImportTooLong", TubeResults.MaxImportLines));
    }
}
