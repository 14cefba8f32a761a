using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>A nucleic-acid test result for one person (the testing issue adds tubes and rounds behind it).</summary>
public sealed class TestResult
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public DateTime SampledAtUtc { get; set; }
    public DateTime ResultAtUtc { get; set; }
    public TestOutcome Outcome { get; set; }
    public required string Source { get; set; }
}
