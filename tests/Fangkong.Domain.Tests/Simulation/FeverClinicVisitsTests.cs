using Fangkong.Domain.Simulation;

namespace Fangkong.Domain.Tests.Simulation;

public sealed class FeverClinicVisitsTests
{
    [Theory]
    [InlineData(2_000, 0.5)]
    [InlineData(100_000, 5)]
    [InlineData(1_000_000, 50)]
    public void A_city_has_one_suspected_case_a_day_per_20000_residents_and_at_least_one_every_other_day(int residents, double expected) =>
        Assert.Equal(expected, FeverClinicVisits.SuspectedPerDay(residents));

    [Theory]
    [InlineData(0.5)]
    [InlineData(5)]
    [InlineData(50)]
    public void Draws_average_their_mean_with_a_poisson_spread(double mean)
    {
        var rng = new Random(3);
        var draws = Enumerable.Range(0, 20_000).Select(_ => FeverClinicVisits.Draw(mean, rng.NextDouble)).ToList();
        var average = draws.Average();
        var variance = draws.Sum(d => (d - average) * (d - average)) / draws.Count;
        Assert.InRange(average, mean * 0.95, mean * 1.05);
        Assert.InRange(variance, mean * 0.9, mean * 1.1);
        Assert.All(draws, d => Assert.True(d >= 0));
    }

    [Fact]
    public void A_mean_of_zero_draws_nobody() => Assert.Equal(0, FeverClinicVisits.Draw(0, new Random(1).NextDouble));
}
