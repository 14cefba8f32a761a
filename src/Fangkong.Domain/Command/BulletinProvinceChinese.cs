namespace Fangkong.Domain.Command;

/// <summary>
/// The province style (2022) in Chinese: "3月14日0—24时，全省新增本土确诊病例N例（轻型N例、普通型N例），其中……。新增本土
/// 无症状感染者N例，其中……。" then a discharge paragraph by place, then the cumulative figures and contacts "截至24时".
/// A province says "全省"; a city or district its own name. Clauses with nothing to report are left out.
/// </summary>
public static class BulletinProvinceChinese
{
    public static string Text(BulletinFigures f, string zones = "")
    {
        var area = f.Level == BulletinLevel.Province ? "全省" : f.AreaName;
        var day = $"{BulletinChinese.Date(f.Day)}0—24时，{area}";
        return BulletinChinese.Join(New(f, day), Ended(f, day), Cumulative(f, $"截至{BulletinChinese.Date(f.Day)}24时，{area}"), zones);
    }

    private static string New(BulletinFigures f, string day)
    {
        var confirmed = f.NewConfirmed.Total;
        if (confirmed == 0 && f.NewAsymptomatic == 0) return day + "无新增本土确诊病例和无症状感染者。";
        var s = new List<string>
        {
            confirmed == 0 ? "无新增本土确诊病例。"
                : $"新增本土确诊病例{confirmed}例（{BulletinChinese.Types(f.NewConfirmed)}）{BulletinChinese.Places(f, f.ConfirmedByPlace, confirmed)}。",
        };
        if (f.NewAsymptomatic > 0) s.Add($"新增本土无症状感染者{f.NewAsymptomatic}例{BulletinChinese.Places(f, f.AsymptomaticByPlace, f.NewAsymptomatic)}。");
        if (f.Conversions > 0)
        {
            var where = f.Level == BulletinLevel.District || f.ConversionsByPlace.Count == 0 ? ""
                : f.ConversionsByPlace.Count == 1 ? $"（均在{f.ConversionsByPlace[0].Name}）" : $"（{BulletinChinese.List(f.ConversionsByPlace)}）";
            s.Add($"新增确诊病例中，{f.Conversions}例为此前报告的无症状感染者转为确诊病例{where}。");
        }
        return BulletinChinese.Paragraph(day, s);
    }

    // The discharge paragraph: discharged cases and released asymptomatic infections, by place.
    private static string Ended(BulletinFigures f, string day)
    {
        var s = new List<string>();
        if (f.Discharged > 0) s.Add($"新增治愈出院确诊病例{f.Discharged}例{BulletinChinese.Places(f, f.DischargedByPlace, f.Discharged)}。");
        if (f.ReleasedAsymptomatic > 0)
            s.Add($"新增解除隔离医学观察无症状感染者{f.ReleasedAsymptomatic}例{BulletinChinese.Places(f, f.ReleasedAsymptomaticByPlace, f.ReleasedAsymptomatic)}。");
        return BulletinChinese.Paragraph(day, s);
    }

    private static string Cumulative(BulletinFigures f, string lead)
    {
        var s = new List<string>();
        if (f.CumulativeConfirmed > 0)
        {
            var discharged = f.CumulativeDischarged > 0 ? $"，累计治愈出院{f.CumulativeDischarged}例" : "";
            var deaths = f.CumulativeDeaths > 0 ? $"，累计死亡{f.CumulativeDeaths}例" : "";
            s.Add($"累计报告本土确诊病例{f.CumulativeConfirmed}例{discharged}{deaths}，现有确诊病例{f.CurrentConfirmed}例。");
        }
        if (f.CumulativeAsymptomatic > 0)
            s.Add($"累计报告本土无症状感染者{f.CumulativeAsymptomatic}例" + (f.AsymptomaticUnderObservation > 0 ? $"，尚在医学观察{f.AsymptomaticUnderObservation}例。" : "。"));
        if (f.CumulativeCloseContacts > 0) s.Add(Contacts("密切接触者", f.CumulativeCloseContacts, f.CumulativeCloseContactsReleased, f.CloseContactsUnderObservation));
        if (f.CumulativeSecondaryContacts > 0) s.Add(Contacts("次密切接触者", f.CumulativeSecondaryContacts, f.CumulativeSecondaryContactsReleased, f.SecondaryContactsUnderObservation));
        return BulletinChinese.Paragraph(lead, s);
    }

    private static string Contacts(string grade, int traced, int released, int under) =>
        $"累计追踪{grade}{traced}人" + (released > 0 ? $"，已解除医学观察{released}人" : "") + (under > 0 ? $"，尚在医学观察{under}人" : "") + "。";
}
