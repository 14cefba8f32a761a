using System.Globalization;
using System.Text.RegularExpressions;
using Fangkong.Core.Common;

namespace Fangkong.Web.Tests.Text;

/// <summary>
/// User-facing text comes one way (ADR 0020): a key in a .resx catalogue resolved in the reader's culture. This guard
/// fails on a "中文 / English" literal anywhere in the sources (the old way, split on " / " by the page) and on a
/// <c>Messages.Get("…")</c> or <c>new Message("…")</c> whose key is missing from Core's catalogue in either language.
/// </summary>
public sealed partial class OneTextMechanismTests
{
    private static readonly string Root = FindRoot();
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void No_source_file_words_a_sentence_as_a_bilingual_literal()
    {
        var bad = Sources().SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Bilingual().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Every_message_key_in_the_sources_has_Chinese_and_English_text()
    {
        var keys = Sources().SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).Distinct().ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !Messages.Has(Chinese, k) || !Messages.Has(English, k)).ToList();
        Assert.Empty(missing);
        // English comes from the .en catalogue, not the Chinese fallback.
        var chineseInEnglish = keys.Where(k => Cjk().IsMatch(Messages.Get(English, k, Placeholders()))).ToList();
        Assert.Empty(chineseInEnglish);
    }

    [Fact]
    public void The_guard_sees_a_bilingual_literal() =>
        Assert.Matches(Bilingual(), "throw new InputException(\"x\", \"日期无效 / the date is not valid\");");

    private static object?[] Placeholders() => Enumerable.Repeat<object?>("x", 8).ToArray();

    private static IEnumerable<string> Sources() => Directory.GetFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
        .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    /// <summary>A string literal with a Chinese character, then " / ", then English.</summary>
    [GeneratedRegex(@"""[^""]*[\u3400-\u9fff][^""]* / [^""]*[A-Za-z][^""]*""")]
    private static partial Regex Bilingual();

    [GeneratedRegex(@"(?:Messages\.Get\((?:[A-Za-z_.]+, )?|new Message\()""(?<key>[A-Z][A-Za-z]+\.[A-Za-z0-9_.]+)""")]
    private static partial Regex Key();

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex Cjk();
}
