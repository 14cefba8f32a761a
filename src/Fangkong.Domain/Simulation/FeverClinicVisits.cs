namespace Fangkong.Domain.Simulation;

/// <summary>
/// Fever clinic patients who are not infected but whose fever and history make them suspected cases (疑似病例), held in
/// isolation until two negative nucleic-acid tests a day apart exclude them. In a city with an outbreak most suspected
/// cases are excluded; the rate here — one a day per 20,000 residents, at least one every other day — gives a city of a
/// million about 50 a day, the order of what cities reported in 2020 at their peaks.
/// </summary>
public static class FeverClinicVisits
{
    /// <summary>Days from report to exclusion: the second negative test, 24 hours after the first.</summary>
    public const int ExclusionDays = 1;

    /// <summary>Expected suspected cases a day among residents who are not infected.</summary>
    public static double SuspectedPerDay(int residents) => Math.Max(0.5, residents / 20_000.0);

    /// <summary>
    /// A Poisson draw with the given mean from uniform numbers in [0, 1): Knuth's product method for small means, a
    /// rounded normal approximation above 30 (where e^-mean would lose precision and the product take too many draws).
    /// </summary>
    public static int Draw(double mean, Func<double> uniform)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        if (mean > 30)
        {
            // Box–Muller: one standard normal from two uniforms.
            var z = Math.Sqrt(-2 * Math.Log(1 - uniform())) * Math.Cos(2 * Math.PI * uniform());
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * z));
        }
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = uniform(); p > limit; p *= uniform()) k++;
        return k;
    }
}
