using System.Globalization;
using System.Net;
using System.Text;
using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;

namespace Fangkong.Web.Charts;

/// <summary>The words a map needs, in the reader's language: a title, the level names under the preset, the markers' names.</summary>
public sealed record ZoneMapWords(string Title, IReadOnlyDictionary<ZoneLevel, string> Levels, string Unzoned, string CaseHomes, string Sites, string Scale);

/// <summary>
/// Draws the city map as SVG from our own data (no tiles, no internet): each district an outline around its compounds,
/// each compound a hexagon sized by its households and filled by the level of the zone over it, the homes of cases and
/// the sampling sites as markers, and a legend. An equirectangular projection is true enough at a city's scale.
/// </summary>
public static class ZoneMapSvg
{
    public const int Width = 900;
    private const int Margin = 24;
    private const int LegendHeight = 86;
    private static readonly Dictionary<ZoneLevel, string> Fill = new()
    {
        [ZoneLevel.Sealed] = "#c62828",
        [ZoneLevel.Controlled] = "#ef8f00",
        [ZoneLevel.Precaution] = "#1e6fb8",
    };
    private static readonly string[] DistrictTint = ["#eef3e8", "#e9eef5", "#f4efe6", "#efe9f3"];

    /// <summary>The map's words from the zone pages' catalogue, the levels named under the preset in force.</summary>
    public static ZoneMapWords Words(Microsoft.Extensions.Localization.IStringLocalizer t, ZonePreset preset) => new(
        t["Map.Title"],
        new[] { ZoneLevel.Sealed, ZoneLevel.Controlled, ZoneLevel.Precaution }.ToDictionary(l => l, l => ZoneWords.Level(preset, l)),
        t["Map.Unzoned"], t["Map.CaseHomes"], t["Map.Sites"], t["Map.Scale"]);

    public static string Render(ZoneMap map, ZoneMapWords words, bool english, string testId = "zone-map")
    {
        var points = map.Compounds.ToList();
        // Zoom to the focused zone (with its surroundings) when there is one, else the whole city.
        var frame = points.Where(c => c.Focus).ToList() is { Count: > 0 } f ? f : points;
        if (frame.Count == 0) frame = [new MapCompound(0, "", "", 42.89, 125.14, 0, null, false)];
        double minLat = frame.Min(c => c.Latitude), maxLat = frame.Max(c => c.Latitude), minLon = frame.Min(c => c.Longitude), maxLon = frame.Max(c => c.Longitude);
        var pad = Math.Max(0.004, Math.Max(maxLat - minLat, maxLon - minLon) * 0.08);
        minLat -= pad; maxLat += pad; minLon -= pad; maxLon += pad;
        var kx = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = (Width - 2 * Margin) / ((maxLon - minLon) * kx);
        var mapHeight = (int)Math.Ceiling((maxLat - minLat) * scale);
        mapHeight = Math.Clamp(mapHeight, 200, 1400);
        var height = mapHeight + 2 * Margin + LegendHeight;
        (double X, double Y) P(double lat, double lon) => (Margin + (lon - minLon) * kx * scale, Margin + (maxLat - lat) * scale);
        bool Inside((double X, double Y) p) => p.X >= 0 && p.X <= Width && p.Y >= 0 && p.Y <= Margin + mapHeight + Margin;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" class=\"zone-map\" role=\"img\" data-testid=\"{testId}\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Esc(words.Title)}</title><rect width=\"{Width}\" height=\"{height}\" fill=\"#fbfbf8\"/>");

        // Districts: an outline around their compounds, tinted, named at their centre.
        var d = 0;
        foreach (var district in map.Districts)
        {
            var mine = points.Where(c => c.DistrictCode == district.Code).Select(c => P(c.Latitude, c.Longitude)).ToList();
            var tint = DistrictTint[d++ % DistrictTint.Length];
            if (mine.Count == 0) continue;
            var hull = Hull(mine);
            var cx = mine.Average(p => p.X);
            var cy = mine.Average(p => p.Y);
            var grown = hull.Select(p => (cx + (p.X - cx) * 1.08 + Math.Sign(p.X - cx) * 6, cy + (p.Y - cy) * 1.08 + Math.Sign(p.Y - cy) * 6));
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{string.Join(' ', grown.Select(p => F(p.Item1) + "," + F(p.Item2)))}\" fill=\"{tint}\" stroke=\"#b9c0b0\" stroke-width=\"1\" data-district=\"{district.Code}\"/>");
            if (Inside((cx, cy)))
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(cx)}\" y=\"{F(cy)}\" font-size=\"14\" fill=\"#6b7260\" text-anchor=\"middle\" opacity=\"0.8\">{Esc(english ? district.EnglishName : district.Name)}</text>");
        }

        // Compounds: the unzoned as small grey dots (a city has thousands), the zoned as hexagons by level, sealed on top.
        foreach (var c in points.Where(c => c.Level is null))
        {
            var p = P(c.Latitude, c.Longitude);
            if (Inside(p)) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"{F(Radius(c) * 0.6)}\" fill=\"#c9ccc4\"/>");
        }
        foreach (var c in points.Where(c => c.Level is not null).OrderBy(c => c.Level))
        {
            var p = P(c.Latitude, c.Longitude);
            var r = Radius(c) * (frame.Count < points.Count ? 2.5 : 1);
            var level = c.Level!.Value;
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Hexagon(p, r, c.Id)}\" fill=\"{Fill[level]}\" fill-opacity=\"0.85\" stroke=\"{(c.Focus ? "#222" : "#fff")}\" stroke-width=\"{(c.Focus ? 2 : 0.8)}\" data-level=\"{level}\" data-compound=\"{c.Id}\"><title>{Esc(c.Name)} · {Esc(words.Levels[level])}</title></polygon>");
        }

        // Markers: case homes as dark rings with the count, sampling sites as blue triangles.
        foreach (var m in map.CaseHomes)
        {
            var p = P(m.Latitude, m.Longitude);
            if (!Inside(p)) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<g data-marker=\"case-home\"><circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"{F(4 + Math.Min(6, m.Count))}\" fill=\"none\" stroke=\"#4a0000\" stroke-width=\"2\"/><circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"1.8\" fill=\"#4a0000\"/><title>{Esc(words.CaseHomes)} · {Esc(m.Label)} · {m.Count}</title></g>");
        }
        foreach (var m in map.Sites)
        {
            var p = P(m.Latitude, m.Longitude);
            if (!Inside(p)) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<polygon data-marker=\"site\" points=\"{F(p.X)},{F(p.Y - 6)} {F(p.X - 5)},{F(p.Y + 4)} {F(p.X + 5)},{F(p.Y + 4)}\" fill=\"#0072B2\" stroke=\"#fff\" stroke-width=\"0.8\"><title>{Esc(words.Sites)} · {m.Count}</title></polygon>");
        }

        Legend(svg, words, map, Margin + mapHeight + Margin, scale);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Legend(StringBuilder svg, ZoneMapWords words, ZoneMap map, int top, double scale)
    {
        var x = Margin;
        var y = top + 18;
        svg.Append(CultureInfo.InvariantCulture, $"<g data-testid=\"zone-map-legend\" font-size=\"13\" fill=\"#333\">");
        foreach (var level in new[] { ZoneLevel.Sealed, ZoneLevel.Controlled, ZoneLevel.Precaution })
        {
            if (map.Preset == ZonePreset.TwentyMeasures && level == ZoneLevel.Controlled) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Hexagon((x + 8, y - 4), 8, 0)}\" fill=\"{Fill[level]}\"/><text x=\"{x + 22}\" y=\"{y}\">{Esc(words.Levels[level])}</text>");
            x += 40 + 14 * words.Levels[level].Length;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x + 8}\" cy=\"{y - 4}\" r=\"3\" fill=\"#c9ccc4\"/><text x=\"{x + 22}\" y=\"{y}\">{Esc(words.Unzoned)}</text>");
        y += 26;
        x = Margin;
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x + 8}\" cy=\"{y - 4}\" r=\"6\" fill=\"none\" stroke=\"#4a0000\" stroke-width=\"2\"/><text x=\"{x + 22}\" y=\"{y}\">{Esc(words.CaseHomes)}</text>");
        x += 40 + 14 * words.CaseHomes.Length;
        svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{x + 8},{y - 10} {x + 3},{y} {x + 13},{y}\" fill=\"#0072B2\"/><text x=\"{x + 22}\" y=\"{y}\">{Esc(words.Sites)}</text>");
        // A scale bar of a round number of kilometres, about a sixth of the width.
        var kmPx = scale / 111.0; // a degree of latitude is 111 km, and x is scaled to match y
        var km = new[] { 0.5, 1, 2, 5, 10, 20 }.LastOrDefault(k => k * kmPx <= Width / 6.0, 0.5);
        var bar = km * kmPx;
        var bx = Width - Margin - bar;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(bx)}\" y1=\"{y - 4}\" x2=\"{F(bx + bar)}\" y2=\"{y - 4}\" stroke=\"#333\" stroke-width=\"2\"/><text x=\"{F(bx + bar / 2)}\" y=\"{y - 10}\" text-anchor=\"middle\">{Esc(string.Format(CultureInfo.InvariantCulture, words.Scale, km))}</text>");
        svg.Append("</g>");
    }

    private static double Radius(MapCompound c) => Math.Clamp(2 + Math.Sqrt(c.Households) / 3, 2.5, 9);

    private static string Hexagon((double X, double Y) p, double r, long seed)
    {
        var turn = seed % 60 * Math.PI / 180;
        return string.Join(' ', Enumerable.Range(0, 6).Select(i =>
        {
            var a = turn + i * Math.PI / 3;
            return F(p.X + r * Math.Cos(a)) + "," + F(p.Y + r * Math.Sin(a));
        }));
    }

    /// <summary>The convex hull (Andrew's monotone chain), clockwise on screen.</summary>
    private static List<(double X, double Y)> Hull(List<(double X, double Y)> points)
    {
        var pts = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (pts.Count < 3) return pts.Count == 0 ? pts : [.. pts, (pts[0].X + 1, pts[0].Y + 1)];
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        var hull = new List<(double X, double Y)>();
        foreach (var p in pts)
        {
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(p);
        }
        var lower = hull.Count + 1;
        for (var i = pts.Count - 2; i >= 0; i--)
        {
            while (hull.Count >= lower && Cross(hull[^2], hull[^1], pts[i]) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(pts[i]);
        }
        hull.RemoveAt(hull.Count - 1);
        return hull;
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
