using Fangkong.Domain.Command;

namespace Fangkong.Domain.Tests.Command;

/// <summary>The bulletin's wording for hand-made days: zero days, one place, many places, conversions, both languages.</summary>
public sealed class BulletinTextTests
{
    private static readonly PlaceCount Longshan = new("龙山区", "Longshan District", 0);
    private static readonly PlaceCount Xian = new("西安区", "Xi'an District", 0);
    private static readonly PlaceCount Dongfeng = new("东丰县", "Dongfeng County", 0);

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
            CloseContactsUnderObservation = 300,
        };
        return change is null ? f : change(f);
    }

    [Fact]
    public void A_day_without_new_infections_says_so_in_one_clause()
    {
        var f = City();
        Assert.Equal("3月14日0—24时，全市无新增本土确诊病例和无症状感染者。截至3月14日24时，全市累计报告本土确诊病例40例，累计治愈出院10例，现有确诊病例30例；累计报告本土无症状感染者25例，尚在医学观察20例。当日无新增追踪密切接触者；目前尚在医学观察的密切接触者300人。",
            BulletinChinese.Text(f));
        Assert.Equal("From 0:00 to 24:00 on 14 March 2022, the city reported no new locally transmitted confirmed cases or asymptomatic infections. By 24:00 on 14 March 2022, the city had reported 40 local confirmed cases in total, 10 discharged, 30 still under treatment; and 25 local asymptomatic infections, 20 still under medical observation. No new close contacts were traced that day; 300 close contacts remain under medical observation.",
            BulletinEnglish.Text(f));
    }

    [Fact]
    public void Cases_in_one_place_are_all_in_it_and_a_single_clinical_type_is_all_of_them()
    {
        var f = City(x => x with
        {
            NewConfirmed = new ClinicalTypes(5, 0, 0, 0),
            ConfirmedByPlace = [Longshan with { Count = 5 }],
            NewCloseContacts = 1,
            CloseContactsUnderObservation = 1,
        });
        var zh = BulletinChinese.Text(f);
        Assert.StartsWith("3月14日0—24时，全市新增本土确诊病例5例（均为轻型），均在龙山区；无新增本土无症状感染者。", zh);
        Assert.EndsWith("当日追踪到密切接触者1人；目前尚在医学观察的密切接触者1人。", zh);
        var en = BulletinEnglish.Text(f);
        Assert.StartsWith("From 0:00 to 24:00 on 14 March 2022, the city reported 5 new locally transmitted confirmed cases (all mild), all in Longshan District; and no new local asymptomatic infections.", en);
        Assert.EndsWith("1 close contact was traced that day; 1 close contact remains under medical observation.", en);
    }

    [Fact]
    public void Many_places_are_listed_largest_first_with_types_conversions_discharges_and_contacts()
    {
        var f = City(x => x with
        {
            NewConfirmed = new ClinicalTypes(10, 2, 0, 1),
            ConfirmedByPlace = [Xian with { Count = 4 }, Longshan with { Count = 8 }, Dongfeng with { Count = 1 }],
            NewAsymptomatic = 30,
            AsymptomaticByPlace = [Longshan with { Count = 20 }, Xian with { Count = 10 }],
            Conversions = 3,
            ConversionsByPlace = [Longshan with { Count = 2 }, Xian with { Count = 1 }],
            Discharged = 2,
            ReleasedAsymptomatic = 4,
            CumulativeDeaths = 1,
            NewCloseContacts = 120,
            NewSecondaryContacts = 340,
            ReleasedContacts = 15,
            SecondaryContactsUnderObservation = 500,
        });
        Assert.Equal("3月14日0—24时，全市新增本土确诊病例13例（轻型10例、普通型2例、危重型1例），其中龙山区8例、西安区4例、东丰县1例；新增本土无症状感染者30例，其中龙山区20例、西安区10例。"
            + "新增确诊病例中，3例为此前报告的无症状感染者转为确诊病例（龙山区2例、西安区1例）。当日治愈出院2例，解除医学观察无症状感染者4例。"
            + "截至3月14日24时，全市累计报告本土确诊病例40例，累计治愈出院10例，累计死亡1例，现有确诊病例29例；累计报告本土无症状感染者25例，尚在医学观察20例。"
            + "当日追踪到密切接触者120人、次密接340人，解除医学观察15人；目前尚在医学观察的密切接触者300人、次密接500人。", BulletinChinese.Text(f));
        Assert.Equal("From 0:00 to 24:00 on 14 March 2022, the city reported 13 new locally transmitted confirmed cases (10 mild, 2 common, 1 critical): 8 in Longshan District, 4 in Xi'an District, 1 in Dongfeng County; "
            + "and 30 new local asymptomatic infections: 20 in Longshan District, 10 in Xi'an District. Of the new confirmed cases, 3 were asymptomatic infections reported earlier (2 in Longshan District, 1 in Xi'an District). "
            + "That day 2 patients were discharged from hospital and 4 asymptomatic infections released from medical observation. By 24:00 on 14 March 2022, the city had reported 40 local confirmed cases in total, 10 discharged, 1 death, 29 still under treatment; "
            + "and 25 local asymptomatic infections, 20 still under medical observation. 120 close contacts and 340 secondary contacts were traced that day, 15 released from medical observation; 300 close contacts and 500 secondary contacts remain under medical observation.",
            BulletinEnglish.Text(f));
    }

    [Fact]
    public void Only_asymptomatic_infections_and_a_single_conversion_place()
    {
        var f = City(x => x with { NewAsymptomatic = 1, AsymptomaticByPlace = [Dongfeng with { Count = 1 }], Conversions = 1, ConversionsByPlace = [Dongfeng with { Count = 1 }], NewConfirmed = new ClinicalTypes(0, 1, 0, 0), ConfirmedByPlace = [Dongfeng with { Count = 1 }] });
        var zh = BulletinChinese.Text(f);
        Assert.StartsWith("3月14日0—24时，全市新增本土确诊病例1例（均为普通型），均在东丰县；新增本土无症状感染者1例，均在东丰县。新增确诊病例中，1例为此前报告的无症状感染者转为确诊病例（均在东丰县）。", zh);
        Assert.Contains("1 new locally transmitted confirmed case (all common), all in Dongfeng County; and 1 new local asymptomatic infection, all in Dongfeng County. Of the new confirmed cases, 1 was an asymptomatic infection reported earlier (all in Dongfeng County).", BulletinEnglish.Text(f));
        var none = City(x => x with { NewAsymptomatic = 2, AsymptomaticByPlace = [Longshan with { Count = 2 }] });
        Assert.StartsWith("3月14日0—24时，全市无新增本土确诊病例；新增本土无症状感染者2例，均在龙山区。", BulletinChinese.Text(none));
    }

    [Fact]
    public void Places_with_equal_counts_follow_the_stores_name_order_also_with_rare_characters()
    {
        // 𬌗 (U+2C317) is a surrogate pair, 﨑 (U+FA11) is not: UTF-16 ordinal order would put 𬌗 first, code points (the
        // order both stores sort names in) put 﨑 first.
        var f = City(x => x with
        {
            NewConfirmed = new ClinicalTypes(2, 0, 0, 0),
            ConfirmedByPlace = [new("𬌗村", "Village A", 1), new("﨑村", "Village B", 1)],
        });
        Assert.StartsWith("3月14日0—24时，全市新增本土确诊病例2例（均为轻型），其中﨑村1例、𬌗村1例；", BulletinChinese.Text(f));
    }

    [Fact]
    public void A_district_bulletin_names_no_places_and_a_province_says_the_province()
    {
        var district = City(x => x with { Level = BulletinLevel.District, AreaName = "东丰县", AreaEnglishName = "Dongfeng County", NewConfirmed = new ClinicalTypes(3, 0, 0, 0), ConfirmedByPlace = [Dongfeng with { Count = 3 }] });
        Assert.StartsWith("3月14日0—24时，全县新增本土确诊病例3例（均为轻型）；无新增", BulletinChinese.Text(district));
        Assert.StartsWith("From 0:00 to 24:00 on 14 March 2022, Dongfeng County reported 3 new locally transmitted confirmed cases (all mild); and no new", BulletinEnglish.Text(district));
        var province = City(x => x with { Level = BulletinLevel.Province, AreaName = "吉林省", AreaEnglishName = "Jilin", NewConfirmed = new ClinicalTypes(0, 7, 0, 0), ConfirmedByPlace = [new("辽源市", "Liaoyuan", 7)] });
        Assert.StartsWith("3月14日0—24时，全省新增本土确诊病例7例（均为普通型），均在辽源市；", BulletinChinese.Text(province));
        Assert.Equal("吉林省新冠肺炎疫情情况通报（3月14日）", BulletinChinese.Title(province));
    }
}
