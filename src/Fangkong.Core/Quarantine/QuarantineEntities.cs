using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Quarantine;

/// <summary>A centralized quarantine site (集中隔离点): a hotel or a purpose-built facility with rooms.</summary>
public sealed class QuarantineSite
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string DistrictCode { get; set; }
    public string? Address { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A room of a site: single occupancy unless a family shares it, up to its beds.</summary>
public sealed class QuarantineRoom
{
    public long Id { get; set; }
    public long SiteId { get; set; }
    public required string Number { get; set; }
    public int Beds { get; set; }
}

/// <summary>One person's quarantine: why (contact of which case, under which edition), where, from day 1 to the release date.</summary>
public sealed class QuarantineStay : INumberedRecord, IDistrictStamped
{
    public long Id { get; set; }
    /// <summary>The person's home district, stamped when saved (ADR 0028): a district's officers' lists read it directly.</summary>
    public string? DistrictCode { get; set; }
    /// <summary>The short number people use ("Q2026-0042"); the id stays internal.</summary>
    public string Number { get; set; } = "";
    public long PersonId { get; set; }
    /// <summary>The case whose contact this is; 0 for a returnee's stay, which serves no case (<see cref="ReturneeId"/>).</summary>
    public long CaseId { get; set; }
    public long? ContactId { get; set; }
    /// <summary>The returnee registration this stay serves (issue 21, ADR 0039), when <see cref="Role"/> is Returnee.</summary>
    public long? ReturneeId { get; set; }
    public ContactRole Role { get; set; }
    public PolicyEdition Edition { get; set; }
    public QuarantinePlace Place { get; set; }
    public long? SiteId { get; set; }
    public long? RoomId { get; set; }
    public DateOnly Day1 { get; set; }
    public DateOnly ReleaseDate { get; set; }
    public QuarantineState State { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReleasedAtUtc { get; set; }

    RecordKind INumberedRecord.NumberKind => RecordKind.QuarantineStay;
    DateTime INumberedRecord.NumberedAtUtc => CreatedAtUtc;
}
