using Fangkong.Domain.Text;

namespace Fangkong.Core.Tracing;

/// <summary>Who reads, and why: every trajectory or venue-log read needs a purpose (an open case or investigation).</summary>
public sealed record TraceReader(long UserId, string UserName, string Purpose)
{
    /// <summary>The purpose of a read the platform makes for a case (its report), instead of a typed one; audited as a message.</summary>
    public Message? PlatformPurpose { get; init; }
}

public sealed record TrajectoryRow(long VisitId, long VenueId, string VenueName, string VenueType, string DistrictCode,
    DateTime EnteredAtUtc, DateTime? ExitedAtUtc, bool ExitInferred, string Method, decimal? Temperature);

public sealed record VenueLogRow(long VisitId, long PersonId, string Name, string DocumentNumber, string? Phone,
    DateTime EnteredAtUtc, DateTime? ExitedAtUtc, bool ExitInferred, string Method, decimal? Temperature);
