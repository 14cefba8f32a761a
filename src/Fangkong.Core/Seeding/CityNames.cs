namespace Fangkong.Core.Seeding;

/// <summary>Real Liaoyuan street/town names and the word stock for plausible community, compound, venue and person names.</summary>
internal static class CityNames
{
    /// <summary>Streets (街道) and towns (镇/乡) of each district, in the order of <see cref="Domain.People.Regions.Liaoyuan"/>.</summary>
    public static readonly string[][] Streets =
    [
        ["向阳街道", "东吉街道", "北寿街道", "西宁街道", "龙山街道", "站前街道", "寿山镇", "工农乡"],
        ["仙城街道", "东山街道", "安家街道", "富国街道", "先锋街道", "太安街道", "灯塔镇"],
        ["东丰镇", "大阳镇", "横道河镇", "那丹伯镇", "猴石镇", "杨木林镇", "小四平镇", "黄河镇", "拉拉河镇", "沙河镇", "南屯基镇", "大兴镇"],
        ["白泉镇", "渭津镇", "安石镇", "辽河源镇", "泉太镇", "建安镇", "安恕镇", "平岗镇", "云顶镇", "凌云乡", "金州乡", "足民乡"],
    ];

    /// <summary>Share of the city's households per district: Longshan and Xi'an are the urban core.</summary>
    public static readonly double[] DistrictShare = [0.36, 0.19, 0.24, 0.21];

    /// <summary>Short district names used in venue names (龙山区 → 龙山).</summary>
    public static readonly string[] DistrictShort = ["龙山", "西安", "东丰", "东辽"];

    /// <summary>Bus lines outside the urban core carry the county's name (东丰3路).</summary>
    public static readonly string[] BusLinePrefix = ["", "", "东丰", "东辽"];

    public static readonly string[] CommunityWords = ["福民", "新兴", "永安", "长青", "和平", "光明", "建设", "幸福", "胜利", "友谊", "民主", "团结", "繁荣", "兴隆", "富强", "康宁", "红旗", "东风", "西苑", "南岭"];
    public static readonly string[] CompoundWords = ["金地", "锦绣", "龙湖", "枫林", "翠苑", "阳光", "盛世", "东方", "嘉园", "馨园", "银河", "华府", "御景", "碧水", "雅居", "学府", "铁路", "矿务局", "电力", "粮食局", "鹿乡", "福瑞", "龙山湖", "仙城"];
    public static readonly string[] CompoundSuffixes = ["小区", "花园", "家园", "新城", "公寓", "苑", "佳苑", "丽景"];

    // Surnames weighted roughly by national frequency (per mille, most common first).
    public static readonly (string Name, int Weight)[] Surnames =
    [
        ("王", 72), ("李", 70), ("张", 66), ("刘", 54), ("陈", 46), ("杨", 35), ("黄", 24), ("赵", 20), ("吴", 19), ("周", 19),
        ("徐", 15), ("孙", 15), ("马", 14), ("朱", 13), ("胡", 13), ("郭", 12), ("何", 12), ("高", 12), ("林", 12), ("罗", 9),
        ("郑", 9), ("梁", 8), ("谢", 7), ("宋", 7), ("唐", 6), ("许", 6), ("韩", 6), ("冯", 6), ("邓", 6), ("曹", 5),
        ("彭", 5), ("曾", 5), ("肖", 5), ("田", 5), ("董", 5), ("袁", 5), ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4),
        ("姜", 4), ("崔", 3), ("金", 3), ("欧阳", 1), ("司马", 1), ("诸葛", 1),
    ];

    public static readonly string[] MaleChars = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文", "东", "海", "博", "子", "轩", "睿"];
    public static readonly string[] FemaleChars = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "慧", "莹", "雪", "琳", "晶", "婷", "倩", "颖", "洁", "佳", "欣", "梅", "红", "兰", "萍", "燕", "丹", "璐", "梓", "涵", "悦", "怡"];

    /// <summary>Mobile prefixes of the three carriers.</summary>
    public static readonly string[] PhonePrefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "155", "157", "158", "159", "177", "186", "187", "188", "199"];

    public static readonly string[] MarketWords = ["东", "西", "南", "北", "中心", "新华", "人民", "站前", "龙山", "仙城"];
    public static readonly string[] SupermarketChains = ["欧亚", "大润发", "万家福", "华联", "百货大楼", "东北亚", "好又多"];
    public static readonly string[] SchoolWords = ["实验", "育才", "新华", "向阳", "东山", "鹿乡", "朝阳", "光明", "北寿", "仙城"];
    public static readonly string[] ProjectWords = ["新城", "东辰", "龙山湖", "西安", "鹿乡", "辽河"];
    // Generic firm names: the demo's visits are invented, so no real company is named.
    public static readonly string[] EnterpriseWords = ["鹿乡", "龙源", "福瑞", "鼎盛", "宏达", "金鹏", "东辰", "华远", "瑞丰", "恒通", "兴业", "昌盛"];
    public static readonly string[] Industries = ["建材", "食品", "纺织", "服装", "机械", "物流", "印刷", "铝业", "电子", "农机", "粮油", "制药"];
    public static readonly string[] EnterpriseSuffixes = ["有限公司", "股份有限公司", "集团", "制造厂"];
}
