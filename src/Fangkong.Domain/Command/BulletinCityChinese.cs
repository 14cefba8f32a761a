namespace Fangkong.Domain.Command;

/// <summary>
/// The city style (2020) in Chinese: "2020年2月3日0—24时，X市无新增确诊病例，新增疑似病例1例。" then "截至24时" the
/// confirmed cases (cumulative, discharged, in hospital), the suspected cases (cumulative, excluded, converted, current),
/// contacts, isolation and screening; a reminder to returnees; signed by the city's leading group office with the
/// publication date (the day after). The area is named by its own name throughout.
/// </summary>
public static class BulletinCityChinese
{
    public const string Reminder = "请广大市民特别是返乡返岗人员继续做好个人防护，主动向所在社区（村）报告旅居史，如出现发热、咳嗽等症状，及时到发热门诊就诊。";

    public static string Office(BulletinFigures f) => $"{f.AreaName}新冠肺炎疫情防控工作领导小组办公室";

    public static string Text(BulletinFigures f, string zones = "")
    {
        var date = BulletinChinese.LongDate(f.Day);
        return BulletinChinese.Join(New(f, $"{date}0—24时，{f.AreaName}"), Cumulative(f, $"截至{date}24时，{f.AreaName}"), zones,
            Reminder, Office(f) + "\n" + BulletinChinese.LongDate(f.Day.AddDays(1)));
    }

    private static string New(BulletinFigures f, string lead)
    {
        var confirmed = f.NewConfirmed.Total;
        var s = new List<string>();
        if (confirmed == 0) s.Add(f.NewSuspected == 0 ? "无新增确诊病例和疑似病例。" : $"无新增确诊病例，新增疑似病例{f.NewSuspected}例。");
        else
        {
            s.Add($"新增确诊病例{confirmed}例（{BulletinChinese.Types(f.NewConfirmed)}）{BulletinChinese.Places(f, f.ConfirmedByPlace, confirmed)}。");
            if (f.NewSuspected > 0) s.Add($"新增疑似病例{f.NewSuspected}例。");
        }
        if (f.NewAsymptomatic > 0) s.Add($"新增无症状感染者{f.NewAsymptomatic}例。");
        return BulletinChinese.Paragraph(lead, s);
    }

    private static string Cumulative(BulletinFigures f, string lead)
    {
        var s = new List<string>();
        if (f.CumulativeConfirmed > 0)
        {
            var discharged = f.CumulativeDischarged > 0 ? $"，累计治愈出院{f.CumulativeDischarged}例" : "";
            var deaths = f.CumulativeDeaths > 0 ? $"，累计死亡{f.CumulativeDeaths}例" : "";
            s.Add($"累计报告确诊病例{f.CumulativeConfirmed}例{discharged}{deaths}，现有在院治疗{f.CurrentConfirmed}例。");
        }
        if (f.CumulativeSuspected > 0)
        {
            var excluded = f.SuspectedExcluded > 0 ? $"，已排除{f.SuspectedExcluded}例" : "";
            var converted = f.SuspectedConverted > 0 ? $"，转为确诊病例{f.SuspectedConverted}例" : "";
            var current = f.CurrentSuspected > 0 ? $"，现有疑似病例{f.CurrentSuspected}例" : "，现无疑似病例";
            s.Add($"累计报告疑似病例{f.CumulativeSuspected}例{excluded}{converted}{current}。");
        }
        if (f.CumulativeCloseContacts > 0)
            s.Add($"累计追踪密切接触者{f.CumulativeCloseContacts}人" + (f.CumulativeCloseContactsReleased > 0 ? $"，已解除医学观察{f.CumulativeCloseContactsReleased}人" : "")
                + (f.CloseContactsUnderObservation > 0 ? $"，尚有{f.CloseContactsUnderObservation}人正在接受医学观察。" : "。"));
        if (f.InCentralizedIsolation > 0 || f.InHomeIsolation > 0)
            s.Add(string.Join('，', new[] { (f.InCentralizedIsolation, "集中隔离医学观察"), (f.InHomeIsolation, "居家隔离医学观察") }
                .Where(x => x.Item1 > 0).Select(x => $"{x.Item2}{x.Item1}人")) + "。");
        if (f.ScreenedCumulative > 0)
            s.Add((f.ScreenedToday > 0 ? $"当日核酸筛查{f.ScreenedToday}人次，" : "") + $"累计筛查{f.ScreenedCumulative}人次。");
        if (f.SupplyOrders > 0)
            s.Add($"当日保供订单{f.SupplyOrdersToday}单，累计{f.SupplyOrders}单；已送达{f.SupplyHouseholdsServed}户，配送物资包{f.SupplyPacksDelivered}份（{Weight(f.SupplyKgDelivered)}）"
                + (f.SupplyOrdersOverdue > 0 ? $"，超时未送达{f.SupplyOrdersOverdue}单。" : "。"));
        if (f.RequestsReceived > 0)
            s.Add($"当日受理群众诉求{f.RequestsReceivedToday}件，办结{f.RequestsResolvedToday}件；累计受理{f.RequestsReceived}件，办结{f.RequestsResolved}件"
                + (f.RequestsOverdue > 0 ? $"，超期未办结{f.RequestsOverdue}件。" : "。"));
        return BulletinChinese.Paragraph(lead, s);
    }

    /// <summary>Kilograms as the press reads them: tonnes from one tonne up ("698吨"), kilograms below.</summary>
    private static string Weight(decimal kg) =>
        kg >= 1000 ? (kg / 1000).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "吨" : kg.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "公斤";
}
