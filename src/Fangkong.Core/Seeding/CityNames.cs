namespace Fangkong.Core.Seeding;

/// <summary>Real Liaoyuan street/town names and the word stock for plausible community, compound and person names.</summary>
internal static class CityNames
{
    public static readonly IReadOnlyDictionary<string, string[]> Streets = new Dictionary<string, string[]>
    {
        ["220402"] = ["向阳街道", "东吉街道", "北寿街道", "西宁街道", "龙山街道", "站前街道", "寿山镇", "工农乡"],
        ["220403"] = ["仙城街道", "东山街道", "安家街道", "富国街道", "先锋街道", "太安街道", "灯塔镇"],
        ["220421"] = ["东丰镇", "大阳镇", "横道河镇", "那丹伯镇", "猴石镇", "杨木林镇", "小四平镇", "黄河镇", "拉拉河镇", "沙河镇"],
        ["220422"] = ["白泉镇", "渭津镇", "辽河源镇", "泉太镇", "建安镇", "安恕镇", "平岗镇", "云顶镇", "凌云乡", "金州乡"],
    };

    /// <summary>Share of the city's residents per district (Longshan and Xi'an are the urban core).</summary>
    public static readonly IReadOnlyDictionary<string, double> DistrictShare = new Dictionary<string, double>
    {
        ["220402"] = 0.35,
        ["220403"] = 0.20,
        ["220421"] = 0.25,
        ["220422"] = 0.20,
    };

    public static readonly string[] CommunityWords = ["福民", "新兴", "永安", "长青", "和平", "光明", "建设", "幸福", "胜利", "友谊", "民主", "团结", "繁荣", "兴隆", "富强", "康宁", "红旗", "东风", "西苑", "南岭"];
    public static readonly string[] CompoundWords = ["金地", "锦绣", "龙湖", "枫林", "翠苑", "阳光", "盛世", "东方", "嘉园", "馨园", "银河", "华府", "御景", "碧水", "雅居", "学府", "铁路", "矿务局", "电力", "粮食局"];
    public static readonly string[] CompoundSuffixes = ["小区", "花园", "家园", "新城", "公寓", "苑"];

    // Surnames weighted roughly by national frequency (most common first).
    public static readonly (string Name, int Weight)[] Surnames =
    [
        ("王", 72), ("李", 70), ("张", 66), ("刘", 54), ("陈", 46), ("杨", 35), ("赵", 20), ("黄", 24), ("周", 19), ("吴", 19),
        ("徐", 15), ("孙", 15), ("胡", 13), ("朱", 13), ("高", 12), ("林", 12), ("何", 12), ("郭", 11), ("马", 11), ("罗", 9),
        ("梁", 8), ("宋", 7), ("郑", 7), ("谢", 6), ("韩", 6), ("唐", 6), ("冯", 6), ("于", 6), ("董", 5), ("萧", 5),
        ("程", 5), ("曹", 5), ("袁", 5), ("邓", 5), ("许", 5), ("傅", 4), ("沈", 4), ("曾", 4), ("彭", 4), ("吕", 4),
        ("欧阳", 1), ("司马", 1), ("诸葛", 1),
    ];

    public static readonly string[] MaleChars = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文", "东", "海"];
    public static readonly string[] FemaleChars = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "慧", "莹", "雪", "琳", "晶", "婷", "倩", "颖", "洁", "佳", "欣", "梅", "红", "兰", "萍", "燕", "丹", "璐"];

    public static readonly string[] BusPlatePrefixes = ["吉D·"];
    public static readonly string[] EnterpriseWords = ["辽源矿业", "吉林麦达斯", "辽源袜业", "金刚水泥", "鸿图纸业", "瑞斯特", "辽源热电", "东丰药业", "东辽酒业", "巨峰生化", "迪康药业", "利源精制", "辽源纺织", "梅花鹿业", "亚东制衣"];
}
