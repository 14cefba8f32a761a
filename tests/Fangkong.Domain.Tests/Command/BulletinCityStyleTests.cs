using Fangkong.Domain.Command;

namespace Fangkong.Domain.Tests.Command;

/// <summary>
/// The city style (2020) for hand-made days, character by character in both languages: confirmed and suspected
/// accounting, "无新增确诊病例" said plainly, the reminder, the signing office and the publication date.
/// </summary>
public sealed class BulletinCityStyleTests
{
    private const string ReminderZh = "请广大市民特别是返乡返岗人员继续做好个人防护，主动向所在社区（村）报告旅居史，如出现发热、咳嗽等症状，及时到发热门诊就诊。";
    private const string ReminderEn = "Residents, and above all those returning home or to work, are asked to keep protecting themselves, to report their travel history to their community (village), and to see a fever clinic promptly if they develop fever, cough or similar symptoms.";
    private const string SignedZh = "辽源市新冠肺炎疫情防控工作领导小组办公室\n2020年2月4日";
    private const string SignedEn = "Office of the Liaoyuan COVID-19 Prevention and Control Leading Group\n4 February 2020";

    private static readonly PlaceCount Longshan = new("龙山区", "Longshan District", 0, 1);
    private static readonly PlaceCount Xian = new("西安区", "Xi'an District", 0, 2);
    private static readonly PlaceCount Dongfeng = new("东丰县", "Dongfeng County", 0, 3);

    private static BulletinFigures City(Func<BulletinFigures, BulletinFigures> change) => change(new BulletinFigures
    {
        Day = new DateOnly(2020, 2, 3),
        Level = BulletinLevel.City,
        AreaName = "辽源市",
        AreaEnglishName = "Liaoyuan",
        CumulativeConfirmed = 5,
        CumulativeDischarged = 2,
    });

    private static string Zh(BulletinFigures f) => BulletinChinese.Text(f, BulletinStyle.City);

    private static string En(BulletinFigures f) => BulletinEnglish.Text(f, BulletinStyle.City);

    [Fact]
    public void A_new_suspected_case_and_no_new_confirmed_case_with_the_whole_accounting()
    {
        var f = City(x => x with
        {
            NewSuspected = 1,
            CumulativeSuspected = 12,
            SuspectedExcluded = 8,
            SuspectedConverted = 3,
            CumulativeCloseContacts = 120,
            CumulativeCloseContactsReleased = 80,
            CloseContactsUnderObservation = 40,
            InCentralizedIsolation = 35,
            InHomeIsolation = 210,
            ScreenedToday = 1500,
            ScreenedCumulative = 42000,
        });
        Assert.Equal("2020年2月3日0—24时，辽源市无新增确诊病例，新增疑似病例1例。\n"
            + "截至2020年2月3日24时，辽源市累计报告确诊病例5例，累计治愈出院2例，现有在院治疗3例。累计报告疑似病例12例，已排除8例，转为确诊病例3例，现有疑似病例1例。"
            + "累计追踪密切接触者120人，已解除医学观察80人，尚有40人正在接受医学观察。集中隔离医学观察35人，居家隔离医学观察210人。当日核酸筛查1500人次，累计筛查42000人次。\n"
            + ReminderZh + "\n" + SignedZh, Zh(f));
        Assert.Equal("From 0:00 to 24:00 on 3 February 2020, Liaoyuan reported no new confirmed cases and 1 new suspected case.\n"
            + "By 24:00 on 3 February 2020, Liaoyuan had reported 5 confirmed cases in total, 2 discharged, 3 in hospital. "
            + "It had reported 12 suspected cases in total, 8 excluded, 3 confirmed, 1 still suspected. "
            + "It had traced 120 close contacts in total, 80 released from medical observation, 40 still under medical observation. "
            + "It had 35 people in centralized isolation and 210 people in home isolation. "
            + "It had screened 1,500 people that day and 42,000 in total (person-times).\n"
            + ReminderEn + "\n" + SignedEn, En(f));
        Assert.Equal("辽源市新冠肺炎疫情通报（2020年2月4日公布）", BulletinChinese.Title(f, BulletinStyle.City));
        Assert.Equal("COVID-19 bulletin of Liaoyuan, published 4 February 2020", BulletinEnglish.Title(f, BulletinStyle.City));
    }

    [Fact]
    public void A_zero_new_day_says_so_plainly_and_no_suspected_case_is_left()
    {
        var f = City(x => x with { CumulativeDischarged = 5, CumulativeSuspected = 4, SuspectedExcluded = 4 });
        Assert.Equal("2020年2月3日0—24时，辽源市无新增确诊病例和疑似病例。\n"
            + "截至2020年2月3日24时，辽源市累计报告确诊病例5例，累计治愈出院5例，现有在院治疗0例。累计报告疑似病例4例，已排除4例，现无疑似病例。\n"
            + ReminderZh + "\n" + SignedZh, Zh(f));
        Assert.Equal("From 0:00 to 24:00 on 3 February 2020, Liaoyuan reported no new confirmed or suspected cases.\n"
            + "By 24:00 on 3 February 2020, Liaoyuan had reported 5 confirmed cases in total, 5 discharged, 0 in hospital. "
            + "It had reported 4 suspected cases in total, 4 excluded, none still suspected.\n"
            + ReminderEn + "\n" + SignedEn, En(f));
    }

    [Fact]
    public void New_confirmed_cases_by_district_in_the_offices_order_without_the_empty_one_then_new_suspected_cases()
    {
        var f = City(x => x with
        {
            NewConfirmed = new ClinicalTypes(2, 1, 0, 0),
            ConfirmedByPlace = [Dongfeng with { Count = 1 }, Xian, Longshan with { Count = 2 }],
            NewSuspected = 2,
            CumulativeConfirmed = 8,
            CumulativeSuspected = 2,
            CumulativeDeaths = 1,
        });
        Assert.Equal("2020年2月3日0—24时，辽源市新增确诊病例3例（轻型2例、普通型1例），其中龙山区2例、东丰县1例。新增疑似病例2例。\n"
            + "截至2020年2月3日24时，辽源市累计报告确诊病例8例，累计治愈出院2例，累计死亡1例，现有在院治疗5例。累计报告疑似病例2例，现有疑似病例2例。\n"
            + ReminderZh + "\n" + SignedZh, Zh(f));
        Assert.Equal("From 0:00 to 24:00 on 3 February 2020, Liaoyuan reported 3 new confirmed cases (2 mild, 1 common): 2 in Longshan District, 1 in Dongfeng County. 2 new suspected cases were reported.\n"
            + "By 24:00 on 3 February 2020, Liaoyuan had reported 8 confirmed cases in total, 2 discharged, 1 death, 5 in hospital. "
            + "It had reported 2 suspected cases in total, 2 still suspected.\n"
            + ReminderEn + "\n" + SignedEn, En(f));
    }
}
