namespace Fangkong.Core.People;

// The address hierarchy used by community control (domain.md §1):
// district → street/town → community/village → compound → building → unit → household.

public sealed class DistrictRow
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string EnglishName { get; set; }
    public required string CityCode { get; set; }
}

public sealed class Street
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public required string Name { get; set; }
}

public sealed class Community
{
    public long Id { get; set; }
    public long StreetId { get; set; }
    public required string Name { get; set; }
}

public sealed class Compound
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public required string Name { get; set; }
    /// <summary>Where it lies (WGS 84 degrees), for the map; null when not surveyed.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class Building
{
    public long Id { get; set; }
    public long CompoundId { get; set; }
    public int Number { get; set; }
}

public sealed class BuildingUnit
{
    public long Id { get; set; }
    public long BuildingId { get; set; }
    public int Number { get; set; }
}

public sealed class Household
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    /// <summary>Door number, e.g. "302".</summary>
    public required string Number { get; set; }
}
