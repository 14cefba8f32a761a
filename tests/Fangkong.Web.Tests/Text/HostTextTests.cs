using System.Globalization;
using System.Text.RegularExpressions;

namespace Fangkong.Web.Tests.Text;

/// <summary>
/// The web host's own sentences (<see cref="HostText"/>, Resources/HostText.resx) as the sources ask for them: every key
/// written as <c>HostText.Get("…")</c> has a Chinese and an English text. (That both files hold the same keys, and the
/// English no Chinese, <see cref="ChineseTextTests"/> checks for every web catalogue.)
/// </summary>
public sealed partial class HostTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Every_host_text_key_in_the_sources_has_Chinese_and_English_text()
    {
        var root = FindRoot();
        var keys = Directory.GetFiles(Path.Combine(root, "src", "Fangkong.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(HostText.Has(Chinese, k), $"HostText.resx lacks {k}"));
        Assert.All(keys, k => Assert.DoesNotMatch(Cjk(), HostText.Get(English, k, "x", "x", "x")));
        Assert.All(keys, k => Assert.Matches(Cjk(), HostText.Get(Chinese, k, "x", "x", "x")));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [GeneratedRegex(@"HostText\.Get\((?:[A-Za-z_.]+, )?""(?<key>[A-Z][A-Za-z]+\.[A-Za-z0-9_.]+)""")]
    private static partial Regex Key();

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex Cjk();
}
