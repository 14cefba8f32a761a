using Fangkong.Domain.Text;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Tracing;

/// <summary>
/// A person the platform proposes as a contact of a case (or, for a secondary contact, of a close contact), with the
/// evidence: which visit, where, when, and how long the stays overlapped. An epidemiologist confirms or dismisses it.
/// </summary>
public sealed class ContactProposal : Data.IDistrictStamped
{
    public long Id { get; set; }
    /// <summary>The contact's home district, stamped when saved (ADR 0028): a district's officers' lists read it directly.</summary>
    public string? DistrictCode { get; set; }
    public long CaseId { get; set; }
    public long PersonId { get; set; }
    /// <summary>For a secondary contact: the close contact (person) through whom they were exposed.</summary>
    public long? ViaPersonId { get; set; }
    public ContactGrade Grade { get; set; }
    public ContactKind Kind { get; set; }
    public long? VenueId { get; set; }
    public DateTime? SourceInUtc { get; set; }
    public DateTime? SourceOutUtc { get; set; }
    public DateTime? ContactInUtc { get; set; }
    public DateTime? ContactOutUtc { get; set; }
    public int OverlapMinutes { get; set; }
    /// <summary>When this person was first exposed: the start of their own window for secondary contacts.</summary>
    public DateTime FirstExposureUtc { get; set; }
    public ProposalStatus Status { get; set; }
    public DateTime ProposedAtUtc { get; set; }
    public long? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>What the epidemiologist wrote when deciding (a dismissal's reason).</summary>
    public string? Note { get; set; }
    /// <summary>What the platform did to this contact since, and why (upgraded, released, restarted), worded when read.</summary>
    public IReadOnlyList<Message>? PlatformNotes { get; set; }
    /// <summary>When a confirmed contact was released from management (time served, every scheduled test negative).</summary>
    public DateTime? ReleasedAtUtc { get; set; }

    public void AddPlatformNote(Message note) => PlatformNotes = [.. PlatformNotes ?? [], note];
}
