using System.Globalization;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.People;

/// <summary>
/// A resident identity card number per GB 11643-1999: 6-digit region code, 8-digit birth date,
/// 3-digit sequence (odd = male) and a check character computed with ISO 7064 MOD 11-2.
/// </summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public string RegionCode => Value[..6];
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    public override string ToString() => Value;

    /// <summary>Parses and validates; <paramref name="today"/> rejects birth dates in the future.</summary>
    public static IdValidation Validate(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input))
            return IdValidation.Fail(new Message("People.Id.Required"));
        var s = input.Trim().ToUpperInvariant();
        if (s.Length != 18)
            return IdValidation.Fail(new Message("People.Id.Length", s.Length.ToString(CultureInfo.InvariantCulture)));
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return IdValidation.Fail(new Message("People.Id.Digit", (i + 1).ToString(CultureInfo.InvariantCulture)));
        }
        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X')
            return IdValidation.Fail(new Message("People.Id.CheckCharacter"));
        if (!Regions.IsPlausibleRegionCode(s[..6]))
            return IdValidation.Fail(new Message("People.Id.Region", s[..6]));
        var year = int.Parse(s.AsSpan(6, 4));
        var month = int.Parse(s.AsSpan(10, 2));
        var day = int.Parse(s.AsSpan(12, 2));
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return IdValidation.Fail(new Message("People.Id.NoSuchBirthDate", s.Substring(6, 8)));
        var birth = new DateOnly(year, month, day);
        if (birth > today)
            return IdValidation.Fail(new Message("People.Id.FutureBirthDate", s.Substring(6, 8)));
        var expected = CheckCharacterFor(s.AsSpan(0, 17));
        if (s[17] != expected)
            return IdValidation.Fail(new Message("People.Id.WrongCheck", expected.ToString()));
        return IdValidation.Ok(new ResidentIdNumber(s, birth));
    }

    public static bool TryParse(string? input, DateOnly today, out ResidentIdNumber id)
    {
        var v = Validate(input, today);
        id = v.Id ?? default;
        return v.IsValid;
    }

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 digits expected", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a valid number from its parts (used by the demo city generator).</summary>
    public static string Compose(string regionCode, DateOnly birthDate, int sequence)
    {
        if (sequence is < 0 or > 999) throw new ArgumentOutOfRangeException(nameof(sequence));
        Span<char> buf = stackalloc char[18];
        regionCode.AsSpan().CopyTo(buf);
        birthDate.TryFormat(buf[6..], out _, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        sequence.TryFormat(buf[14..], out _, "000", System.Globalization.CultureInfo.InvariantCulture);
        buf[17] = CheckCharacterFor(buf[..17]);
        return new string(buf);
    }
}

/// <summary>A number's validation: the parsed number, or why it is not one (worded by the caller, ADR 0020).</summary>
public sealed record IdValidation(bool IsValid, ResidentIdNumber? Id, Message? Error)
{
    public static IdValidation Ok(ResidentIdNumber id) => new(true, id, null);
    public static IdValidation Fail(Message error) => new(false, null, error);
}

public enum Sex { Male = 1, Female = 2 }
