namespace Fangkong.Domain.Tracing;

/// <summary>
/// When a case could infect others: from <see cref="TracingPolicy.DaysBeforeOnset"/> days before onset (for an
/// asymptomatic infection, before the first positive sampling) until the case was isolated (or now, if not yet).
/// </summary>
public readonly record struct ExposureWindow(DateTime StartUtc, DateTime EndUtc)
{
    /// <param name="onset">Onset date, or for an asymptomatic infection the date of the first positive sampling, in city time.</param>
    /// <param name="isolatedAtUtc">When the case was isolated; null while at large.</param>
    /// <param name="nowUtc">The current time, ending the window of a case not yet isolated.</param>
    /// <param name="cityOffset">The city's UTC offset: days start at local midnight.</param>
    public static ExposureWindow ForCase(DateOnly onset, DateTime? isolatedAtUtc, DateTime nowUtc, TracingPolicy policy, TimeSpan cityOffset)
    {
        var startLocal = onset.AddDays(-policy.DaysBeforeOnset).ToDateTime(TimeOnly.MinValue);
        var start = DateTime.SpecifyKind(startLocal - cityOffset, DateTimeKind.Utc);
        var end = isolatedAtUtc ?? nowUtc;
        return new ExposureWindow(start, end < start ? start : end);
    }

    /// <summary>
    /// A close contact's own window for secondary contacts: from their first exposure to the case until their
    /// isolation (domain.md §5).
    /// </summary>
    public static ExposureWindow ForCloseContact(DateTime firstExposureUtc, DateTime? isolatedAtUtc, DateTime nowUtc)
    {
        var end = isolatedAtUtc ?? nowUtc;
        return new ExposureWindow(firstExposureUtc, end < firstExposureUtc ? firstExposureUtc : end);
    }

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    public TimeSpan Length => EndUtc - StartUtc;
}
