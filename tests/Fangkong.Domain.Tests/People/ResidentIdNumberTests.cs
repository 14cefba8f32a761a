using Fangkong.Domain.People;

namespace Fangkong.Domain.Tests.People;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("11010519491231002x")] // lower-case check character from a hand-typed entry
    [InlineData("220402198505121230")]
    public void Valid_numbers_are_accepted(string number)
    {
        var v = ResidentIdNumber.Validate(number, Today);
        Assert.True(v.IsValid, v.Error?.ToString());
        Assert.Equal(number.ToUpperInvariant(), v.Id!.Value.Value);
    }

    [Fact]
    public void The_standard_example_decodes_region_birth_date_and_sex()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002X", Today, out var id));
        Assert.Equal("110105", id.RegionCode);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(Sex.Female, id.Sex); // sequence 002 is even
    }

    [Theory]
    [InlineData("110105194912310021", "check")]       // wrong check digit
    [InlineData("110105194912310028", "check")]
    [InlineData("110105194902300021", "30 February")]  // no such day
    [InlineData("110105190002290021", "1900 was not a leap year")]
    [InlineData("110105203001010021", "future")]
    [InlineData("11010519491231002", "17 characters")]
    [InlineData("1101051949123100211", "19 characters")]
    [InlineData("11010519A91231002X", "non-digit")]
    [InlineData("990105194912310021", "no province 99")]
    [InlineData("", "empty")]
    [InlineData(null, "null")]
    public void Invalid_numbers_are_rejected_with_a_reason(string? number, string why)
    {
        var v = ResidentIdNumber.Validate(number, Today);
        Assert.False(v.IsValid, why);
        Assert.StartsWith("People.Id.", v.Error?.Key);
    }

    [Fact]
    public void The_29th_of_February_exists_only_in_leap_years()
    {
        var leap = ResidentIdNumber.Compose("220402", new DateOnly(2000, 2, 29), 11);
        Assert.True(ResidentIdNumber.Validate(leap, Today).IsValid);
        var fake = leap[..6] + "20010229" + leap[14..17];
        Assert.False(ResidentIdNumber.Validate(fake + ResidentIdNumber.CheckCharacterFor(fake), Today).IsValid);
    }

    [Fact]
    public void Composed_numbers_round_trip_and_carry_sex_in_the_sequence_parity()
    {
        var male = ResidentIdNumber.Compose("220403", new DateOnly(1990, 1, 3), 245);
        var female = ResidentIdNumber.Compose("220403", new DateOnly(1990, 1, 3), 246);
        Assert.Equal(Sex.Male, ResidentIdNumber.Validate(male, Today).Id!.Value.Sex);
        Assert.Equal(Sex.Female, ResidentIdNumber.Validate(female, Today).Id!.Value.Sex);
    }

    [Theory]
    [InlineData(DocumentType.Passport, "E12345678", true)]
    [InlineData(DocumentType.Passport, "E1", false)]
    [InlineData(DocumentType.HongKongMacaoPermit, "H1234567890", true)]
    [InlineData(DocumentType.ForeignerPermanentResidence, "USA12345678901", true)]
    [InlineData(DocumentType.Passport, "E123-4567", false)]
    public void Other_documents_are_typed_without_the_checksum(DocumentType type, string number, bool ok)
    {
        var (normalised, error) = IdentityDocument.Normalise(type, number, Today);
        Assert.Equal(ok, normalised is not null);
        Assert.Equal(ok, error is null);
    }
}
