using System.Text;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Tests.Text;

public class CodePointOrderTests
{
    [Fact]
    public void Rare_characters_sort_after_full_width_forms_and_compatibility_ideographs_as_code_points_do()
    {
        // U+FA11 﨑 (a compatibility ideograph used in names) and U+FF08 （ lie above the surrogates in UTF-16 but below
        // every Extension B+ character as code points; the stores sort them as code points.
        string[] names = ["张𠀀", "张（甲）", "张﨑", "张三", "张𰀀", "张", "张𬌗"];
        var sorted = names.Order(CodePointOrder.Instance).ToArray();
        Assert.Equal(["张", "张三", "张﨑", "张（甲）", "张𠀀", "张𬌗", "张𰀀"], sorted);
        Assert.Equal(sorted, names.OrderBy(n => n, Comparer<string>.Create(ByRunes)).ToArray());
    }

    [Fact]
    public void Agrees_with_comparing_scalar_values_on_random_strings()
    {
        var random = new Random(20260412);
        int[] pool = [0x41, 0x7A, 0x4E00, 0x5F20, 0xD7FF, 0xE000, 0xFA11, 0xFF08, 0xFFFD, 0x20000, 0x2A700, 0x2B740, 0x2B820, 0x2CEB0, 0x30000, 0x10FFFF];
        string Next() => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Rune(pool[random.Next(pool.Length)]).ToString()));
        for (var i = 0; i < 5000; i++)
        {
            var (a, b) = (Next(), Next());
            Assert.Equal(Math.Sign(ByRunes(a, b)), Math.Sign(CodePointOrder.Instance.Compare(a, b)));
        }
    }

    private static int ByRunes(string? a, string? b)
    {
        var x = a!.EnumerateRunes().Select(r => r.Value).ToArray();
        var y = b!.EnumerateRunes().Select(r => r.Value).ToArray();
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return x.Length.CompareTo(y.Length);
    }
}
