using Fangkong.Domain.Text;

namespace Fangkong.Domain.Tests.Text;

/// <summary>Names from CJK Extensions B to G: each rare character is one text element though two UTF-16 units.</summary>
public class TextElementsTests
{
    public static readonly TheoryData<string, int> Names = new()
    {
        { "张𬌗", 2 },
        { "𠀀𪜀𫝀𫠠𬺰𰀀", 6 }, // Extensions B, C, D, E, F, G
        { "葛\U000E0100西", 2 }, // a variation sequence is one element
        { "买买提·艾力", 6 },
        { "", 0 },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Counts_and_splits_by_text_element(string text, int count)
    {
        Assert.Equal(count, TextElements.Count(text));
        var parts = TextElements.Split(text);
        Assert.Equal(count, parts.Count);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Shortening_never_splits_a_rare_character()
    {
        Assert.Equal("𠀀𪜀…", TextElements.Shorten("𠀀𪜀𫝀𫠠𬺰𰀀", 3));
        Assert.Equal("𠀀𪜀𫝀", TextElements.Shorten("𠀀𪜀𫝀", 3));
        Assert.Equal("第一人民医院…", TextElements.Shorten("第一人民医院𬌗区分院", 7));
    }
}
