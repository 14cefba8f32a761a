using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Fangkong.Core.Tests.Exports;

/// <summary>
/// Reads a PDF the way a viewer starts to: from the end (startxref), through the cross-reference table, to each object
/// at the byte offset the table gives. Every step asserts, so a wrong offset or a broken table fails the test.
/// </summary>
internal sealed partial class PdfInspector
{
    private readonly byte[] _bytes;
    private readonly string _text; // Latin-1, so character index == byte offset

    public PdfInspector(byte[] bytes)
    {
        _bytes = bytes;
        _text = Encoding.Latin1.GetString(bytes);
        var startxref = StartXref().Match(_text);
        Assert.True(startxref.Success, "no startxref at the end of the file");
        XrefOffset = long.Parse(startxref.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal("xref", _text.Substring((int)XrefOffset, 4));
        var header = XrefHeader().Match(_text, (int)XrefOffset);
        Assert.True(header.Success && header.Index == XrefOffset, "xref must be followed by a subsection header");
        var first = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Equal(0, first);
        var entriesAt = header.Index + header.Length;
        for (var i = 0; i < count; i++)
        {
            var entry = _text.Substring(entriesAt + 20 * i, 20); // entries are exactly 20 bytes each
            var m = XrefEntry().Match(entry);
            Assert.True(m.Success, $"xref entry {i} is not 20 well-formed bytes: '{entry}'");
            if (m.Groups[3].Value == "n") Offsets[i] = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        Trailer = _text[(entriesAt + 20 * count)..];
        Assert.StartsWith("trailer", Trailer);
        Assert.Equal(count, int.Parse(Regex.Match(Trailer, @"/Size (\d+)").Groups[1].Value, CultureInfo.InvariantCulture));
    }

    public long XrefOffset { get; }
    public Dictionary<int, long> Offsets { get; } = [];
    public string Trailer { get; }

    public string Header => _text[..Math.Min(_text.Length, 16)];

    /// <summary>The text of object <paramref name="number"/> between "N 0 obj" and "endobj", found at its xref offset.</summary>
    public string Object(int number)
    {
        var at = (int)Offsets[number];
        var opening = $"{number} 0 obj";
        Assert.Equal(opening, _text.Substring(at, opening.Length));
        var end = _text.IndexOf("endobj", at, StringComparison.Ordinal);
        return _text[(at + opening.Length)..end].Trim();
    }

    public int Reference(string body, string key)
    {
        var m = Regex.Match(body, "/" + key + @" (\d+) 0 R");
        Assert.True(m.Success, $"/{key} reference missing in {body}");
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public string Root => Object(Reference(Trailer, "Root"));
    public string Info => Object(Reference(Trailer, "Info"));

    public IReadOnlyList<int> PageObjects()
    {
        var pages = Object(Reference(Root, "Pages"));
        return [.. Regex.Matches(pages, @"(\d+) 0 R").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    /// <summary>The decoded bytes of a FlateDecode stream object, its /Length checked against "endstream".</summary>
    public string StreamText(int number)
    {
        var body = Object(number);
        var length = int.Parse(Regex.Match(body, @"/Length (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Contains("/Filter /FlateDecode", body);
        var dataAt = (int)Offsets[number] + _text[(int)Offsets[number]..].IndexOf("stream\n", StringComparison.Ordinal) + "stream\n".Length;
        Assert.Equal("\nendstream", _text.Substring(dataAt + length, "\nendstream".Length));
        using var zlib = new ZLibStream(new MemoryStream(_bytes, dataAt, length), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    public string PageContent(int pageIndex) => StreamText(Reference(Object(PageObjects()[pageIndex]), "Contents"));

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"xref\n(\d+) (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"^(\d{10}) (\d{5}) ([nf])(\r\n| \n| \r)$")]
    private static partial Regex XrefEntry();
}
