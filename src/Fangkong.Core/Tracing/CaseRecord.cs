namespace Fangkong.Core.Tracing;

public enum CaseFoundBy { PoolResampling = 1, SingleTube = 2 }

/// <summary>A case found by testing: the minimal record the tracing issue builds on (classification comes with it).</summary>
public sealed class CaseRecord
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public CaseFoundBy FoundBy { get; set; }
    public DateTime FirstPositiveSampledAtUtc { get; set; }
    public DateTime ReportedAtUtc { get; set; }
    public long? RoundId { get; set; }
    public long? TubeId { get; set; }
}
