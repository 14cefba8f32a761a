using Fangkong.Core.Quarantine;
using Fangkong.Web.Components.Pages.Quarantine;

namespace Fangkong.Web.Tests.Pages.Quarantine;

/// <summary>The add-site form's room lines: runs expand, each room keeps its line, a line that cannot be read is named.</summary>
public sealed class RoomLinesTests
{
    [Fact]
    public void Runs_expand_with_their_padding_and_every_room_keeps_its_line_of_a_posted_textarea()
    {
        var r = RoomLines.Parse("0108-0110\r\n\r\n301 3\r\nA-12，2\r\n");
        Assert.Null(r.BadLine);
        Assert.Equal(["0108", "0109", "0110", "301", "A-12"], r.Rooms.Select(x => x.Number));
        Assert.Equal([1, 1, 1, 3, 2], r.Rooms.Select(x => x.Beds!.Value));
        Assert.Equal([1, 1, 1, 3, 4], r.LineOf);
    }

    [Theory]
    [InlineData("101 1\n102 two", 2)]
    [InlineData("101 1 2", 1)]
    [InlineData("101\n130-101", 2)]
    public void A_line_that_is_not_room_and_beds_is_named(string text, int line) => Assert.Equal(line, RoomLines.Parse(text).BadLine);

    [Fact]
    public void A_mistyped_huge_run_stops_just_past_the_limit_the_Core_refuses() =>
        Assert.Equal(QuarantineSites.MaxRooms + 1, RoomLines.Parse("1-99999999").Rooms.Count);
}
