using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Tests.Documents;

/// <summary>
/// A line list's words come from Documents/Messages.resx in the export's language (ADR 0020): every coded value a list
/// shows, every column title and every sheet name has a Chinese and an English text, and the English has no Chinese.
/// (Their keys are built or passed, not written as <c>Messages.Get("…")</c>, so the sources' key guard does not see them.)
/// </summary>
public sealed partial class LineLabelsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly Type[] Rows = [typeof(CaseLine), typeof(ContactLine), typeof(QuarantineLine), typeof(TestLine)];

    [Fact]
    public void Every_coded_value_a_line_list_shows_has_a_Chinese_and_an_English_word()
    {
        var enums = Rows.SelectMany(r => r.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).Where(t => t.IsEnum).Distinct().ToList();
        Assert.NotEmpty(enums);
        var values = enums.SelectMany(t => Enum.GetValues(t).Cast<Enum>()).ToList();
        Assert.Empty(values.Where(v => !Has(Chinese, LineLabels.Key(v)) || !Has(English, LineLabels.Key(v))).Select(LineLabels.Key));
        Assert.Empty(values.Where(v => Cjk().IsMatch(LineLabels.Of(v, English))).Select(LineLabels.Key));
        Assert.All(values, v => Assert.Matches(Cjk(), LineLabels.Of(v, Chinese)));
    }

    [Fact]
    public void A_value_is_worded_in_the_culture_asked_for_whatever_the_thread_s()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = English;
        try
        {
            Assert.Equal("轻型", LineLabels.Of(Domain.Tracing.CaseClass.Mild, Chinese));
            Assert.Equal("是", LineLabels.Of(true, Chinese));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        Assert.Equal("mild", LineLabels.Of(Domain.Tracing.CaseClass.Mild, English));
        Assert.Equal("no", LineLabels.Of(false, English));
    }

    [Fact]
    public void Every_column_and_sheet_has_a_title_in_both_languages()
    {
        foreach (var (zh, en) in new[]
        {
            (CaseLines.Header(Chinese), CaseLines.Header(English)),
            (ContactLines.Header(Chinese), ContactLines.Header(English)),
            (QuarantineLines.Header(Chinese), QuarantineLines.Header(English)),
            (TestLines.Header(Chinese), TestLines.Header(English)),
            (ZoneLines.Header(Chinese), ZoneLines.Header(English)),
        })
        {
            Assert.All(zh, c => Assert.Matches(Cjk(), c.Title));
            Assert.All(en, c => Assert.DoesNotMatch(Cjk(), c.Title));
            Assert.Equal(zh.Select(c => c.Kind), en.Select(c => c.Kind));
        }
        foreach (var sheet in new[] { "Exports.Sheet.Cases", "Exports.Sheet.Contacts", "Exports.Sheet.Quarantine", "Exports.Sheet.Samples", "Exports.Sheet.Zones" })
        {
            Assert.Matches(Cjk(), Messages.Get(Chinese, sheet));
            Assert.DoesNotMatch(Cjk(), Messages.Get(English, sheet));
        }
    }

    [Fact]
    public void Every_level_state_and_step_the_zone_list_shows_has_a_Chinese_and_an_English_word()
    {
        // The zone list words its values from the Zones catalogue, as the zone pages do: a level as its preset names it.
        var words = Enum.GetValues<ZonePreset>().SelectMany(p => Enum.GetValues<ZoneLevel>().Select(l => (Func<CultureInfo, string>)(c => ZoneWords.Level(p, l, c))))
            .Concat(Enum.GetValues<ZoneState>().Select(s => (Func<CultureInfo, string>)(c => ZoneWords.State(s, c))))
            .Concat(Enum.GetValues<ZoneStep>().Select(s => (Func<CultureInfo, string>)(c => ZoneWords.Step(s, c)))).ToList();
        Assert.All(words, w => Assert.Matches(Cjk(), w(Chinese)));
        Assert.All(words, w => Assert.DoesNotMatch(Cjk(), w(English)));
        Assert.Equal("高风险区", ZoneWords.Level(ZonePreset.RiskAreas, ZoneLevel.Sealed, Chinese));
        Assert.Equal("in force", ZoneWords.State(ZoneState.Active, English));
    }

    /// <summary>The key exists in the culture itself, not only by falling back to the Chinese catalogue.</summary>
    private static bool Has(CultureInfo culture, string key) =>
        Messages.Has(culture, key) && (culture.Name != "en" || !Cjk().IsMatch(Messages.Get(culture, key)));

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex Cjk();
}
