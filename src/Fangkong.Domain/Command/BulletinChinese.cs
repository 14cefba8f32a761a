using System.Globalization;
using System.Text;

namespace Fangkong.Domain.Command;

/// <summary>
/// The bulletin in the official Chinese style ("X月X日0—24时，全省新增本土确诊病例N例（轻型N例、普通型N例），其中……"):
/// zero counts said as "无新增", a single place as "均在", several places largest first, empty clauses left out.
/// </summary>
public static class BulletinChinese
{
    public static string Title(BulletinFigures f) => $"{f.AreaName}新冠肺炎疫情情况通报（{Date(f.Day)}）";

    public static string Text(BulletinFigures f)
    {
        var area = Area(f);
        var sb = new StringBuilder();
        var day = $"{Date(f.Day)}0—24时，{area}";
        var confirmed = f.NewConfirmed.Total;
        if (confirmed == 0 && f.NewAsymptomatic == 0) sb.Append(day).Append("无新增本土确诊病例和无症状感染者。");
        else
        {
            sb.Append(day);
            if (confirmed == 0) sb.Append("无新增本土确诊病例");
            else sb.Append($"新增本土确诊病例{confirmed}例（{Types(f.NewConfirmed)}）").Append(Places(f, f.ConfirmedByPlace, confirmed, "，其中"));
            sb.Append('；');
            if (f.NewAsymptomatic == 0) sb.Append("无新增本土无症状感染者");
            else sb.Append($"新增本土无症状感染者{f.NewAsymptomatic}例").Append(Places(f, f.AsymptomaticByPlace, f.NewAsymptomatic, "，其中"));
            sb.Append('。');
        }
        if (f.Conversions > 0)
        {
            sb.Append($"新增确诊病例中，{f.Conversions}例为此前报告的无症状感染者转为确诊病例");
            if (f.Level != BulletinLevel.District && f.ConversionsByPlace.Count > 0)
                sb.Append('（').Append(f.ConversionsByPlace.Count == 1 ? $"均在{f.ConversionsByPlace[0].Name}" : List(f.ConversionsByPlace)).Append('）');
            sb.Append('。');
        }
        if (f.Discharged > 0 || f.ReleasedAsymptomatic > 0)
        {
            var parts = new List<string>();
            if (f.Discharged > 0) parts.Add($"治愈出院{f.Discharged}例");
            if (f.ReleasedAsymptomatic > 0) parts.Add($"解除医学观察无症状感染者{f.ReleasedAsymptomatic}例");
            sb.Append("当日").AppendJoin('，', parts).Append('。');
        }
        sb.Append($"截至{Date(f.Day)}24时，{area}累计报告本土确诊病例{f.CumulativeConfirmed}例，累计治愈出院{f.CumulativeDischarged}例");
        if (f.CumulativeDeaths > 0) sb.Append($"，累计死亡{f.CumulativeDeaths}例");
        sb.Append($"，现有确诊病例{f.CurrentConfirmed}例；累计报告本土无症状感染者{f.CumulativeAsymptomatic}例，尚在医学观察{f.AsymptomaticUnderObservation}例。");
        sb.Append(Contacts(f));
        return sb.ToString();
    }

    private static string Contacts(BulletinFigures f)
    {
        var traced = f.NewCloseContacts == 0 && f.NewSecondaryContacts == 0 ? "当日无新增追踪密切接触者"
            : f.NewSecondaryContacts == 0 ? $"当日追踪到密切接触者{f.NewCloseContacts}人"
            : $"当日追踪到密切接触者{f.NewCloseContacts}人、次密接{f.NewSecondaryContacts}人";
        var released = f.ReleasedContacts > 0 ? $"，解除医学观察{f.ReleasedContacts}人" : "";
        var under = f.SecondaryContactsUnderObservation == 0 ? $"目前尚在医学观察的密切接触者{f.CloseContactsUnderObservation}人"
            : $"目前尚在医学观察的密切接触者{f.CloseContactsUnderObservation}人、次密接{f.SecondaryContactsUnderObservation}人";
        return $"{traced}{released}；{under}。";
    }

    private static string Types(ClinicalTypes t)
    {
        var parts = new List<(string Name, int Count)> { ("轻型", t.Mild), ("普通型", t.Common), ("重型", t.Severe), ("危重型", t.Critical) }.Where(p => p.Count > 0).ToList();
        return parts.Count == 1 ? $"均为{parts[0].Name}" : string.Join('、', parts.Select(p => $"{p.Name}{p.Count}例"));
    }

    // No breakdown in a district's own bulletin; "均在X" for one place; otherwise "其中X市N例、Y市N例".
    private static string Places(BulletinFigures f, IReadOnlyList<PlaceCount> places, int total, string lead)
    {
        if (f.Level == BulletinLevel.District || places.Count == 0) return "";
        if (places.Count == 1 && places[0].Count == total) return $"，均在{places[0].Name}";
        return lead + List(places);
    }

    private static string List(IReadOnlyList<PlaceCount> places) =>
        string.Join('、', BulletinOrder.Largest(places).Select(p => $"{p.Name}{p.Count}例"));

    private static string Area(BulletinFigures f) => f.Level switch
    {
        BulletinLevel.Province => "全省",
        BulletinLevel.City => "全市",
        _ => f.AreaName.EndsWith('县') ? "全县" : "全区",
    };

    internal static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Month}月{d.Day}日");
}

/// <summary>Places in a bulletin: largest count first, then by name, so the same figures always read the same.</summary>
internal static class BulletinOrder
{
    public static IEnumerable<PlaceCount> Largest(IEnumerable<PlaceCount> places) =>
        places.Where(p => p.Count > 0).OrderByDescending(p => p.Count).ThenBy(p => p.Name, Text.CodePointOrder.Instance);
}
