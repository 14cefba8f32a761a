namespace Fangkong.Web.Tests.Architecture;

/// <summary>Pages and endpoints read through Core's use cases, never a table of their own (ADR 0019).</summary>
public sealed class ReadsThroughCoreTests
{
    [Fact]
    public void No_page_or_endpoint_reads_a_table()
    {
        var reads = TableReads.In(typeof(Program).Assembly.Location, "Fangkong.Web.Components", "Fangkong.Web.Api");
        Assert.True(reads.Count == 0, "Read these through a Core use case instead:\n" + string.Join("\n", reads));
    }

    [Fact]
    public void The_guard_sees_a_page_that_queries_a_table()
    {
        var reads = TableReads.In(typeof(ReadsThroughCoreTests).Assembly.Location, typeof(Fixture.PageWithAQuery).Namespace!);
        Assert.Contains(reads, r => r.Contains(nameof(Fixture.PageWithAQuery), StringComparison.Ordinal) && r.Contains("get_Persons", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains(nameof(Fixture.PageWithAQuery), StringComparison.Ordinal) && r.Contains("Set", StringComparison.Ordinal));
        Assert.DoesNotContain(reads, r => r.Contains(nameof(Fixture.PageThroughCore), StringComparison.Ordinal));
    }
}
