using Fangkong.Core.People;

namespace Fangkong.Core.Tests.People;

public class NameRangeTests
{
    [Theory]
    [InlineData("张", "弡")] // U+5F20 → U+5F21
    [InlineData("张𬌗", "张𬌘")] // the last code point, not the last code unit
    [InlineData("\uD7FF", "\uE000")] // the surrogate range holds no code points
    [InlineData("a\U0010FFFF", "b")]
    public void The_bound_raises_the_last_code_point(string prefix, string bound) => Assert.Equal(bound, NameRange.UpperBound(prefix));

    [Fact]
    public void A_prefix_of_only_the_last_code_point_has_no_bound() => Assert.Null(NameRange.UpperBound("\U0010FFFF"));
}
