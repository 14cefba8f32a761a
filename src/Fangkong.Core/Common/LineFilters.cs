using System.Text.RegularExpressions;
using Fangkong.Domain.Common;

namespace Fangkong.Core.Common;

/// <summary>Checks shared by the line lists' filters, each naming the field it rejects.</summary>
public static partial class LineFilters
{
    public const int MaxSpanDays = 366;

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DistrictCode();

    public static void CheckDates(DateOnly? from, DateOnly? to, string toField = "to")
    {
        // Each pair is named "from"/"to" or "xFrom"/"xTo" ("decidedFrom", "decidedTo").
        if (from is { } first) PlausibleDates.Check(first, toField == "to" ? "from" : toField[..^2] + "From");
        if (to is { } last) PlausibleDates.Check(last, toField);
        if (from is { } f && to is { } t)
        {
            if (t < f) throw new InputException(toField, Messages.Get("Common.RangeEndsBeforeStart", toField));
            if (t.DayNumber - f.DayNumber > MaxSpanDays) throw new InputException(toField, Messages.Get("Common.RangeOverAYear"));
        }
    }

    public static void Defined<TEnum>(TEnum? value, string field) where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) throw new InputException(field, Messages.Get("Common.NotAValue", v, field));
    }

    /// <summary>A six-digit administrative division code, or null when none was given.</summary>
    public static string? District(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim();
        return DistrictCode().IsMatch(c) ? c : throw new InputException("district", Messages.Get("Common.DistrictCode"));
    }

    /// <summary>
    /// The search box also takes a record's number ("C2026-0042", typed any way people type it): the number of that
    /// kind it names, or null when the text is a person search (ID, mobile, name) or a number of another kind.
    /// </summary>
    public static string? RecordNumber(string? q, RecordKind kind) =>
        Domain.Common.RecordNumber.TryParse(q, out var n) && n.Kind == kind ? n.ToString() : null;

    /// <summary>Whether the search text is any record's number (then it is not a person search).</summary>
    public static bool IsRecordNumber(string? q) => Domain.Common.RecordNumber.TryParse(q, out _);
}
