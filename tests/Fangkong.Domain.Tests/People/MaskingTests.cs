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

    [Fact]
    public void Id_numbers_keep_the_region_and_the_last_four() =>
        Assert.Equal("220402********1234", Masking.DocumentNumber("220402198505121234"));

    [Fact]
    public void Phones_keep_the_prefix_and_the_last_four() => Assert.Equal("138****0001", Masking.Phone("13800000001"));
}
