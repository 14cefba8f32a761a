using System.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Domain.Command;

/// <summary>A zone as the bulletin names it: its name (data, as typed) and its level under its preset.</summary>
public sealed record BulletinZone(string Name, ZoneLevel Level, ZonePreset Preset);

/// <summary>
/// The bulletin's sentence on the day's zones, named as announcements named them ("当日新划定封控区2个：福民小区、阳光花园；
/// 解除封控区1个：翠苑小区。"), strictest level first; nothing when no zone changed. Chinese and English side by side,
/// as the rest of the bulletin (a document with its own grammar, ADR 0020).
/// </summary>
public static class BulletinZones
{
    public static string Chinese(IReadOnlyList<BulletinZone> set, IReadOnlyList<BulletinZone> lifted)
    {
        if (set.Count == 0 && lifted.Count == 0) return "";
        var parts = new List<string>();
        if (set.Count > 0) parts.Add("当日新划定" + string.Join("，", Groups(set).Select(g => $"{ChineseLevel(g.Key)}{g.Count()}个：{string.Join("、", g.Select(z => z.Name))}")));
        if (lifted.Count > 0) parts.Add("解除" + string.Join("，", Groups(lifted).Select(g => $"{ChineseLevel(g.Key)}{g.Count()}个：{string.Join("、", g.Select(z => z.Name))}")));
        return string.Join("；", parts) + "。";
    }

    public static string English(IReadOnlyList<BulletinZone> set, IReadOnlyList<BulletinZone> lifted)
    {
        if (set.Count == 0 && lifted.Count == 0) return "";
        var sb = new StringBuilder();
        if (set.Count > 0) sb.Append("Zones set today: ").AppendJoin("; ", Groups(set).Select(g => $"{EnglishLevel(g.Key, g.Count())}: {string.Join(", ", g.Select(z => z.Name))}")).Append('.');
        if (lifted.Count > 0)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append("Lifted: ").AppendJoin("; ", Groups(lifted).Select(g => $"{EnglishLevel(g.Key, g.Count())}: {string.Join(", ", g.Select(z => z.Name))}")).Append('.');
        }
        return sb.ToString();
    }

    private static IEnumerable<IGrouping<(ZoneLevel Level, bool ThreeZones), BulletinZone>> Groups(IReadOnlyList<BulletinZone> zones) =>
        zones.GroupBy(z => (z.Level, z.Preset == ZonePreset.ThreeZones)).OrderByDescending(g => g.Key.Level).ThenByDescending(g => g.Key.Item2);

    private static string ChineseLevel((ZoneLevel Level, bool ThreeZones) k) => (k.Level, k.ThreeZones) switch
    {
        (ZoneLevel.Sealed, true) => "封控区",
        (ZoneLevel.Controlled, true) => "管控区",
        (_, true) => "防范区",
        (ZoneLevel.Sealed, false) => "高风险区",
        (ZoneLevel.Controlled, false) => "中风险区",
        _ => "低风险区",
    };

    private static string EnglishLevel((ZoneLevel Level, bool ThreeZones) k, int n)
    {
        var word = (k.Level, k.ThreeZones) switch
        {
            (ZoneLevel.Sealed, true) => "sealed zone",
            (ZoneLevel.Controlled, true) => "controlled zone",
            (_, true) => "precaution zone",
            (ZoneLevel.Sealed, false) => "high-risk area",
            (ZoneLevel.Controlled, false) => "medium-risk area",
            _ => "low-risk area",
        };
        return $"{n} {word}{(n == 1 ? "" : "s")}";
    }
}
