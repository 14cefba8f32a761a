using System.Globalization;
using Fangkong.Core.Common;

namespace Fangkong.Web.Components.Shared;

/// <summary>Reads the local-time window of a trace form (datetime-local inputs); defaults to the last 14 days.</summary>
public static class TraceWindow
{
    public static (DateTime FromUtc, DateTime ToUtc) Parse(string? from, string? to, CityClock clock)
    {
        // The form shows minutes only: "to 09:12" means up to the end of that minute (the query's bound is exclusive),
        // otherwise the default window, "until now", would leave out the visits of the current minute.
        var toUtc = Read(to, "to", clock) is { } t ? (t.Second == 0 && t.Millisecond == 0 ? t.AddMinutes(1) : t) : clock.UtcNow;
        var fromUtc = Read(from, "from", clock) ?? toUtc.AddDays(-14);
        return (fromUtc, toUtc);
    }

    public static string LocalInput(DateTime utc, CityClock clock) => clock.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateTime? Read(string? s, string field, CityClock clock)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new InputException(field, HostText.Get("Query.NotATime", s));
        PlausibleDates.Check(local, field);
        return clock.AsUtc(local);
    }
}
