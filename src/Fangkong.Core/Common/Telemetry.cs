using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fangkong.Core.Common;

/// <summary>
/// The platform's own metrics and traces for its hot paths (ADR 0048), on the runtime's <see cref="Meter"/> and
/// <see cref="ActivitySource"/>: free when nothing listens, exported by OpenTelemetry when an operator configures an exporter.
/// Durations in seconds, as OpenTelemetry's conventions ask.
/// </summary>
public static class Telemetry
{
    public const string Name = "Fangkong";
    public static readonly Meter Meter = new(Name);
    public static readonly ActivitySource Traces = new(Name);

    public static readonly Histogram<int> GateGroupSize = Meter.CreateHistogram<int>("fangkong.gate.group.size", "{request}", "Gate requests committed in one group");
    public static readonly Histogram<double> GateCommit = Meter.CreateHistogram<double>("fangkong.gate.commit.duration", "s", "Time to commit one gate group");
    public static readonly Histogram<int> SamplingGroupSize = Meter.CreateHistogram<int>("fangkong.sampling.group.size", "{request}", "Sampler scans committed in one group");
    public static readonly Histogram<double> SamplingCommit = Meter.CreateHistogram<double>("fangkong.sampling.commit.duration", "s", "Time to commit one sampling group");
    public static readonly Histogram<double> ContactSearch = Meter.CreateHistogram<double>("fangkong.contacts.search.duration", "s", "Time of one contact search");
    public static readonly Histogram<double> ExportJob = Meter.CreateHistogram<double>("fangkong.exports.job.duration", "s", "Time of one export job, by outcome");
    public static readonly Counter<long> Shed = Meter.CreateCounter<long>("fangkong.requests.shed", "{request}", "API requests refused with 429 by the concurrency limiter, by pool");

    /// <summary>Records a group commit's size and time on the given instruments, with one span around it.</summary>
    public static T Group<T>(string span, Histogram<int> size, Histogram<double> duration, int count, Func<T> commit)
    {
        using var activity = Traces.StartActivity(span);
        activity?.SetTag("fangkong.group.size", count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return commit();
        }
        finally
        {
            size.Record(count);
            duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
