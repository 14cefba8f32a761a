using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Documents;
using Fangkong.Domain.Passes;

namespace Fangkong.Core.Passes;

/// <summary>
/// The printable pass: its kind, holder (masked), employer, route, vehicle and cargo, days, and the signed QR a
/// checkpoint scans. Worded in Chinese and English whatever the printer's language: it is shown on the road.
/// </summary>
public static class PassPdf
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN"), English = CultureInfo.GetCultureInfo("en");

    public static byte[] Render(PassView p, DateTimeOffset printedAt, TimeSpan cityOffset)
    {
        ArgumentNullException.ThrowIfNull(p);
        var pdf = new PrintDocument(Messages.Get(Chinese, "Passes.Pdf.Title") + " " + p.Id.ToString(CultureInfo.InvariantCulture), printedAt);
        var page = pdf.AddPage();
        const double left = 72;
        page.Text(left, 90, 24, Messages.Get(Chinese, KindKey(p.Kind)) + Messages.Get(Chinese, "Passes.Pdf.Title"));
        page.Text(left, 116, 12, Messages.Get(English, KindKey(p.Kind)) + " " + Messages.Get(English, "Passes.Pdf.Title"), gray: 0.35);
        page.Line(left, 132, page.Width - left, 132, 0.8, 0.5);
        var rows = new List<(string, string)>
        {
            (Both("Passes.Col.Id"), p.Id.ToString(CultureInfo.InvariantCulture)),
            (Both("Passes.Col.Holder"), p.Holder),
            (Both("Passes.Col.IdNumber"), p.HolderIdNumber),
            (Both("Passes.Col.Employer"), p.Employer),
            (Both("Passes.Col.Route"), p.Route),
        };
        if (p.Plate is not null) rows.Add((Both("Passes.Col.Plate"), p.Plate));
        if (p.Cargo is not null) rows.Add((Both("Passes.Col.Cargo"), p.Cargo));
        rows.Add((Both("Passes.Pdf.Valid"), p.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " — " + p.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var y = 166.0;
        foreach (var (label, value) in rows)
        {
            page.Text(left, y, 10, label, gray: 0.35);
            page.Text(left + 170, y, 13, value);
            y += 26;
        }
        const double qr = 190;
        page.QrCode((page.Width - qr) / 2, y + 10, qr, p.Qr!);
        page.Text(left, y + qr + 34, 9, Messages.Get(Chinese, "Passes.Pdf.Footer"), gray: 0.4);
        page.Text(left, y + qr + 48, 9, Messages.Get(English, "Passes.Pdf.Footer"), gray: 0.4);
        page.Text(left, page.Height - 42, 9, Both("Passes.Pdf.Printed") + " " + printedAt.ToOffset(cityOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), gray: 0.4);
        return pdf.ToPdf();
    }

    private static string Both(string key) => Messages.Get(Chinese, key) + " " + Messages.Get(English, key);

    private static string KindKey(PassKind k) => k == PassKind.Freight ? "Passes.Kind.Freight" : "Passes.Kind.Staff";
}
