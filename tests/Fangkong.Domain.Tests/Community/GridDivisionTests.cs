using Fangkong.Domain.Community;

namespace Fangkong.Domain.Tests.Community;

/// <summary>Grids of a few hundred households, ten-household units, as even as the counts allow.</summary>
public sealed class GridDivisionTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(12, new[] { 12 })]
    [InlineData(449, new[] { 449 })]
    [InlineData(450, new[] { 225, 225 })]
    [InlineData(1000, new[] { 334, 333, 333 })]
    [InlineData(2160, new[] { 309, 309, 309, 309, 308, 308, 308 })]
    public void Grids_hold_about_three_hundred_households(int households, int[] sizes) =>
        Assert.Equal(sizes, GridDivision.GridSizes(households));

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(3, new[] { 3 })]
    [InlineData(10, new[] { 10 })]
    [InlineData(14, new[] { 14 })]
    [InlineData(15, new[] { 8, 7 })]
    [InlineData(33, new[] { 11, 11, 11 })]
    public void Units_hold_about_ten_and_no_unit_is_tiny(int households, int[] sizes) =>
        Assert.Equal(sizes, GridDivision.UnitSizes(households));

    [Fact]
    public void Villages_are_the_communities_called_村()
    {
        Assert.True(GridDivision.IsVillage("永安村"));
        Assert.False(GridDivision.IsVillage("福民社区"));
    }

    [Fact]
    public void Only_the_bedridden_and_the_disabled_are_sampled_at_home() =>
        Assert.Equal([SpecialGroup.Bedridden, SpecialGroup.Disabled], SpecialGroups.All.Where(SpecialGroups.SampledAtHome));
}
