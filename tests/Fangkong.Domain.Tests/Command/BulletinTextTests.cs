using Fangkong.Domain.Command;

namespace Fangkong.Domain.Tests.Command;

/// <summary>
/// The province style (2022) for hand-made days, character by character in both languages: zero days, one place, places
/// in the office's order with empty ones left out, conversions, the discharge paragraph, cumulative contacts.
/// </summary>
public sealed class BulletinTextTests
{
    private static readonly PlaceCount Longshan = new("龙山区", "Longshan District", 0, 1);
    private static readonly PlaceCount Dongfeng = new("东丰县", "Dongfeng County", 0, 3);
    private static readonly PlaceCount Changchun = new("长春市", "Changchun", 0, 1);
    private static readonly PlaceCount Jilin = new("吉林市", "Jilin City", 0, 2);
    private static readonly PlaceCount Siping = new("四平市", "Siping", 0, 3);
    private static readonly PlaceCount Liaoyuan = new("辽源市", "Liaoyuan", 0, 4);
    private static readonly PlaceCount Baishan = new("白山市", "Baishan", 0, 6);
    private static readonly PlaceCount Songyuan = new("松原市", "Songyuan", 0, 7);
    private static readonly PlaceCount Baicheng = new("白城市", "Baicheng", 0, 8);
    private static readonly PlaceCount Yanbian = new("延边州", "Yanbian", 0, 9);

    private static BulletinFigures City(Func<BulletinFigures, BulletinFigures>? change = null)
    {
        var f = new BulletinFigures
        {
            Day = new DateOnly(2022, 3, 14),
            Level = BulletinLevel.City,
            AreaName = "辽源市",
            AreaEnglishName = "Liaoyuan",
            CumulativeConfirmed = 40,
            CumulativeDischarged = 10,
            CumulativeAsymptomatic = 25,
            AsymptomaticUnderObservation = 20,
        };
        return change is null ? f : change(f);
    }

    private static string Zh(BulletinFigures f) => BulletinChinese.Text(f, BulletinStyle.Province);

    private static string En(BulletinFigures f) => BulletinEnglish.Text(f, BulletinStyle.Province);

    [Fact]
    public void A_day_without_new_infections_says_so_in_one_sentence_and_names_the_city()
    {
        var f = City(x => x with { CumulativeCloseContacts = 350, CumulativeCloseContactsReleased = 50, CloseContactsUnderObservation = 300 });
        Assert.Equal("3月14日0—24时，辽源市无新增本土确诊病例和无症状感染者。\n"
            + "截至3月14日24时，辽源市累计报告本土确诊病例40例，累计治愈出院10例，现有确诊病例30例。累计报告本土无症状感染者25例，尚在医学观察20例。"
            + "累计追踪密切接触者350人，已解除医学观察50人，尚在医学观察300人。", Zh(f));
        Assert.Equal("From 0:00 to 24:00 on 14 March 2022, Liaoyuan reported no new locally transmitted confirmed cases or asymptomatic infections.\n"
            + "By 24:00 on 14 March 2022, Liaoyuan had reported 40 local confirmed cases in total, 10 discharged, 30 still under treatment. "
            + "It had reported 25 local asymptomatic infections in total, 20 still under medical observation. "
            + "It had traced 350 close contacts in total, 50 released from medical observation, 300 still under medical observation.", En(f));
    }

    [Fact]
    public void Only_new_confirmed_cases_leave_the_asymptomatic_and_contact_clauses_out()
    {
        var f = City(x => x with { NewConfirmed = new ClinicalTypes(5, 0, 0, 0), ConfirmedByPlace = [Longshan with { Count = 5 }] });
        Assert.Equal("3月14日0—24时，辽源市新增本土确诊病例5例（均为轻型），均在龙山区。\n"
            + "截至3月14日24时，辽源市累计报告本土确诊病例40例，累计治愈出院10例，现有确诊病例30例。累计报告本土无症状感染者25例，尚在医学观察20例。", Zh(f));
        Assert.Equal("From 0:00 to 24:00 on 14 March 2022, Liaoyuan reported 5 new locally transmitted confirmed cases (all mild), all in Longshan District.\n"
            + "By 24:00 on 14 March 2022, Liaoyuan had reported 40 local confirmed cases in total, 10 discharged, 30 still under treatment. "
            + "It had reported 25 local asymptomatic infections in total, 20 still under medical observation.", En(f));
    }

    [Fact]
    public void A_province_lists_cities_in_the_offices_order_without_the_empty_ones_with_the_discharge_paragraph_and_cumulative_contacts()
    {
        var f = new BulletinFigures
        {
            Day = new DateOnly(2022, 4, 21),
            Level = BulletinLevel.Province,
            AreaName = "吉林省",
            AreaEnglishName = "Jilin",
            NewConfirmed = new ClinicalTypes(57, 4, 1, 0),
            ConfirmedByPlace = [Yanbian with { Count = 4 }, Changchun with { Count = 53 }, Jilin with { Count = 5 }, Liaoyuan],
            NewAsymptomatic = 244,
            AsymptomaticByPlace = [Changchun with { Count = 211 }, Yanbian with { Count = 14 }, Jilin with { Count = 12 }, Baicheng with { Count = 6 }, Songyuan with { Count = 1 }],
            Conversions = 25,
            ConversionsByPlace = [Changchun with { Count = 25 }],
            Discharged = 873,
            DischargedByPlace = [Jilin with { Count = 444 }, Changchun with { Count = 404 }, Baicheng with { Count = 13 }, Siping with { Count = 11 }, Baishan with { Count = 1 }],
            ReleasedAsymptomatic = 1141,
            ReleasedAsymptomaticByPlace = [Changchun with { Count = 669 }, Jilin with { Count = 470 }, Liaoyuan with { Count = 1 }, Baishan with { Count = 1 }],
            CumulativeConfirmed = 2000,
            CumulativeDischarged = 1500,
            CumulativeDeaths = 2,
            CumulativeAsymptomatic = 3000,
            AsymptomaticUnderObservation = 900,
            CumulativeCloseContacts = 12000,
            CumulativeCloseContactsReleased = 9000,
            CloseContactsUnderObservation = 3000,
            CumulativeSecondaryContacts = 20000,
            CumulativeSecondaryContactsReleased = 15000,
            SecondaryContactsUnderObservation = 5000,
        };
        Assert.Equal("4月21日0—24时，全省新增本土确诊病例62例（轻型57例、普通型4例、重型1例），其中长春市53例、吉林市5例、延边州4例。"
            + "新增本土无症状感染者244例，其中长春市211例、吉林市12例、松原市1例、白城市6例、延边州14例。"
            + "新增确诊病例中，25例为此前报告的无症状感染者转为确诊病例（均在长春市）。\n"
            + "4月21日0—24时，全省新增治愈出院确诊病例873例，其中长春市404例、吉林市444例、四平市11例、白山市1例、白城市13例。"
            + "新增解除隔离医学观察无症状感染者1141例，其中长春市669例、吉林市470例、辽源市1例、白山市1例。\n"
            + "截至4月21日24时，全省累计报告本土确诊病例2000例，累计治愈出院1500例，累计死亡2例，现有确诊病例498例。累计报告本土无症状感染者3000例，尚在医学观察900例。"
            + "累计追踪密切接触者12000人，已解除医学观察9000人，尚在医学观察3000人。累计追踪次密切接触者20000人，已解除医学观察15000人，尚在医学观察5000人。", Zh(f));
        Assert.Equal("From 0:00 to 24:00 on 21 April 2022, the province reported 62 new locally transmitted confirmed cases (57 mild, 4 common, 1 severe): 53 in Changchun, 5 in Jilin City, 4 in Yanbian. "
            + "244 new local asymptomatic infections were reported: 211 in Changchun, 12 in Jilin City, 1 in Songyuan, 6 in Baicheng, 14 in Yanbian. "
            + "Of the new confirmed cases, 25 were asymptomatic infections reported earlier (all in Changchun).\n"
            + "From 0:00 to 24:00 on 21 April 2022, 873 confirmed cases were discharged from hospital: 404 in Changchun, 444 in Jilin City, 11 in Siping, 1 in Baishan, 13 in Baicheng. "
            + "1,141 asymptomatic infections were released from medical observation: 669 in Changchun, 470 in Jilin City, 1 in Liaoyuan, 1 in Baishan.\n"
            + "By 24:00 on 21 April 2022, the province had reported 2,000 local confirmed cases in total, 1,500 discharged, 2 deaths, 498 still under treatment. "
            + "It had reported 3,000 local asymptomatic infections in total, 900 still under medical observation. "
            + "It had traced 12,000 close contacts in total, 9,000 released from medical observation, 3,000 still under medical observation. "
            + "It had traced 20,000 secondary contacts in total, 15,000 released from medical observation, 5,000 still under medical observation.", En(f));
        Assert.Equal("吉林省新冠肺炎疫情情况通报（4月21日）", BulletinChinese.Title(f, BulletinStyle.Province));
        Assert.Equal("COVID-19 situation in Jilin, 21 April 2022", BulletinEnglish.Title(f, BulletinStyle.Province));
    }

    [Fact]
    public void Only_asymptomatic_infections_a_single_conversion_place_and_the_days_zones_as_a_paragraph()
    {
        var f = City(x => x with { NewAsymptomatic = 1, AsymptomaticByPlace = [Dongfeng with { Count = 1 }], Conversions = 1, ConversionsByPlace = [Dongfeng with { Count = 1 }], NewConfirmed = new ClinicalTypes(0, 1, 0, 0), ConfirmedByPlace = [Dongfeng with { Count = 1 }] });
        var zh = BulletinChinese.Text(f, BulletinStyle.Province, "当日新划定封控区1个：福民小区。");
        Assert.StartsWith("3月14日0—24时，辽源市新增本土确诊病例1例（均为普通型），均在东丰县。新增本土无症状感染者1例，均在东丰县。新增确诊病例中，1例为此前报告的无症状感染者转为确诊病例（均在东丰县）。\n", zh);
        Assert.EndsWith("尚在医学观察20例。\n当日新划定封控区1个：福民小区。", zh);
        Assert.StartsWith("From 0:00 to 24:00 on 14 March 2022, Liaoyuan reported 1 new locally transmitted confirmed case (all common), all in Dongfeng County. 1 new local asymptomatic infection was reported, all in Dongfeng County. Of the new confirmed cases, 1 was an asymptomatic infection reported earlier (all in Dongfeng County).\n", En(f));
        var none = City(x => x with { NewAsymptomatic = 2, AsymptomaticByPlace = [Longshan with { Count = 2 }] });
        Assert.StartsWith("3月14日0—24时，辽源市无新增本土确诊病例。新增本土无症状感染者2例，均在龙山区。\n截至", Zh(none));
        Assert.StartsWith("From 0:00 to 24:00 on 14 March 2022, Liaoyuan reported no new locally transmitted confirmed cases. 2 new local asymptomatic infections were reported, all in Longshan District.\nBy", En(none));
    }

    [Fact]
    public void Places_in_the_same_position_follow_the_stores_name_order_also_with_rare_characters()
    {
        // 𬌗 (U+2C317) is a surrogate pair, 﨑 (U+FA11) is not: UTF-16 ordinal order would put 𬌗 first, code points (the
        // order both stores sort names in) put 﨑 first.
        var f = City(x => x with
        {
            NewConfirmed = new ClinicalTypes(3, 0, 0, 0),
            ConfirmedByPlace = [new("𬌗村", "Village A", 1), new("﨑村", "Village B", 2)],
        });
        Assert.StartsWith("3月14日0—24时，辽源市新增本土确诊病例3例（均为轻型），其中﨑村2例、𬌗村1例。", Zh(f));
    }

    [Fact]
    public void A_district_bulletin_names_no_places()
    {
        var district = City(x => x with { Level = BulletinLevel.District, AreaName = "东丰县", AreaEnglishName = "Dongfeng County", NewConfirmed = new ClinicalTypes(3, 0, 0, 0), ConfirmedByPlace = [Dongfeng with { Count = 3 }] });
        Assert.StartsWith("3月14日0—24时，东丰县新增本土确诊病例3例（均为轻型）。\n截至3月14日24时，东丰县累计报告", Zh(district));
        Assert.StartsWith("From 0:00 to 24:00 on 14 March 2022, Dongfeng County reported 3 new locally transmitted confirmed cases (all mild).\nBy 24:00 on 14 March 2022, Dongfeng County had reported", En(district));
    }
}
