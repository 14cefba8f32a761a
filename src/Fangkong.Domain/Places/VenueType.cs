namespace Fangkong.Domain.Places;

public enum VenueType
{
    ServiceHall = 1,
    Market = 2,
    Supermarket = 3,
    Bus = 4,
    School = 5,
    Hospital = 6,
    Enterprise = 7,
    ConstructionProject = 8,
    RoadCheckpoint = 9,
    CompoundGate = 10,
}

public static class VenueTypes
{
    public static readonly IReadOnlyList<VenueType> All = Enum.GetValues<VenueType>();

    public static string ChineseName(VenueType t) => t switch
    {
        VenueType.ServiceHall => "政务服务大厅",
        VenueType.Market => "农贸市场",
        VenueType.Supermarket => "超市",
        VenueType.Bus => "公交车",
        VenueType.School => "学校",
        VenueType.Hospital => "医院",
        VenueType.Enterprise => "企业",
        VenueType.ConstructionProject => "建筑工地",
        VenueType.RoadCheckpoint => "道路卡口",
        VenueType.CompoundGate => "小区门岗",
        _ => t.ToString(),
    };
}
