using Fangkong.Domain.Testing;

namespace Fangkong.Domain.Tests.Testing;

public class PoolingTests
{
    [Theory]
    [InlineData(0.001, 0.110)]
    [InlineData(0.01, 0.196)]
    [InlineData(0.05, 0.501)]
    public void Dorfman_figures_for_pools_of_ten_match_the_reference(double prevalence, double expected) =>
        Assert.Equal(expected, Pooling.DorfmanTestsPerPerson(prevalence, 10), 3);

    [Fact]
    public void Single_tubes_cost_one_test_each() => Assert.Equal(1, Pooling.DorfmanTestsPerPerson(0.02, 1));

    [Fact]
    public void At_zero_prevalence_a_pool_costs_one_test_per_pool() => Assert.Equal(0.05, Pooling.DorfmanTestsPerPerson(0, 20), 6);

    [Theory]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(20, true)]
    [InlineData(1, true)]
    [InlineData(8, false)]
    [InlineData(30, false)]
    public void Only_approved_pool_sizes_are_allowed(int size, bool allowed) => Assert.Equal(allowed, Pooling.IsAllowed(size));

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]
    [InlineData(95, 20, 5)]
    public void Tubes_round_up(int persons, int size, int tubes) => Assert.Equal(tubes, Pooling.TubesFor(persons, size));
}
