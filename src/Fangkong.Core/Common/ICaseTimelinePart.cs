using Fangkong.Core.Data;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Common;

/// <summary>The case a timeline tells, as every part needs it: whose it is and from when its story counts.</summary>
/// <param name="FromUtc">The earliest instant worth telling: the start of the case's exposure window.</param>
public sealed record TimelineCase(long CaseId, string Number, long PersonId, DateTime FromUtc);

/// <summary>
/// One thing that happened to a case, as a part tells it: when, what kind, the sentence (a key of the part's own
/// catalogue and its arguments, worded for the reader when the timeline is read), the page that shows it, and the
/// officer who did it when known. <paramref name="AllDay"/>: known to the day only (an onset), at the city day's start.
/// </summary>
public sealed record TimelineItem(DateTime AtUtc, string Kind, Message Text, string? Link = null, long? ByUserId = null, bool AllDay = false);

/// <summary>
/// A feature's part of a case's timeline (Tracing's CaseTimeline puts them together). Each feature tells what it keeps
/// — samples, beds, stays, zones — from its own tables, so Tracing, which sits below most of them, names none of them
/// (ADR 0018): they are registered as implementations of this port in CoreRegistration.
/// </summary>
public interface ICaseTimelinePart
{
    /// <param name="t">The case whose story is told.</param>
    Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct);
}

/// <summary>How the parts write instants and days into their sentences: city time, one format for every part.</summary>
public static class TimelineText
{
    public static string Time(CityClock clock, DateTime utc) =>
        clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
