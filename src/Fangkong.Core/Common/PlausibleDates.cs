using System.Globalization;

namespace Fangkong.Core.Common;

/// <summary>
/// The dates a caller may give at all: 1900–2099. Narrower rules (a device clock within minutes of the server, a day
/// that has ended) belong to each use case; this one keeps year 1 and year 9999 away from time arithmetic, where
/// shifting to city time overflows, and out of the store.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2099, 12, 31);

    public static void Check(DateOnly day, string field)
    {
        if (day < First || day > Last) throw Refusal(field, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static void Check(DateTime t, string field)
    {
        if (t.Year < First.Year || t.Year > Last.Year) throw Refusal(field, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static void Check(DateTimeOffset t, string field) => Check(t.UtcDateTime, field);

    private static InputException Refusal(string field, string value) =>
        new(field, Messages.Get("Common.ImplausibleDate", field, value, First.Year, Last.Year));
}
