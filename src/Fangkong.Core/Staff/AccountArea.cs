using Fangkong.Core.Accounts;

namespace Fangkong.Core.Staff;

/// <summary>Where an account works: a level of the address tree or a grid (with its id), or one venue.</summary>
public sealed record AccountArea(JurisdictionLevel? Level, long? Id, long? VenueId)
{
    public static readonly AccountArea None = new(null, null, null);

    /// <summary>"community:12", "district:220402", "venue:3": the form the import file and the page use.</summary>
    public override string ToString() =>
        VenueId is { } v ? $"venue:{v}" : Level is { } l ? $"{l.ToString().ToLowerInvariant()}:{Id}" : "";
}
