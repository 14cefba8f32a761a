using Fangkong.Domain.Codes;

namespace Fangkong.Core.Data;

/// <summary>A person's current colour as <see cref="FangkongDb.Colours"/> shows it to the features below Codes.</summary>
public sealed class PersonColour
{
    public long PersonId { get; init; }
    public CodeColour Colour { get; init; }
}
