namespace Fangkong.Domain.People;

/// <summary>GB/T 2260 administrative region codes: province prefixes and the Liaoyuan districts the demo city uses.</summary>
public static class Regions
{
    // First two digits of every province-level division in GB/T 2260 (plus 71/81/82 for Taiwan, Hong Kong, Macao).
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    public static readonly IReadOnlyList<District> Liaoyuan =
    [
        new("220402", "龙山区", "Longshan District"),
        new("220403", "西安区", "Xi'an District"),
        new("220421", "东丰县", "Dongfeng County"),
        new("220422", "东辽县", "Dongliao County"),
    ];

    public const string LiaoyuanCityCode = "220400";
    public const string JilinProvinceCode = "220000";

    /// <summary>Names of the province- and city-level divisions the platform reports for (bulletins name them).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string EnglishName)> Areas = new Dictionary<string, (string, string)>
    {
        [JilinProvinceCode] = ("吉林省", "Jilin Province"),
        [LiaoyuanCityCode] = ("辽源市", "Liaoyuan"),
    };

    /// <summary>The province a city or district code lies in ("220402" → "220000").</summary>
    public static string ProvinceOf(string code) => code[..2] + "0000";

    /// <summary>A region code is plausible when its province exists and it is not all zeros below the province.</summary>
    public static bool IsPlausibleRegionCode(string code) =>
        code.Length == 6 && code.All(char.IsAsciiDigit) && Provinces.Contains(code[..2]) && code[2..] != "0000";
}

public sealed record District(string Code, string Name, string EnglishName);
