using Fangkong.Core.Common;

namespace Fangkong.Core.Accounts;

/// <summary>Mainland mobile numbers: 11 digits starting with 1 (spaces, dashes and a +86 prefix are dropped).</summary>
public static class Phones
{
    public static string Normalise(string field, string? phone)
    {
        var digits = new string((phone ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        if (digits.Length != 11 || digits[0] != '1' || !digits.All(char.IsAsciiDigit))
            throw new InputException(field, Messages.Get("Accounts.Phone.Invalid"));
        return digits;
    }
}
