using Fangkong.Domain.Text;

namespace Fangkong.Domain.People;

/// <summary>Masks personal data for display: names keep first and last character, ID numbers keep region and last four.</summary>
public static class Masking
{
    /// <summary>
    /// 张*明: the first and last character, a star for each one between. Characters are text elements, so a rare
    /// character outside the BMP (张𬌗 → 张*) or a variation sequence is kept or starred whole.
    /// </summary>
    public static string Name(string? name)
    {
        var chars = TextElements.Split(name);
        return chars.Count switch
        {
            0 => "",
            1 => "*",
            2 => chars[0] + "*",
            _ => chars[0] + new string('*', chars.Count - 2) + chars[^1],
        };
    }

    public static string DocumentNumber(string? number)
    {
        if (string.IsNullOrEmpty(number)) return "";
        if (number.Length <= 6) return new string('*', number.Length);
        if (number.Length == 18) return number[..6] + new string('*', 8) + number[^4..];
        return number[..2] + new string('*', number.Length - 4) + number[^2..];
    }

    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone) || phone.Length < 7) return phone ?? "";
        return phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }
}
