using Fangkong.Core.Accounts;

namespace Fangkong.Core.Data;

/// <summary>
/// The area an account's reads are confined to (ADR 0028), resolved from the account's stored jurisdiction: exactly one of
/// the district, street, community or grid is set. Accounts whose reach is the whole city (or province) have none.
/// </summary>
/// <param name="Name">The area as a page's header chip names it: "龙山区", "向阳街道", "福镇社区", "福镇社区 · 第1网格".</param>
public sealed record AreaReach(JurisdictionLevel Level, string Name, string? DistrictCode = null, long? StreetId = null, long? CommunityId = null, long? GridId = null);

/// <summary>A grid as the area filter needs it (Accounts sits below Community and reads grids only through this view).</summary>
public sealed class GridPlace
{
    public long Id { get; init; }
    public long CommunityId { get; init; }
    public string Name { get; init; } = "";
}
