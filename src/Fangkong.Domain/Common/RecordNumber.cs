using System.Globalization;
using System.Text;

namespace Fangkong.Domain.Common;

/// <summary>The kinds of record people name on pages, in exports and on the phone; the letter starts the number.</summary>
public enum RecordKind
{
    Case = 'C',
    QuarantineStay = 'Q',
    Round = 'R',
    Zone = 'Z',
    /// <summary>A resident's appeal against their colour (issue 18).</summary>
    Appeal = 'A',
    /// <summary>An employer's request to unlock their staff's codes in bulk.</summary>
    BulkUnlock = 'U',
    /// <summary>A citizen's request (群众诉求) as a ticket (issue 20).</summary>
    Ticket = 'T',
    /// <summary>An order of supplies to a sealed household (issue 20).</summary>
    SupplyOrder = 'S',
    /// <summary>A returnee's registration (外返人员, issue 21).</summary>
    Returnee = 'F',
}

/// <summary>
/// A record's short human number, "C2026-0042": a letter for its kind, the city year it was made in and its place in
/// that year's sequence (four digits at least, more when a year needs them). Internal ids stay 18-digit and internal;
/// this is what an epidemiologist reads out on the phone and a spreadsheet keeps as text.
/// </summary>
public readonly record struct RecordNumber(RecordKind Kind, int Year, int Sequence)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(char)Kind}{Year:D4}-{Sequence:D4}");

    /// <summary>
    /// Reads a number as people type it: any case, full-width characters (ＣＱＲＺ、０-９、－), spaces or no dash,
    /// and leading zeros dropped ("c2026 42", "Ｃ２０２６－００４２").
    /// </summary>
    public static bool TryParse(string? text, out RecordNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        if (s.Length < 6) return false;
        var kind = (RecordKind)s[0];
        if (!Enum.IsDefined(kind)) return false;
        var rest = s[1..];
        if (rest.Length < 5 || !int.TryParse(rest.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000) return false;
        var seq = rest[4..].TrimStart('-', ' ');
        if (seq.Length is 0 or > 9 || !int.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return false;
        number = new RecordNumber(kind, year, n);
        return true;
    }
}
