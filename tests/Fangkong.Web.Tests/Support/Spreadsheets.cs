using System.Diagnostics;
using System.Text;

namespace Fangkong.Web.Tests.Support;

/// <summary>
/// Opens spreadsheets as a user's spreadsheet program shows them: LibreOffice Calc, headless (./test.sh installs
/// libreoffice-calc), saves each as CSV of the cells as shown; and reads CSV into rows of fields.
/// </summary>
internal static class Spreadsheets
{
    /// <summary>Each XLSX's first sheet as LibreOffice shows it, row by row (a 15-digit number shows as 4.57809120462881E+017).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string[]>>> OpenWithLibreOfficeAsync(params byte[][] workbooks)
    {
        var dir = Directory.CreateTempSubdirectory("fangkong-calc-");
        try
        {
            var files = workbooks.Select((bytes, i) => Path.Combine(dir.FullName, $"export{i}.xlsx")).ToList();
            for (var i = 0; i < files.Count; i++) await File.WriteAllBytesAsync(files[i], workbooks[i]);
            // A private profile: LibreOffice refuses a second instance on a shared one, and tests run in parallel.
            // The CSV filter's options: comma, double quotes, UTF-8 (76), from line 1.
            var start = new ProcessStartInfo("soffice")
            {
                ArgumentList = { $"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--norestore", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir.FullName },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            files.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start (install libreoffice-calc)");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"soffice exited {process.ExitCode}: {await output} {await errors}");
            var sheets = new List<IReadOnlyList<string[]>>();
            foreach (var file in files)
            {
                var csv = Path.ChangeExtension(file, ".csv");
                Assert.True(File.Exists(csv), $"soffice wrote no CSV for {Path.GetFileName(file)}: {await output} {await errors}");
                sheets.Add(Csv(await File.ReadAllTextAsync(csv, Encoding.UTF8)));
            }
            return sheets;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Rows of RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), a leading BOM ignored.</summary>
    public static IReadOnlyList<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.StartsWith('\uFEFF') ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
