using System.Diagnostics;
using System.Text;

namespace Fangkong.Core.Tests.Documents;

/// <summary>
/// poppler's command-line tools read a PDF as a viewer does (./test.sh installs poppler-utils). Each run asserts a zero
/// exit and, unless told otherwise, an empty stderr: poppler reports syntax, xref and font problems there.
/// </summary>
internal static class Poppler
{
    /// <summary>Runs <paramref name="tool"/> with <paramref name="args"/>, where "{pdf}" stands for the file (appended if absent).</summary>
    public static string Run(string tool, byte[] pdf, params string[] args) => RunInDirectory(tool, pdf,
        (file, _) => args.Contains("{pdf}") ? [.. args.Select(a => a == "{pdf}" ? file : a)] : [.. args, file], null).Out;

    /// <summary>Runs <paramref name="tool"/> on the PDF in a scratch directory and returns stdout and the bytes of <paramref name="outputFile"/> if given.</summary>
    public static (string Out, byte[]? File) RunInDirectory(string tool, byte[] pdf, Func<string, string, string[]> args, string? outputFile)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"fangkong-pdf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "in.pdf");
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var a in args(file, dir)) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (install poppler-utils)");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), $"{tool} did not finish");
            Assert.Equal("", stderr.Result.Trim());
            Assert.Equal(0, process.ExitCode);
            return (stdout, outputFile is null ? null : File.ReadAllBytes(Path.Combine(dir, outputFile)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>pdffonts' table: one row per font with its type and whether it is embedded, subset and has a ToUnicode map.</summary>
    public static IReadOnlyList<(string Name, string Type, bool Embedded, bool Subset, bool Unicode)> Fonts(byte[] pdf)
    {
        var lines = Run("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("name", lines[0]);
        var columns = lines[1]; // dashes under each column give the column widths
        var starts = new List<int> { 0 };
        for (var i = 1; i < columns.Length; i++) if (columns[i] == '-' && columns[i - 1] == ' ') starts.Add(i);
        string Cell(string line, int c) => line[starts[c]..Math.Min(line.Length, c + 1 < starts.Count ? starts[c + 1] : line.Length)].Trim();
        return [.. lines.Skip(2).Select(l => (Cell(l, 0), Cell(l, 1), Cell(l, 3) == "yes", Cell(l, 4) == "yes", Cell(l, 5) == "yes"))];
    }

    /// <summary>The first page rendered in grey at <paramref name="dpi"/>, as rows of 0 (black) to 255 (white).</summary>
    public static byte[,] RenderGray(byte[] pdf, int dpi)
    {
        var (_, pgm) = RunInDirectory("pdftoppm", pdf, (file, dir) => ["-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir, "page")], "page.pgm");
        return Pgm(pgm!);
    }

    // Binary PGM (P5): "P5 width height maxval" then one byte per pixel.
    private static byte[,] Pgm(byte[] bytes)
    {
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos])) pos++;
            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos])) pos++;
            return Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        Assert.Equal("P5", Token());
        var (w, h) = (int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("255", Token());
        pos++; // the single whitespace after maxval
        var pixels = new byte[h, w];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                pixels[y, x] = bytes[pos + y * w + x];
        return pixels;
    }
}
