namespace Fangkong.Domain.Community;

/// <summary>
/// The people a community serves first (domain.md §8): supplies, medicine, door-to-door sampling and transport to
/// hospital, each with a named worker responsible ("一人一策"). A person may belong to several.
/// </summary>
public enum SpecialGroup
{
    /// <summary>独居老人</summary>
    ElderlyAlone = 1,
    /// <summary>卧床</summary>
    Bedridden = 2,
    /// <summary>残疾人</summary>
    Disabled = 3,
    /// <summary>低保户</summary>
    LowIncome = 4,
    /// <summary>退役军人</summary>
    Veteran = 5,
    /// <summary>孕产妇</summary>
    Pregnant = 6,
    /// <summary>透析患者</summary>
    Dialysis = 7,
    /// <summary>放化疗患者</summary>
    Chemotherapy = 8,
}

public static class SpecialGroups
{
    public static readonly IReadOnlyList<SpecialGroup> All = Enum.GetValues<SpecialGroup>();

    /// <summary>
    /// Whether belonging to <paramref name="group"/> means the person cannot come down to a sampling site, and is
    /// sampled at home: the bedridden and the disabled (the "immobile" the round planner reads).
    /// </summary>
    public static bool SampledAtHome(SpecialGroup group) => group is SpecialGroup.Bedridden or SpecialGroup.Disabled;
}
