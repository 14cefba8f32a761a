namespace Fangkong.Domain.Testing;

/// <summary>
/// Pre-printed barcodes on tubes and boxes: a letter (T tube, X box) and 11 digits, the last a Luhn check digit,
/// so a misread or hand-typed barcode is caught before it names the wrong tube.
/// </summary>
public static class Barcodes
{
    public const char TubePrefix = 'T';
    public const char BoxPrefix = 'X';
    private const int Digits = 11;

    public static string Tube(long serial) => Compose(TubePrefix, serial);
    public static string Box(long serial) => Compose(BoxPrefix, serial);

    public static bool IsTube(string? text) => IsValid(text, TubePrefix);
    public static bool IsBox(string? text) => IsValid(text, BoxPrefix);

    /// <summary>Upper-cases and trims what a scanner or a person typed.</summary>
    public static string Normalise(string? text) => (text ?? "").Trim().ToUpperInvariant();

    private static string Compose(char prefix, long serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9_999_999_999L);
        var body = serial.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        return prefix + body + CheckDigit(body);
    }

    private static bool IsValid(string? text, char prefix)
    {
        var t = Normalise(text);
        if (t.Length != Digits + 1 || t[0] != prefix) return false;
        for (var i = 1; i < t.Length; i++)
            if (t[i] is < '0' or > '9') return false;
        return CheckDigit(t[1..^1]) == t[^1];
    }

    /// <summary>Luhn mod-10 check digit over the body digits.</summary>
    private static char CheckDigit(string body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
