using System.Globalization;
using Fangkong.Core.Documents;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Command;

/// <summary>A bulletin as a printable A4 PDF: title, then the Chinese text and the English one, wrapped to the page.</summary>
public static class BulletinPdf
{
    private const double Margin = 56;
    private const double Size = 12;
    private const double Leading = 20;

    public static byte[] Render(Bulletin b, DateTimeOffset printedAt)
    {
        var pdf = new PrintDocument(b.TitleZh, printedAt);
        var page = pdf.AddPage();
        var y = Margin;
        var width = page.Width - 2 * Margin;
        // Headings stand out by size alone: the fonts that embed (ADR 0009) have one weight.
        void Paragraph(string text, double size)
        {
            foreach (var line in Wrap(text, size, width))
            {
                if (y > page.Height - Margin)
                {
                    page = pdf.AddPage();
                    y = Margin;
                }
                page.Text(Margin, y, size, line);
                y += size * Leading / Size;
            }
            y += Leading / 2;
        }
        Paragraph(b.TitleZh, 17);
        Paragraph(b.TextZh, Size);
        Paragraph(b.TitleEn, 15);
        Paragraph(b.TextEn, Size);
        Paragraph((b.PublishedAtUtc is null ? "草稿 Draft" : "已发布 Published ") + (b.PublishedAtUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""), 9);
        return pdf.ToPdf();
    }

    /// <summary>Breaks text into lines that fit: at any character for Chinese, at spaces for English words.</summary>
    public static IEnumerable<string> Wrap(string text, double size, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var token in Tokens(paragraph.TrimEnd('\r')))
            {
                var candidate = line + token;
                if (line.Length > 0 && PrintDocument.MeasureWidth(candidate, size) > width)
                {
                    yield return line.TrimEnd();
                    line = token.TrimStart();
                }
                else line = candidate;
            }
            yield return line.TrimEnd();
        }
    }

    // A Latin word with its following spaces stays whole; every other character is its own token, with the spaces
    // after it. Characters are text elements, so a rare character outside the BMP is never cut from its other half.
    private static IEnumerable<string> Tokens(string s)
    {
        var chars = TextElements.Split(s);
        var i = 0;
        while (i < chars.Count)
        {
            var j = i;
            if (IsWordChar(chars[i]))
                while (j < chars.Count && IsWordChar(chars[j])) j++;
            else j++;
            while (j < chars.Count && chars[j] == " ") j++;
            yield return string.Concat(chars.Skip(i).Take(j - i));
            i = j;
        }
    }

    private static bool IsWordChar(string c) => c.Length == 1 && char.IsAscii(c[0]) && c[0] != ' ';
}
