using System.Globalization;

namespace Fangkong.Bench.Gate;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
internal sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Duration, double[] LatenciesMs)
{
    public double PerSecond => Requests / Duration.TotalSeconds;
    public double P(double q) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(q * LatenciesMs.Length))];

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name,-24} | {PerSecond,9:N0} | {P(0.50),7:F2} | {P(0.90),7:F2} | {P(0.99),7:F2} | {Errors,6} |");

    public const string Header = "| endpoint                 |   req/s   | p50 ms  | p90 ms  | p99 ms  | errors |\n|--------------------------|-----------|---------|---------|---------|--------|";
}
