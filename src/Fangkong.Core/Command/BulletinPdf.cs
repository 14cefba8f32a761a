using System.Globalization;
using Fangkong.Core.Exports;

namespace Fangkong.Core.Command;

/// <summary>A bulletin as a printable A4 PDF: title, then the Chinese text and the English one, wrapped to the page.</summary>
public static class BulletinPdf
{
    private const double Margin = 56;
    private const double Size = 12;
    private const double Leading = 20;

    public static byte[] Render(Bulletin b, DateTimeOffset printedAt)
    {
        var pdf = new PdfDocumentWriter(b.TitleZh, printedAt);
        var page = pdf.AddPage();
        var y = Margin;
        var width = page.Width - 2 * Margin;
        void Paragraph(string text, double size, bool bold)
        {
            foreach (var line in Wrap(text, size, width))
            {
                if (y > page.Height - Margin)
                {
                    page = pdf.AddPage();
                    y = Margin;
                }
                page.Text(Margin, y, size, line, bold);
                y += size * Leading / Size;
            }
            y += Leading / 2;
        }
        Paragraph(b.TitleZh, 16, true);
        Paragraph(b.TextZh, Size, false);
        Paragraph(b.TitleEn, 14, true);
        Paragraph(b.TextEn, Size, false);
        Paragraph((b.PublishedAtUtc is null ? "草稿 Draft" : "已发布 Published ") + (b.PublishedAtUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""), 9, false);
        return pdf.ToBytes();
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
                if (line.Length > 0 && PdfDocumentWriter.MeasureWidth(candidate, size) > width)
                {
                    yield return line.TrimEnd();
                    line = token.TrimStart();
                }
                else line = candidate;
            }
            yield return line.TrimEnd();
        }
    }

    // A Latin word with its following space stays whole; every other character is its own token.
    private static IEnumerable<string> Tokens(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var j = i;
            if (char.IsAscii(s[i]) && s[i] != ' ')
                while (j < s.Length && char.IsAscii(s[j]) && s[j] != ' ') j++;
            else j++;
            while (j < s.Length && s[j] == ' ') j++;
            yield return s[i..j];
            i = j;
        }
    }
}
