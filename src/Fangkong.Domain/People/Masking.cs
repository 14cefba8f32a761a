namespace Fangkong.Domain.People;

/// <summary>Masks personal data for display: names keep first and last character, ID numbers keep region and last four.</summary>
public static class Masking
{
    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        return name.Length switch
        {
            1 => "*",
            2 => name[0] + "*",
            _ => name[0] + new string('*', name.Length - 2) + name[^1],
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
