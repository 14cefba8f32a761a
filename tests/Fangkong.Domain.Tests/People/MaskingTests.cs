using System.Globalization;
using Fangkong.Domain.People;

namespace Fangkong.Domain.Tests.People;

public class MaskingTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小明", "张*明")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    public void Names_keep_only_the_first_and_last_character(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    /// <summary>
    /// Rare characters (生僻字) from CJK Extensions B to G lie outside the BMP, so each is two UTF-16 units; a name is
    /// masked by its characters (text elements), never by code units, or a surrogate pair is split into U+FFFD.
    /// </summary>
    [Theory]
    [InlineData("张𬌗", "张*")] // U+2C317, Extension E
    [InlineData("𠀀", "*")] // U+20000, Extension B
    [InlineData("𪜀明", "𪜀*")] // U+2A700, Extension C
    [InlineData("王𫝀明", "王*明")] // U+2B740, Extension D
    [InlineData("李小明𫠠", "李**𫠠")] // U+2B820, Extension E
    [InlineData("𬺰𰀀𠀀", "𬺰*𠀀")] // U+2CEB0 Extension F, U+30000 Extension G
    [InlineData("葛\U000E0100西", "葛\U000E0100*")] // an ideographic variation sequence stays with its base character
    public void Names_with_rare_characters_are_masked_by_character_not_by_code_unit(string name, string masked)
    {
        var result = Masking.Name(name);
        Assert.Equal(masked, result);
        Assert.DoesNotContain('\uFFFD', result);
        Assert.True(WellFormed(result), $"a surrogate pair was split in '{result}'");
        Assert.Equal(new StringInfo(name).LengthInTextElements, new StringInfo(result).LengthInTextElements);
    }

    private static bool WellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    [Fact]
    public void Id_numbers_keep_the_region_and_the_last_four() =>
        Assert.Equal("220402********1234", Masking.DocumentNumber("220402198505121234"));

    [Fact]
    public void Phones_keep_the_prefix_and_the_last_four() => Assert.Equal("138****0001", Masking.Phone("13800000001"));
}
