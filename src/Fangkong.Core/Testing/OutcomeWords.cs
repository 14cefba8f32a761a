using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>The catalogue key of an outcome's word ("Testing.Outcome.Negative"): certificates, results and the printout share them.</summary>
internal static class OutcomeWords
{
    public static string Key(CertificateOutcome outcome) => "Testing.Outcome." + outcome;

    public static string Key(TubeOutcome outcome) => "Testing.Outcome." + outcome;
}
