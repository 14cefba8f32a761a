using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fangkong.Web.Tests.Text;

/// <summary>
/// Chinese text uses full-width punctuation (，。：；？！（）): every Chinese resource string, and the Chinese half of
/// every "中文 / English" message and label in the sources. Half-width punctuation next to a Chinese character is the
/// mark of a slip ("已解除隔离,无需打卡", "今日(12月2日)").
/// </summary>
public sealed partial class ChineseTextTests
{
    private static readonly string Root = FindRoot();

    /// <summary>English strings that must name Chinese words a user types or uploads (the lab's CSV accepts 阴性/阳性).</summary>
    private static readonly HashSet<string> QuotesChineseInput = ["Lab.ImportHint"];

    [Fact]
    public void Chinese_resource_strings_use_full_width_punctuation()
    {
        var bad = Directory.GetFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Contains(".en.", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (File: Path.GetFileName(f), Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")))
            .Where(x => HalfWidth(x.Value) || Placeholder().IsMatch(x.Value))
            .Select(x => $"{x.File} {x.Key}: {x.Value}").ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void English_resource_strings_have_no_Chinese_and_every_key_has_both_languages()
    {
        foreach (var zh in Directory.GetFiles(Path.Combine(Root, "src", "Fangkong.Web", "Resources"), "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)))
        {
            var en = zh[..^".resx".Length] + ".en.resx";
            var zhKeys = Keys(zh);
            var enValues = XDocument.Load(en).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
            Assert.Empty(zhKeys.Except(enValues.Keys).Select(k => $"{Path.GetFileName(en)} lacks {k}"));
            Assert.Empty(enValues.Keys.Except(zhKeys).Select(k => $"{Path.GetFileName(zh)} lacks {k}"));
            Assert.Empty(enValues.Where(kv => Cjk().IsMatch(kv.Value) && !QuotesChineseInput.Contains(kv.Key)).Select(kv => $"{Path.GetFileName(en)} {kv.Key}: {kv.Value}"));
        }
    }

    [Fact]
    public void Chinese_strings_in_the_sources_use_full_width_punctuation()
    {
        var bad = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
                         && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in Literal().Matches(Code(lines[i])))
                {
                    var text = m.Value[1..^1];
                    var halves = text.Split(" / ");
                    // An English sentence that names a Chinese term ("Transfers (转运) by state") is English text.
                    if (halves.Length == 1 && Cjk().Count(text) < Latin().Count(text)) continue;
                    if (HalfWidth(halves[0])) bad.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: {text}");
                    // "中文）/ English" is never split by Bilingual.Pick: the reader would see both languages.
                    if (TightSeparator().IsMatch(text)) bad.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: separator without spaces: {text}");
                }
        }
        Assert.Empty(bad);
    }

    /// <summary>Half-width , : ; ? ! ( ) touching a Chinese character (times like 08:00 and formats like {0:N0} are not).</summary>
    private static bool HalfWidth(string s) => Touching().IsMatch(s);

    /// <summary>The line without a trailing // comment (one outside a string literal).</summary>
    private static string Code(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) inString = !inString;
            if (!inString && line[i] == '/' && line[i + 1] == '/') return line[..i];
        }
        return line;
    }

    private static HashSet<string> Keys(string resx) => XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff][,:;?!()]|[,:;?!()][\u3400-\u9fff\uf900-\ufaff]")]
    private static partial Regex Touching();

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[\u3400-\u9fff）」”]/ ?[A-Za-z]|[\u3400-\u9fff）」”] /[A-Za-z]")]
    private static partial Regex TightSeparator();

    /// <summary>Half-width punctuation against a placeholder of a Chinese string ("{0}:{1}" reads "身份证:校验码错误").</summary>
    [GeneratedRegex(@"\}[,:;?!()]|[,:;?!()]\{")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex Literal();
}
