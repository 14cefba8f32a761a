using Fangkong.Domain.People;

namespace Fangkong.Core.People;

public sealed class Person
{
    public long Id { get; set; }
    public DocumentType DocumentType { get; set; }
    /// <summary>Normalised document number (upper case); unique per document type.</summary>
    public required string DocumentNumber { get; set; }
    public required string Name { get; set; }
    public Sex Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public long? HouseholdId { get; set; }
    /// <summary>
    /// The district and community of the household, copied from the address tree when the household is set (the seeder,
    /// the registry): the area filter's one column (ADR 0028). Null without a household — then only the whole city sees them.
    /// </summary>
    public string? DistrictCode { get; set; }
    public long? CommunityId { get; set; }
    /// <summary>Opaque random token carried in the health-code QR instead of the document number.</summary>
    public required string Token { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
