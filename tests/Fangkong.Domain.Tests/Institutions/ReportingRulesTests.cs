using Fangkong.Domain.Institutions;

namespace Fangkong.Domain.Tests.Institutions;

/// <summary>The daily report's fever threshold, deadline and rates (issue 23's unit proofs).</summary>
public sealed class ReportingRulesTests
{
    private static readonly InstitutionPolicy Policy = new();
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Theory]
    [InlineData(36.5, ReadingKind.Normal)]
    [InlineData(37.2, ReadingKind.Normal)]
    [InlineData(37.3, ReadingKind.Fever)]
    [InlineData(39.0, ReadingKind.Fever)]
    [InlineData(33.9, ReadingKind.Implausible)]
    [InlineData(43.1, ReadingKind.Implausible)]
    public void A_reading_is_a_fever_from_the_gates_threshold(double celsius, ReadingKind expected) =>
        Assert.Equal(expected, ReportingRules.Read((decimal)celsius, Policy));

    [Fact]
    public void Todays_report_is_missing_only_from_the_deadline()
    {
        Assert.False(ReportingRules.IsMissing(Day, Day.ToDateTime(new TimeOnly(9, 59)), Policy));
        Assert.True(ReportingRules.IsMissing(Day, Day.ToDateTime(new TimeOnly(10, 0)), Policy));
        Assert.True(ReportingRules.IsMissing(Day.AddDays(-1), Day.ToDateTime(new TimeOnly(6, 0)), Policy));
        Assert.False(ReportingRules.IsMissing(Day.AddDays(1), Day.ToDateTime(new TimeOnly(23, 0)), Policy));
    }

    [Fact]
    public void The_deadline_follows_the_policy()
    {
        var late = Policy with { ReportDeadline = new TimeOnly(12, 0) };
        Assert.False(ReportingRules.IsMissing(Day, Day.ToDateTime(new TimeOnly(11, 0)), late));
        Assert.Equal(Day.ToDateTime(new TimeOnly(12, 0)), ReportingRules.DeadlineOf(Day, late));
    }

    [Fact]
    public void Rates_are_percent_to_one_decimal()
    {
        Assert.Equal(57.1m, ReportingRules.Rate(8, 14));
        Assert.Equal(77m, ReportingRules.Rate(77, 100));
        Assert.Equal(100m, ReportingRules.Rate(28, 28));
        Assert.Equal(100m, ReportingRules.Rate(0, 0));
        Assert.Equal(0m, ReportingRules.Rate(0, 5));
    }
}
