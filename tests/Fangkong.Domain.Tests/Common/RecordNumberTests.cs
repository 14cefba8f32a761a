using Fangkong.Domain.Common;

namespace Fangkong.Domain.Tests.Common;

public class RecordNumberTests
{
    [Theory]
    [InlineData(RecordKind.Case, 2026, 42, "C2026-0042")]
    [InlineData(RecordKind.QuarantineStay, 2022, 1, "Q2022-0001")]
    [InlineData(RecordKind.Round, 2022, 123456, "R2022-123456")]
    public void Numbers_are_a_letter_the_year_and_at_least_four_digits(RecordKind kind, int year, int seq, string text)
    {
        Assert.Equal(text, new RecordNumber(kind, year, seq).ToString());
        Assert.True(RecordNumber.TryParse(text, out var back));
        Assert.Equal(new RecordNumber(kind, year, seq), back);
    }

    [Theory]
    [InlineData("c2026-42")]
    [InlineData(" C2026 0042 ")]
    [InlineData("C20260042")]
    [InlineData("Ｃ２０２６－００４２")]
    public void Numbers_are_read_as_people_type_them(string typed)
    {
        Assert.True(RecordNumber.TryParse(typed, out var n));
        Assert.Equal("C2026-0042", n.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("张三")]
    [InlineData("X2026-0042")]
    [InlineData("C2026-")]
    [InlineData("C2026-0000")]
    [InlineData("C1999-0001")]
    [InlineData("C2026-12a")]
    [InlineData("220402199001011234")]
    public void Anything_else_is_not_a_number(string? typed) => Assert.False(RecordNumber.TryParse(typed, out _));
}
