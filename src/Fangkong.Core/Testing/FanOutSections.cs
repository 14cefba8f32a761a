using System.Diagnostics;

namespace Fangkong.Core.Testing;

/// <summary>
/// Named sections of a lab import and its fan-out as activities, so a profiler or the benchmark can say where the time
/// goes (docs/performance.md); without a listener a section costs one null check.
/// </summary>
public static class FanOutSections
{
    public const string SourceName = "Fangkong.Testing.FanOut";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name) => Source.StartActivity(name);
}
